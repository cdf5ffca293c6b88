namespace OAuth2.Functional;

/// <summary>One failed revocation inside <see cref="OAuthError.RevocationFailed"/>: which token, and why.</summary>
/// <param name="Kind">The token whose revocation failed.</param>
/// <param name="Error">Why it failed.</param>
public sealed record TokenRevocationFailure(TokenKind Kind, OAuthError Error)
{
    /// <summary>The token kind and the error's code (the error's own text is on <see cref="Error"/>).</summary>
    public override string ToString() =>
        $"{(Kind == TokenKind.RefreshToken ? "refresh token" : "access token")}: {Error?.Code ?? "unknown"}";
}
