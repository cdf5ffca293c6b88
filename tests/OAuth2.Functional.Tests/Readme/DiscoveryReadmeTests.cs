using OAuth2.Functional.DevServer;
using OAuth2.Functional.Tests.Integration;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Readme;

/// <summary>The discovery and PAR snippets of README.md (kept in ReadmeExamples), run against the embedded server.</summary>
[Collection("devserver")]
public class DiscoveryReadmeTests(DevServerFixture fixture)
{
    private DevAuthorizationServer Server => fixture.Server;

    [Fact]
    public async Task The_discovery_example_gets_a_token_with_a_configuration_from_metadata()
    {
        var cache = Right(ReadmeExamples.MetadataFor(Server.Issuer));
        var token = Right(await ReadmeExamples.TokenFromMetadata(cache, new ClientSettings(Server.Confidential.Id, Server.Confidential.Secret)));
        Assert.False(token.IsExpired(DateTimeOffset.UtcNow, TimeSpan.Zero));
        Assert.Equal("issuer", LeftOf<OAuthError.MalformedMetadata, AccessToken>(
            await ReadmeExamples.TokenFromMetadata(Right(ReadmeExamples.MetadataFor(Server.Issuer.TrimEnd('/'))), new ClientSettings("svc", "svc-secret"))).Member);
    }

    [Fact]
    public async Task The_PAR_example_gives_a_URL_the_server_answers_with_a_code()
    {
        var config = Server.ConfigFor(Server.Web);
        var client = Right(AuthorizationCode.Create(config with { Auth = config.Auth with { PushedAuthorizationPath = DevAuthorizationServer.PushedAuthorizationPath } }));
        var url = Right(await ReadmeExamples.PushThenAuthorize(client, Parameters.Of(("redirect_uri", DevAuthorizationServer.CallbackUri), ("state", "rd")).WithScope("api")));
        Assert.True((await UserAgent.FollowAuthorizeAsync(url, CallbackExpectation.ForState("rd").WithIssuer(Server.Issuer, required: true))).IsRight);
    }
}
