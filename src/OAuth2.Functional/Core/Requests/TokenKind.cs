namespace OAuth2.Functional;

/// <summary>Which token of an <see cref="AccessToken"/> to revoke.</summary>
public enum TokenKind
{
    /// <summary>The access token (<c>token_type_hint=access_token</c>).</summary>
    AccessToken,
    /// <summary>The refresh token (<c>token_type_hint=refresh_token</c>).</summary>
    RefreshToken,
}
