using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OAuth2.Functional.DevServer;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Integration;

/// <summary>Token exchange (OpenIddict's own RFC 8693 support), the JWT bearer grant (a custom grant on the server whose
/// assertion is verified with JsonWebTokenHandler) and the generic extension grant, against the real server over real HTTP.</summary>
[Collection("devserver")]
public class ExtensionGrantTests(DevServerFixture fixture)
{
    private DevAuthorizationServer Server => fixture.Server;

    private OAuthConfig Config => Server.ConfigFor(Server.Exchanger);

    private async Task<AccessToken> SubjectTokenAsync() =>
        Right(await Right(ClientCredentials.Create(Config)).GetTokenAsync(Parameters.Empty.WithScopes("api")));

    private static JsonWebToken Jwt(Secret token) => new(token.Reveal());

    [Fact]
    public async Task A_token_exchanged_for_two_audiences_is_an_access_token_for_both()
    {
        var subject = await SubjectTokenAsync();
        var exchange = Right(TokenExchange.Create(Config));
        var request = TokenExchangeRequest.For(subject.Value, TokenTypeUri.AccessToken)
            .WithAudience("orders-api", "billing-api")
            .WithScopes("api");
        var exchanged = Right(await exchange.ExchangeAsync(request));
        Assert.Equal(TokenTypeUri.AccessToken, exchanged.IssuedTokenType);
        Assert.True(exchanged.IsAccessToken);
        Assert.NotEqual(subject.Value, exchanged.Token.Value);
        var audiences = Jwt(exchanged.Token.Value).Audiences.ToArray();
        Assert.Contains("orders-api", audiences);
        Assert.Contains("billing-api", audiences);
        Assert.Equal(Jwt(subject.Value).Subject, Jwt(exchanged.Token.Value).Subject);
    }

    [Fact]
    public async Task A_token_exchanged_for_a_resource_with_an_actor_token_succeeds()
    {
        var subject = await SubjectTokenAsync();
        var actor = await SubjectTokenAsync();
        var exchange = Right(TokenExchange.Create(Config));
        var request = TokenExchangeRequest.For(subject.Value, TokenTypeUri.AccessToken)
            .WithActor(actor.Value, TokenTypeUri.AccessToken)
            .WithResource("https://orders.example/api")
            .Requesting(TokenTypeUri.AccessToken);
        var exchanged = Right(await exchange.ExchangeAsync(request));
        Assert.Equal(TokenTypeUri.AccessToken, exchanged.IssuedTokenType);
        Assert.Contains("https://orders.example/api", Jwt(exchanged.Token.Value).Audiences);
    }

    [Fact]
    public async Task An_identity_token_comes_back_with_token_type_N_A()
    {
        var subject = await SubjectTokenAsync();
        var exchange = Right(TokenExchange.Create(Config));
        var request = TokenExchangeRequest.For(subject.Value, TokenTypeUri.AccessToken).WithScopes("openid").Requesting(TokenTypeUri.IdToken);
        var exchanged = Right(await exchange.ExchangeAsync(request));
        Assert.Equal(TokenTypeUri.IdToken, exchanged.IssuedTokenType);
        Assert.Equal(Some(ExchangedToken.NotApplicable), exchanged.Token.TokenType);
        Assert.False(exchanged.IsAccessToken);
    }

    [Fact]
    public async Task An_unregistered_audience_and_a_forged_subject_token_are_refused_by_the_server()
    {
        var subject = await SubjectTokenAsync();
        var exchange = Right(TokenExchange.Create(Config));
        var unknownAudience = Left(await exchange.ExchangeAsync(TokenExchangeRequest.For(subject.Value, TokenTypeUri.AccessToken).WithAudience("nowhere-api")));
        Assert.Equal("invalid_target", ServerError(unknownAudience)); // RFC 8707 §2
        var forged = Left(await exchange.ExchangeAsync(TokenExchangeRequest.For("not-a-token", TokenTypeUri.AccessToken)));
        // RFC 8693 §2.2.2 asks for invalid_request here; OpenIddict 7.8 answers invalid_grant (as for other bad grants).
        Assert.Equal("invalid_grant", ServerError(forged));
    }

    [Fact]
    public async Task A_fragment_in_a_resource_is_refused_before_anything_is_sent()
    {
        var before = Server.TokenEndpoint.Total;
        var exchange = Right(TokenExchange.Create(Config));
        var error = LeftOf<OAuthError.InvalidArgument, ExchangedToken>(
            await exchange.ExchangeAsync(TokenExchangeRequest.For("t", TokenTypeUri.AccessToken).WithResource("https://orders.example/api#x")).ToEither());
        Assert.Equal("resource[0]", error.Name);
        Assert.Equal(before, Server.TokenEndpoint.Total);
    }

    private string Assertion(DateTime? expires = null, string? audience = null, SigningCredentials? credentials = null) =>
        DevAssertions.Sign(Server, expires: expires, audience: audience, credentials: credentials);

    [Fact]
    public async Task A_signed_assertion_is_exchanged_for_a_token_for_its_subject()
    {
        var client = Right(JwtBearer.Create(Config));
        var token = Right(await client.GetTokenAsync(Assertion(), Parameters.Empty.WithScopes("api")));
        Assert.Equal("carol", Jwt(token.Value).Subject);
        Assert.Equal(Some("Bearer"), token.TokenType);
    }

    [Fact]
    public async Task An_assertion_with_a_jti_is_accepted_once_and_its_replay_refused()
    {
        var client = Right(JwtBearer.Create(Config));
        var once = Secret.Of(DevAssertions.Sign(Server, jwtId: Guid.NewGuid().ToString("N")));
        Assert.True((await client.GetTokenAsync(once)).IsRight);
        Assert.Equal("invalid_grant", ServerError(Left(await client.GetTokenAsync(once))));
    }

    [Fact]
    public async Task Expired_misaddressed_or_foreign_assertions_are_invalid_grant()
    {
        var client = Right(JwtBearer.Create(Config));
        var foreignKey = new SigningCredentials(
            new ECDsaSecurityKey(System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256)), SecurityAlgorithms.EcdsaSha256);
        foreach (var assertion in new[]
                 {
                     Assertion(expires: DateTime.UtcNow.AddMinutes(-5)),
                     Assertion(audience: "https://someone-else.example/token"),
                     Assertion(credentials: foreignKey),
                 })
            Assert.Equal("invalid_grant", ServerError(Left(await client.GetTokenAsync(assertion))));
    }

    [Fact]
    public async Task The_generic_grant_serves_the_custom_jwt_bearer_grant_and_client_credentials_by_name()
    {
        var jwtBearer = Right(ExtensionGrant.Create(Config, GrantType.JwtBearer));
        var viaAssertion = Right(await jwtBearer.GetTokenAsync(Parameters.Of(("assertion", Assertion()))));
        Assert.Equal("carol", Jwt(viaAssertion.Value).Subject);

        var clientCredentials = Right(ExtensionGrant.Create(Config, Right(GrantType.Of("client_credentials"))));
        var token = Right(await clientCredentials.GetTokenAsync(Parameters.Empty.WithScopes("api")));
        Assert.Equal(Server.Exchanger.Id, Jwt(token.Value).Subject);
    }

    [Fact]
    public async Task The_generic_grant_refuses_a_smuggled_grant_type_or_client_secret_without_sending()
    {
        var before = Server.TokenEndpoint.Total;
        var grant = Right(ExtensionGrant.Create(Config, GrantType.JwtBearer));
        var smuggled = LeftOf<OAuthError.InvalidArgument, AccessToken>(
            await grant.GetTokenAsync(Parameters.Of(("assertion", "x"), ("grant_type", "password"))).ToEither());
        Assert.Equal("params[1] (grant_type)", smuggled.Name);
        var secret = LeftOf<OAuthError.InvalidArgument, AccessToken>(
            await grant.GetTokenAsync(Parameters.Of(("client_secret", "guess"))).ToEither());
        Assert.Equal("params[0] (client_secret)", secret.Name);
        Assert.Equal(before, Server.TokenEndpoint.Total);
    }
}
