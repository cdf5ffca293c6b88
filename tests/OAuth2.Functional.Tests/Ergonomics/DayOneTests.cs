using OAuth2.Functional.Tests.Shell;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Ergonomics;

/// <summary>Issue 9: the obvious code compiles, stays a value, and reads what it needs without LanguageExt gymnastics.</summary>
public class DayOneTests
{
    [Fact]
    public void Create_with_a_null_second_argument_is_not_ambiguous()
    {
        // Compiles only because there is one Create per grant (it was CS0121 with two overloads).
        Assert.True(ClientCredentials.Create(DefaultConfig(), null).IsRight);
        Assert.True(ResourceOwnerPassword.Create(DefaultConfig(), null).IsRight);
        Assert.True(AuthorizationCode.Create(DefaultConfig(), null).IsRight);
    }

    [Fact]
    public void Giving_both_an_http_client_and_a_transport_is_an_invalid_argument() =>
        Assert.Equal("transport", Assert.IsType<OAuthError.InvalidArgument>(Left(
            ClientCredentials.Create(DefaultConfig(), new HttpClient(), transport: new FakeTransport().Transport))).Name);

    [Fact]
    public async Task The_operations_chain_directly_on_what_Create_returns_and_await_gives_an_Either()
    {
        var fake = new FakeTransport().Answer(200, "{\"access_token\":\"AT\",\"refresh_token\":\"RT\"}").Answer(200, "{\"access_token\":\"AT2\"}");
        var client = ClientCredentials.Create(DefaultConfig(), transport: fake.Transport);
        Either<OAuthError, AccessToken> token = await client.GetTokenAsync();
        Either<OAuthError, AccessToken> refreshed = await client.RefreshAsync(Right(token));
        Assert.Equal("AT2", Right(refreshed).Value.Reveal());
        Assert.Equal("RT", Right(refreshed).RefreshToken.Map(r => r.Reveal()).IfNone(""));
    }

    [Fact]
    public async Task A_configuration_error_flows_through_the_chain_and_nothing_is_sent()
    {
        var fake = new FakeTransport();
        var broken = ClientCredentials.Create(new OAuthConfig(new ClientSettings("id"), new AuthSettings("not a url")), transport: fake.Transport);
        Assert.IsType<OAuthError.InvalidConfig>(Left(await broken.GetTokenAsync()));
        Assert.IsType<OAuthError.InvalidConfig>(Left(await broken.RevokeAllAsync(Token("{\"access_token\":\"a\"}"))));
        Assert.IsType<OAuthError.InvalidConfig>(Left(broken.CreateToken("{\"access_token\":\"a\"}")));
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task An_uninitialised_client_value_is_a_left_not_a_bottom()
    {
        Either<OAuthError, ClientCredentials> nothing = default;
        Assert.IsType<OAuthError.InvalidArgument>(Left(await nothing.GetTokenAsync()));
        Assert.IsType<OAuthError.InvalidArgument>(Left(default(Either<OAuthError, AuthorizationCode>).AuthorizeUrl()));
    }

    [Fact]
    public async Task Generic_code_over_any_grant_takes_a_GrantClient()
    {
        static EitherAsync<OAuthError, AccessToken> Fetch(GrantClient client) => client.GetTokenAsync(Parameters.Of(("scope", "api")));
        foreach (var client in new GrantClient[]
                 {
                     Right(ClientCredentials.Create(DefaultConfig(), transport: new FakeTransport().Answer(200, "{\"access_token\":\"a\"}").Transport)),
                     Right(ResourceOwnerPassword.Create(DefaultConfig(), transport: new FakeTransport().Answer(200, "{\"access_token\":\"a\"}").Transport)),
                     Right(AuthorizationCode.Create(DefaultConfig(), transport: new FakeTransport().Answer(200, "{\"access_token\":\"a\"}").Transport)),
                 })
            Assert.True((await Fetch(client)).IsRight);
    }

    [Fact]
    public void The_authorization_header_is_read_explicitly()
    {
        var bearer = Token("{\"access_token\":\"AT\",\"token_type\":\"bearer\"}").AuthorizationHeader().IfNone(() => throw new Xunit.Sdk.XunitException("none"));
        Assert.Equal(("Bearer", "AT"), (bearer.Scheme, bearer.Parameter));
        var dpop = Token("{\"access_token\":\"AT\",\"token_type\":\"DPoP\"}").AuthorizationHeader().IfNone(() => throw new Xunit.Sdk.XunitException("none"));
        Assert.Equal("DPoP", dpop.Scheme);
        var odd = Token("{\"access_token\":\"AT\",\"token_type\":\"a b\\r\\n\"}").AuthorizationHeader().IfNone(() => throw new Xunit.Sdk.XunitException("none"));
        Assert.Equal("Bearer", odd.Scheme);
        Assert.True(((AccessToken?)null).AuthorizationHeader().IsNone);
        // RFC 8693 §2.2.1: an exchanged token of type N_A is not an access token and never goes out as one.
        Assert.True(Token("{\"access_token\":\"ID-TOKEN\",\"token_type\":\"N_A\"}").AuthorizationHeader().IsNone);
    }

    [Fact]
    public void The_status_is_a_plain_nullable_int() =>
        Assert.Equal((401, (int?)null), (Left(Responses.InterpretToken(HttpResponseSpec.Of(401, "application/json", "{\"error\":\"invalid_client\"}"), Jan1)).HttpStatus,
            new OAuthError.Cancelled().HttpStatus));

    [Fact]
    public void The_authorize_url_is_the_exact_text()
    {
        var client = Right(AuthorizationCode.Create(DefaultConfig()));
        var url = Right(client.AuthorizeUrl(Parameters.Of(("state", "é~"))));
        Assert.Equal("https://authorization-server.org/oauth/authorize?response_type=code&client_id=the+client+id&state=%C3%A9%7E", url);
        Assert.NotEqual(url, new Uri(url).ToString()); // what a Uri would have done to it
    }
}
