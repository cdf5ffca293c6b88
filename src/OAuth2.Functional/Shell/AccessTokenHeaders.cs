using System.Net.Http.Headers;

namespace OAuth2.Functional;

/// <summary>Reading a token for an HTTP call, explicitly.</summary>
public static class AccessTokenHeaders
{
    /// <summary>The <c>Authorization</c> header that sends <paramref name="token"/> (RFC 6750 §2.1):
    /// <c>Bearer &lt;access token&gt;</c>, or the token's own type when the server named another scheme (e.g. <c>DPoP</c>).
    /// The header holds the secret: set it on a request, never log it. A <c>null</c> token gives <c>None</c>, and so does a
    /// token whose type is <c>N_A</c> (RFC 8693 §2.2.1: an exchanged token that is not an access token, such as an ID token,
    /// is never to be sent as one).</summary>
    public static Option<AuthenticationHeaderValue> AuthorizationHeader(this AccessToken? token) =>
        token is null || !IsHeaderSafe(token.Value.Reveal()) || ExchangedToken.IsNotApplicable(token)
            ? None
            : new AuthenticationHeaderValue(Scheme(token), token.Value.Reveal());

    // Tokens read by the library are already visible ASCII; this guards a token built some other way.
    private static bool IsHeaderSafe(string? value) => !string.IsNullOrEmpty(value) && value.All(c => c is >= '!' and <= '~');

    private static string Scheme(AccessToken token) =>
        token.TokenType.Filter(t => t.Length > 0 && t.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            .Map(t => string.Equals(t, "bearer", StringComparison.OrdinalIgnoreCase) ? "Bearer" : t)
            .IfNone("Bearer");
}
