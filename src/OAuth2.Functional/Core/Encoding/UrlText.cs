using System.Text.RegularExpressions;

namespace OAuth2.Functional;

/// <summary>URLs as printable text for messages and logs: never user info, a query or a fragment (any of which can carry
/// credentials or codes), with unprintable characters escaped visibly and the length bounded. Works on any text, URL or
/// not, whatever the scheme (<c>ftp://u:p@h</c>, <c>http:/u:p@h</c>, <c>\\u:p@h</c> …), without parsing that could fail.</summary>
internal static partial class UrlText
{
    private const int MaxChars = 256;

    /// <summary>Scheme, host, port and path of <paramref name="url"/>.</summary>
    public static string WithoutSecrets(Uri? url) =>
        url is null ? "(none)"
        : url.IsAbsoluteUri ? ServerText.UriChars(url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped), MaxChars)
        : WithoutSecrets(url.OriginalString);

    /// <summary>The same for URL text as received (absolute or relative, possibly malformed).</summary>
    public static string WithoutSecrets(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "(none)";
        var cut = text.IndexOfAny(['?', '#']);
        return ServerText.UriChars(WithoutUserInfo(cut < 0 ? text : text[..cut]), MaxChars);
    }

    /// <summary>URL text with any user info replaced by <c>[redacted]</c>, the rest kept as given (for printing settings).
    /// Over-cautious on purpose: an <c>@</c> anywhere before the query counts as the end of user info.</summary>
    public static string? WithoutUserInfo(string? text)
    {
        if (text is null) return null;
        var cut = text.IndexOfAny(['?', '#']);
        var beforeQuery = cut < 0 ? text : text[..cut];
        var at = beforeQuery.LastIndexOf('@');
        if (at < 0) return text;
        var prefix = SchemeAndSlashes().Match(beforeQuery).Value;
        return prefix + "[redacted]" + text[at..];
    }

    /// <summary>An optional scheme (<c>https:</c>) followed by any run of slashes or backslashes.</summary>
    [GeneratedRegex(@"^(?:[A-Za-z][A-Za-z0-9+.\-]*:)?[/\\]*")]
    private static partial Regex SchemeAndSlashes();
}
