namespace OAuth2.Functional.Demo;

/// <summary>How the report shows tokens: never their value, only their shape.</summary>
internal static class Redact
{
    public static string Token(AccessToken t) =>
        $"access token [redacted, {t.Value.Reveal().Length} chars], type {t.TokenType.IfNone("?")}, " +
        $"expires {t.ExpiresAt.Map(Expiry.ToIso).IfNone("never")}, refresh token {(t.RefreshToken.IsSome ? "[redacted]" : "none")}";
}
