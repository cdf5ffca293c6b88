namespace OAuth2.Functional.Encodings;

/// <summary>The <c>Authorization: Basic</c> value for a client id and secret (RFC 6749 §2.3.1).</summary>
internal static class BasicCredentials
{
    /// <summary><c>Basic base64(UTF-8(E(id) + ":" + E(secret)))</c>, where E is <see cref="StrictEscape"/> in strict mode
    /// and the identity in loose mode.</summary>
    public static string HeaderValue(string id, string secret, CredentialsEncodingMode mode)
    {
        var pair = mode == CredentialsEncodingMode.Loose ? id + ":" + secret : StrictEscape(id) + ":" + StrictEscape(secret);
        return "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pair));
    }

    /// <summary>Form-encoding as simple-oauth2 5.x does it: <c>encodeURIComponent</c>, <c>%20</c> to <c>+</c>, then
    /// <c>! ' ( ) *</c> percent-encoded. So only <c>A–Z a–z 0–9 - _ . ~</c> stay literal.</summary>
    public static string StrictEscape(string value) => PercentEncoding.Encode(value, IsLiteral, space: "+");

    private static bool IsLiteral(char c) => PercentEncoding.IsAsciiAlphaNum(c) || c is '-' or '_' or '.' or '~';
}
