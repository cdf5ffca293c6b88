namespace OAuth2.Functional;

/// <summary>
/// The claims of a client assertion (RFC 7523 §3), as data: <c>iss</c> = <c>sub</c> = the client id, one <c>aud</c>,
/// a unique <c>jti</c>, <c>iat</c> and a short <c>exp</c> (seconds since the epoch). The shell supplies the clock reading
/// and the <c>jti</c> and signs; nothing here reads either.
/// </summary>
/// <param name="Issuer"><c>iss</c>: the client id.</param>
/// <param name="Subject"><c>sub</c>: the client id.</param>
/// <param name="Audience"><c>aud</c>: the issuer identifier when configured, else the token endpoint URL.</param>
/// <param name="JwtId"><c>jti</c>: unique per assertion.</param>
/// <param name="IssuedAt"><c>iat</c>, in seconds since the Unix epoch.</param>
/// <param name="ExpiresAt"><c>exp</c>, in seconds since the Unix epoch.</param>
public sealed record ClientAssertionClaims(string Issuer, string Subject, string Audience, string JwtId, long IssuedAt, long ExpiresAt)
{
    /// <summary>The assertion type registered for JWT client assertions (RFC 7523 §2.2).</summary>
    public const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>The <c>typ</c> of an assertion whose audience is the issuer: explicit typing as draft-ietf-oauth-rfc7523bis
    /// asks, so an assertion cannot be mistaken for another kind of JWT (OpenIddict 7.8 refuses a generic <c>JWT</c>).</summary>
    public const string JwtType = "client-authentication+jwt";

    /// <summary>The <c>typ</c> of an assertion as RFC 7523 was first published (audience: the token endpoint URL).</summary>
    public const string ClassicJwtType = "JWT";

    /// <summary>The claims of <paramref name="pending"/> issued at <paramref name="now"/> with <paramref name="jwtId"/>.
    /// <c>exp</c> is <c>iat</c> plus the lifetime rounded up to whole seconds (integer arithmetic: no overflow, no throw).</summary>
    internal static ClientAssertionClaims For(PendingClientAssertion pending, string jwtId, DateTimeOffset now)
    {
        var issuedAt = now.ToUnixTimeSeconds();
        var lifetime = (pending.Lifetime.Ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
        return new(pending.ClientId, pending.ClientId, pending.Audience, jwtId, issuedAt, issuedAt + lifetime);
    }

    /// <summary>The request with the signed assertion appended to its body (<c>client_assertion_type</c>, then
    /// <c>client_assertion</c>) and nothing left pending.</summary>
    internal static HttpRequestSpec Attach(HttpRequestSpec request, string signedAssertion) =>
        request with
        {
            Body = request.Body with { Pairs = request.Body.Pairs.Add(("client_assertion_type", AssertionType)).Add(("client_assertion", signedAssertion)) },
            PendingAssertion = Option<PendingClientAssertion>.None,
        };
}
