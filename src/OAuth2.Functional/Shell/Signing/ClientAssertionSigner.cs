namespace OAuth2.Functional;

/// <summary>The effectful half of <c>client_secret_jwt</c> and <c>private_key_jwt</c>: a fresh <c>jti</c>, the clock
/// reading, the claims built in Core (<see cref="ClientAssertionClaims.For"/>), the signature, and the assertion attached.</summary>
internal static class ClientAssertionSigner
{
    /// <summary>The request with its pending assertion signed and attached; a request without one is returned as is.</summary>
    public static Either<OAuthError, HttpRequestSpec> Complete(HttpRequestSpec request, DateTimeOffset now, string jwtId) =>
        request.PendingAssertion.Case is PendingClientAssertion pending
            ? Sign(pending, ClientAssertionClaims.For(pending, jwtId, now)).Map(signed => ClientAssertionClaims.Attach(request, signed))
            : request;

    private static Either<OAuthError, string> Sign(PendingClientAssertion pending, ClientAssertionClaims claims) =>
        pending.Method switch
        {
            ClientAuthMethod.PrivateKeyJwt key => JwtSigner.Sign(key.Key.Credentials, Claims(claims), pending.JwtType),
            ClientAuthMethod.ClientSecretJwt secret => JwtSigner.Sign(JwtSigner.Hmac(secret.Secret), Claims(claims), pending.JwtType),
            _ => OAuthError.Argument("client.authentication", $"{pending.Method.Name} does not sign assertions"),
        };

    /// <summary>The claims as the handler takes them; <c>aud</c> is one string, the sole audience.</summary>
    private static Dictionary<string, object> Claims(ClientAssertionClaims c) => new(StringComparer.Ordinal)
    {
        ["iss"] = c.Issuer, ["sub"] = c.Subject, ["aud"] = c.Audience, ["jti"] = c.JwtId, ["iat"] = c.IssuedAt, ["exp"] = c.ExpiresAt,
    };
}
