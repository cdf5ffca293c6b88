using Microsoft.IdentityModel.JsonWebTokens;
using OAuth2.Functional.DevServer;
using OAuth2.Functional.Tests.Integration;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Readme;

/// <summary>The token exchange, JWT bearer and extension-grant snippets of README.md (kept in ReadmeExamples), run against
/// the embedded server.</summary>
[Collection("devserver")]
public class ExtensionGrantReadmeTests(DevServerFixture fixture)
{
    private DevAuthorizationServer Server => fixture.Server;

    [Fact]
    public async Task The_exchange_example_gets_a_token_for_the_orders_api()
    {
        var config = Server.ConfigFor(Server.Exchanger);
        var user = Right(await Right(ClientCredentials.Create(config)).GetTokenAsync(Parameters.Empty.WithScope("api")));
        var exchanged = Right(await ReadmeExamples.OnBehalfOf(config, user.Value));
        Assert.Contains("orders-api", new JsonWebToken(exchanged.Token.Value.Reveal()).Audiences);
    }

    [Fact]
    public async Task The_jwt_bearer_example_gets_a_token_for_the_assertions_subject()
    {
        var token = Right(await ReadmeExamples.WithAssertion(Server.ConfigFor(Server.Exchanger), DevAssertions.Sign(Server, "dave")));
        Assert.Equal("dave", new JsonWebToken(token.Value.Reveal()).Subject);
    }

    [Fact]
    public async Task The_extension_grant_example_takes_any_grant_type_and_refuses_a_bad_one()
    {
        var config = Server.ConfigFor(Server.Exchanger);
        Assert.True((await ReadmeExamples.WithExtensionGrant(config, "client_credentials", Parameters.Empty.WithScope("api"))).IsRight);
        var viaUri = await ReadmeExamples.WithExtensionGrant(config, "urn:ietf:params:oauth:grant-type:jwt-bearer",
            Parameters.Of(("assertion", DevAssertions.Sign(Server))));
        Assert.True(viaUri.IsRight);
        Assert.Equal("grantType", LeftOf<OAuthError.InvalidArgument, AccessToken>(
            await ReadmeExamples.WithExtensionGrant(config, "not a grant", Parameters.Empty).ToEither()).Name);
    }
}
