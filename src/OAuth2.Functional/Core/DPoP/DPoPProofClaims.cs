using System.Security.Cryptography;

namespace OAuth2.Functional;

/// <summary>
/// The claims of a DPoP proof (RFC 9449 §4.2), as data: <c>jti</c>, <c>htm</c>, <c>htu</c> (the URL without query and
/// fragment), <c>iat</c>, the server's <c>nonce</c> when it gave one, and <c>ath</c> (the access token's hash) on
/// requests to a resource server. The shell supplies the clock reading and the <c>jti</c>, and signs.
/// </summary>
/// <param name="JwtId"><c>jti</c>: unique per proof.</param>
/// <param name="Method"><c>htm</c>: the request's HTTP method.</param>
/// <param name="Url"><c>htu</c>: the request's URL without query and fragment.</param>
/// <param name="IssuedAt"><c>iat</c>, in seconds since the Unix epoch.</param>
/// <param name="Nonce"><c>nonce</c>: the last <c>DPoP-Nonce</c> the server at this origin sent.</param>
/// <param name="AccessTokenHash"><c>ath</c>: base64url(SHA-256(access token)), for resource requests.</param>
public sealed record DPoPProofClaims(string JwtId, string Method, string Url, long IssuedAt, Option<string> Nonce, Option<string> AccessTokenHash)
{
    /// <summary>The proof's <c>typ</c> header.</summary>
    public const string JwtType = "dpop+jwt";

    /// <summary>The token type of a DPoP-bound access token, and the scheme of its <c>Authorization</c> header.</summary>
    public const string TokenType = "DPoP";

    /// <summary>The claims for one request.</summary>
    internal static DPoPProofClaims For(string method, Uri url, string jwtId, DateTimeOffset now, Option<string> nonce, Option<string> accessToken) =>
        new(jwtId, method, Htu(url), now.ToUnixTimeSeconds(), nonce, accessToken.Map(AccessTokenHashOf));

    /// <summary><c>htu</c>: scheme, host, port and path; the query, the fragment and any user info are left out (§4.2), so a
    /// URL that carries credentials never puts them into a proof.</summary>
    internal static string Htu(Uri url) => url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    /// <summary><c>ath</c>: base64url of the SHA-256 of the ASCII access token (§4.2).</summary>
    public static string AccessTokenHashOf(string? accessToken) =>
        Pkce.Base64Url(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(accessToken ?? string.Empty)));

    /// <summary>The origin nonces are remembered for: scheme, host and port, lower case.</summary>
    internal static string Origin(Uri url) => $"{url.Scheme}://{url.IdnHost}:{url.Port}".ToLowerInvariant();
}
