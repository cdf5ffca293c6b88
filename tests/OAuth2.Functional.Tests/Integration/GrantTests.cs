using Microsoft.Extensions.Time.Testing;
using OAuth2.Functional.DevServer;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Integration;

/// <summary>Every grant against the real OpenIddict server over real HTTP, with the library's default transport.</summary>
[Collection("devserver")]
public class GrantTests(DevServerFixture fixture)
{
    private DevAuthorizationServer Server => fixture.Server;

    private static OAuthOptions Body => new() { AuthorizationMethod = AuthorizationMethod.Body };

    [Theory]
    [InlineData(AuthorizationMethod.Header)]
    [InlineData(AuthorizationMethod.Body)]
    public async Task Client_credentials_with_either_authentication_method(AuthorizationMethod method)
    {
        var client = Right(ClientCredentials.Create(Server.ConfigFor(Server.Confidential, new OAuthOptions { AuthorizationMethod = method })));
        var token = Right(await client.GetTokenAsync(Parameters.Empty.WithScope("api")));
        Assert.Equal(Some("Bearer"), token.TokenType);
        Assert.Equal(3, token.Value.Reveal().Split('.').Length);
        Assert.True(token.ExpiresAt.IsSome);
        var introspection = Right(await client.IntrospectAsync(token));
        Assert.True(introspection.Active);
        Assert.Equal(Some("svc"), introspection.ClientId);
    }

    [Fact]
    public async Task Strict_basic_encoding_gets_an_awkward_secret_through()
    {
        var client = Right(ClientCredentials.Create(Server.ConfigFor(Server.Awkward)));
        Assert.True((await client.GetTokenAsync()).IsRight);
    }

    [Fact]
    public async Task Loose_basic_encoding_of_an_awkward_secret_is_rejected_by_a_spec_following_server()
    {
        var client = Right(ClientCredentials.Create(Server.ConfigFor(Server.Awkward, new OAuthOptions { CredentialsEncodingMode = CredentialsEncodingMode.Loose })));
        var e = Assert.IsType<OAuthError.ProtocolError>(Left(await client.GetTokenAsync()));
        Assert.Equal("invalid_client", e.Error);
    }

    [Fact]
    public async Task A_wrong_secret_is_a_401_invalid_client()
    {
        var client = Right(ClientCredentials.Create(Server.ConfigFor(Server.Confidential with { Secret = "wrong" })));
        var e = Assert.IsType<OAuthError.ProtocolError>(Left(await client.GetTokenAsync()));
        Assert.Equal(("invalid_client", 401), (e.Error, e.Status));
        Assert.True(e.ErrorDescription.IsSome);
    }

    [Fact]
    public async Task Password_grant_refresh_rotation_and_a_wrong_password()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var client = Right(ResourceOwnerPassword.Create(Server.ConfigFor(Server.Confidential, Body), timeProvider: clock));
        var token = Right(await client.GetTokenAsync(Parameters.Of(("username", Server.User.Username), ("password", Server.User.Password)).WithScopes("api", "offline_access")));
        Assert.True(token.RefreshToken.IsSome);
        // expires_in is 3600, or 3599 when the server's second ticked over while issuing: receivedAt + expires_in either way.
        Assert.Contains(token.ExpiresAt.IfNone(DateTimeOffset.MinValue), new[] { Expiry.AddSeconds(clock.GetUtcNow(), 3600), Expiry.AddSeconds(clock.GetUtcNow(), 3599) });

        var refreshed = Right(await client.RefreshAsync(token));
        Assert.NotEqual(token.Value, refreshed.Value);
        Assert.True(refreshed.RefreshToken.IsSome);
        Assert.NotEqual(token.RefreshToken, refreshed.RefreshToken);

        var wrong = Assert.IsType<OAuthError.ProtocolError>(Left(await client.GetTokenAsync(Parameters.Of(("username", "alice"), ("password", "nope")))));
        Assert.Equal(("invalid_grant", 400), (wrong.Error, wrong.Status));
    }

    [Fact]
    public async Task A_revoked_refresh_token_cannot_refresh()
    {
        var client = Right(ResourceOwnerPassword.Create(Server.ConfigFor(Server.Confidential)));
        var token = Right(await client.GetTokenAsync(Parameters.Of(("username", "alice"), ("password", "wonderland")).WithScope("api offline_access")));
        Assert.True((await client.RevokeAsync(token, TokenKind.RefreshToken)).IsRight);
        Assert.False(Right(await client.IntrospectAsync(token, TokenKind.RefreshToken)).Active);
        Assert.Equal("invalid_grant", ServerError(Left(await client.RefreshAsync(token))));
    }

    [Fact]
    public async Task RevokeAll_deactivates_both_tokens()
    {
        var client = Right(ResourceOwnerPassword.Create(Server.ConfigFor(Server.Confidential)));
        var token = Right(await client.GetTokenAsync(Parameters.Of(("username", "alice"), ("password", "wonderland")).WithScope("api offline_access")));
        Assert.True(Right(await client.IntrospectAsync(token)).Active);
        Assert.True(Right(await client.IntrospectAsync(token, TokenKind.RefreshToken)).Active);
        Assert.True((await client.RevokeAllAsync(token)).IsRight);
        Assert.False(Right(await client.IntrospectAsync(token)).Active);
        Assert.False(Right(await client.IntrospectAsync(token, TokenKind.RefreshToken)).Active);
    }

    [Fact]
    public async Task Authorization_code_with_pkce_for_the_public_client()
    {
        var client = Right(AuthorizationCode.Create(Server.ConfigFor(Server.Public)));
        var pkce = PkceGenerator.New();
        var state = PkceGenerator.NewState();
        var url = Right(client.AuthorizeUrl(pkce.AddChallenge(Parameters.Of(("redirect_uri", DevAuthorizationServer.CallbackUri), ("state", state)).WithScopes("api", "offline_access"))));
        var answer = Right(await UserAgent.FollowAuthorizeAsync(url, CallbackExpectation.ForState(state).WithIssuer(Server.Issuer, required: true)));
        Assert.Equal(Some(Server.Issuer), answer.Issuer);
        var code = answer.Code.Reveal();

        var token = Right(await client.GetTokenAsync(pkce.AddVerifier(Parameters.Of(("code", code), ("redirect_uri", DevAuthorizationServer.CallbackUri)))));
        Assert.True(token.RefreshToken.IsSome);
        var refreshed = Right(await client.RefreshAsync(token));
        Assert.NotEqual(token.RefreshToken, refreshed.RefreshToken);
        Assert.True((await client.RevokeAsync(refreshed, TokenKind.RefreshToken)).IsRight);
        Assert.Equal("invalid_grant", ServerError(Left(await client.RefreshAsync(refreshed))));
    }

    [Fact]
    public async Task A_wrong_pkce_verifier_is_invalid_grant()
    {
        var client = Right(AuthorizationCode.Create(Server.ConfigFor(Server.Public)));
        var pkce = PkceGenerator.New();
        var url = Right(client.AuthorizeUrl(pkce.AddChallenge(Parameters.Of(("redirect_uri", DevAuthorizationServer.CallbackUri), ("state", "s1")).WithScope("api"))));
        var code = Right(await UserAgent.FollowAuthorizeAsync(url, CallbackExpectation.ForState("s1"))).Code.Reveal();
        var wrong = PkceGenerator.New();
        var e = Assert.IsType<OAuthError.ProtocolError>(Left(await client.GetTokenAsync(wrong.AddVerifier(Parameters.Of(("code", code), ("redirect_uri", DevAuthorizationServer.CallbackUri))))));
        Assert.Equal(("invalid_grant", 400), (e.Error, e.Status));
    }

    [Theory]
    [InlineData(AuthorizationMethod.Header)]
    [InlineData(AuthorizationMethod.Body)]
    public async Task Authorization_code_for_the_confidential_client(AuthorizationMethod method)
    {
        var client = Right(AuthorizationCode.Create(Server.ConfigFor(Server.Web, new OAuthOptions { AuthorizationMethod = method })));
        var url = Right(client.AuthorizeUrl(Parameters.Of(("redirect_uri", DevAuthorizationServer.CallbackUri), ("state", "s2")).WithScope("api")));
        var code = Right(await UserAgent.FollowAuthorizeAsync(url, CallbackExpectation.ForState("s2"))).Code.Reveal();
        var token = Right(await client.GetTokenAsync(Parameters.Of(("code", code), ("redirect_uri", DevAuthorizationServer.CallbackUri))));
        Assert.True(Right(await client.IntrospectAsync(token)).Active);
        Assert.Equal("invalid_grant", ServerError(Left(await client.GetTokenAsync(Parameters.Of(("code", code), ("redirect_uri", DevAuthorizationServer.CallbackUri))))));
    }

    [Fact]
    public async Task A_json_request_body_is_rejected_cleanly()
    {
        var client = Right(ClientCredentials.Create(Server.ConfigFor(Server.Confidential, new OAuthOptions { BodyFormat = BodyFormat.Json })));
        var e = Left(await client.GetTokenAsync());
        Assert.True(e is OAuthError.ProtocolError or OAuthError.HttpError, e.ToString());
        Assert.Equal(Some(400), e.StatusCode);
    }

    [Fact]
    public async Task Device_flow_with_a_custom_grant_type()
    {
        var client = Right(ClientCredentials.Create(Server.ConfigFor(Server.Device)));
        var (deviceCode, userCode) = (await UserAgent.StartDeviceAsync(new Uri(Server.BaseUri, "oauth/device"), Server.Device.Id, "api"))
            .Match(d => d, e => throw new Xunit.Sdk.XunitException(e));
        var poll = Parameters.Of(("grant_type", "urn:ietf:params:oauth:grant-type:device_code"), ("device_code", deviceCode));
        Assert.Equal("authorization_pending", ServerError(Left(await client.GetTokenAsync(poll))));
        Assert.True((await UserAgent.ApproveDeviceAsync(new Uri(Server.BaseUri, "oauth/verify"), userCode)).IsRight);
        Assert.True((await client.GetTokenAsync(poll)).IsRight);
    }

    [Fact]
    public async Task Discovery_lists_the_paths_the_default_options_use()
    {
        using var http = new HttpClient();
        var json = await http.GetStringAsync(Server.DiscoveryUri);
        foreach (var path in new[] { "oauth/token", "oauth/revoke", "oauth/authorize", "oauth/introspect" })
            Assert.Contains(new Uri(Server.BaseUri, path).AbsoluteUri, json);
    }
}
