namespace OAuth2.Functional;

/// <summary>
/// A request's client assertion still to be signed (<c>client_secret_jwt</c>, <c>private_key_jwt</c>). The pure builders
/// cannot sign (signing needs the clock and a fresh <c>jti</c>), so they leave this on the <see cref="HttpRequestSpec"/>;
/// the one guarded send signs it just before sending, so every request (token, refresh, revoke, introspect, device, …)
/// carries a fresh assertion and no assertion is ever reused.
/// </summary>
/// <param name="Method">The JWT method, with its secret or key (printed redacted).</param>
/// <param name="ClientId">The client id: the assertion's <c>iss</c> and <c>sub</c> (RFC 7523 §3).</param>
/// <param name="Audience">The assertion's <c>aud</c>.</param>
/// <param name="Lifetime">How long the assertion is valid.</param>
/// <param name="JwtType">The header's <c>typ</c>: <c>client-authentication+jwt</c> with the issuer as audience, else <c>JWT</c>.</param>
public sealed record PendingClientAssertion(ClientAuthMethod Method, string ClientId, string Audience, TimeSpan Lifetime, string JwtType);
