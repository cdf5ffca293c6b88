using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OAuth2.Functional.DevServer;

namespace OAuth2.Functional.Demo;

/// <summary>The grants beyond simple-oauth2's three: token exchange (RFC 8693), the JWT bearer grant (RFC 7523) and an
/// extension grant named by its grant_type, against the embedded server.</summary>
internal sealed class GrantsTour(DevAuthorizationServer server)
{
    public Seq<Step> Steps => Seq(
        new Step("token exchange (RFC 8693): a service token exchanged for the orders API", ExchangeForOrders),
        new Step("JWT bearer grant (RFC 7523): an assertion signed here, verified by the server", JwtBearerGrant),
        new Step("any extension grant by its grant_type (jwt-bearer through ExtensionGrant)", GenericGrant),
        Step.ExpectFailure("a parameter that would override grant_type is refused before sending", SmuggledGrantType,
            e => e is OAuthError.InvalidArgument { Name: "params[1] (grant_type)" }));

    private OAuthConfig Config => server.ConfigFor(server.Exchanger);

    private EitherAsync<OAuthError, string> ExchangeForOrders() =>
        from service in ClientCredentials.Create(Config)
        from subject in service.GetTokenAsync(Parameters.Empty.WithScope("api"))
        from exchange in TokenExchange.Create(Config)
        from exchanged in exchange.ExchangeAsync(TokenExchangeRequest.For(subject.Value, TokenTypeUri.AccessToken)
            .WithAudience("orders-api").WithScopes("api"))
        select $"issued {exchanged.IssuedTokenType} for audiences [{string.Join(", ", new JsonWebToken(exchanged.Token.Value.Reveal()).Audiences)}]; "
               + Redact.Token(exchanged.Token);

    private EitherAsync<OAuthError, string> JwtBearerGrant() =>
        from client in JwtBearer.Create(Config)
        from token in client.GetTokenAsync(Assertion("carol"), Parameters.Empty.WithScope("api"))
        select $"token for subject \"{new JsonWebToken(token.Value.Reveal()).Subject}\" (the assertion's); " + Redact.Token(token);

    private EitherAsync<OAuthError, string> GenericGrant() =>
        from client in ExtensionGrant.Create(Config, GrantType.JwtBearer)
        from token in client.GetTokenAsync(Parameters.Of(("assertion", Assertion("dave"))).WithScope("api"))
        select $"grant_type {client.GrantType}: token for subject \"{new JsonWebToken(token.Value.Reveal()).Subject}\"";

    private EitherAsync<OAuthError, string> SmuggledGrantType() =>
        from client in ExtensionGrant.Create(Config, GrantType.JwtBearer)
        from token in client.GetTokenAsync(Parameters.Of(("assertion", Assertion("eve")), ("grant_type", "client_credentials")))
        select "unexpected: a token";

    /// <summary>An assertion signed with the key the server trusts (RFC 7523 §3: iss, sub, aud = token endpoint, exp).</summary>
    private string Assertion(string subject) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = server.AssertionTrust.Issuer,
            Audience = server.TokenEndpointUri.AbsoluteUri,
            Subject = new ClaimsIdentity([new Claim("sub", subject)]),
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = server.AssertionTrust.SigningCredentials,
        });
}
