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
    public bool IsAccessToken => !IsNotApplicable(Token);

    /// <summary>True for a token whose type is <c>N_A</c> (token types compare case-insensitively, RFC 6749 §7.1): the one
    /// rule behind <see cref="IsAccessToken"/>, the <c>Authorization</c> header and the token handler.</summary>
    internal static bool IsNotApplicable(AccessToken? token) =>
        token is not null && token.TokenType.Exists(static t => string.Equals(t, NotApplicable, StringComparison.OrdinalIgnoreCase));

    /// <summary>The issued type and the token's redacted description.</summary>
    public override string ToString() => $"ExchangedToken({IssuedTokenType}, {Token})";
}
