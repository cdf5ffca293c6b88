namespace OAuth2.Functional;

/// <summary>A checked authorization callback (RFC 6749 §4.1.2): the code to redeem, with the state and issuer it came with.</summary>
/// <param name="Code">The authorization code (a secret: it prints as <c>[redacted]</c>).</param>
/// <param name="State">The <c>state</c> returned, equal to the one sent.</param>
/// <param name="Issuer">The <c>iss</c> returned (RFC 9207), only when it was checked against an expected issuer.</param>
public sealed record AuthorizationCallback(Secret Code, string State, Option<string> Issuer)
{
    /// <summary>The code as a parameter for the token request: <c>code=…</c> (add <c>redirect_uri</c> and the PKCE verifier).</summary>
    public Parameters ToParameters() => Parameters.Of(("code", Code?.Reveal() ?? string.Empty));

    /// <summary>Prints without the code or the state.</summary>
    public override string ToString() => $"AuthorizationCallback(Code = [redacted], State = [redacted], Issuer = {Issuer.IfNone("none")})";
}
