namespace OAuth2.Functional;

/// <summary>
/// A token exchange response (RFC 8693 §2.2.1): the issued token (in <see cref="Token"/>'s <see cref="AccessToken.Value"/>,
/// carried in <c>access_token</c> whatever its kind, with its expiry, scope, refresh token and every other member) and its
/// <see cref="IssuedTokenType"/>. A token that is not an access token has <c>token_type</c> <c>N_A</c>
/// (<see cref="IsAccessToken"/> is then false: do not send it as a bearer token). Prints no token.
/// </summary>
/// <param name="Token">The issued token as a token response.</param>
/// <param name="IssuedTokenType">The <c>issued_token_type</c>.</param>
public sealed record ExchangedToken(AccessToken Token, TokenTypeUri IssuedTokenType)
{
    /// <summary>The <c>token_type</c> RFC 8693 §2.2.1 prescribes when the issued token is not an access token.</summary>
    public const string NotApplicable = "N_A";

    /// <summary>False when the server said <c>token_type: N_A</c> (the issued token is not an access token).</summary>
    public bool IsAccessToken => Token?.TokenType.Exists(static t => t == NotApplicable) != true;

    /// <summary>The issued type and the token's redacted description.</summary>
    public override string ToString() => $"ExchangedToken({IssuedTokenType}, {Token})";
}
