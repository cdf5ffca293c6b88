namespace OAuth2.Functional;

/// <summary>URLs as printable text for messages and logs: never user info, a query or a fragment (any of which can carry
/// credentials or codes), with unprintable characters escaped visibly and the length bounded.</summary>
internal static class UrlText
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
        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https") return WithoutSecrets(absolute);
        var cut = text.IndexOfAny(['?', '#']);
        var path = cut < 0 ? text : text[..cut];
        // A relative reference can still start with an authority (//user:pw@host/...): drop everything up to '@'.
        var at = path.StartsWith("//", StringComparison.Ordinal) ? path.IndexOf('@') : -1;
        return ServerText.UriChars(at < 0 ? path : "//" + path[(at + 1)..], MaxChars);
    }

    /// <summary>Configured URL text with the user info of its authority replaced by <c>[redacted]</c>, for printing settings
    /// as given (no parsing that could fail): the authority is what follows the first <c>//</c> up to <c>/</c>, <c>\</c>,
    /// <c>?</c> or <c>#</c>.</summary>
    public static string? WithoutUserInfo(string? text)
    {
        if (text is null) return null;
        var slashes = text.IndexOf("//", StringComparison.Ordinal);
        if (slashes < 0) return text;
        var start = slashes + 2;
        var end = text.IndexOfAny(['/', '\\', '?', '#'], start);
        var authorityEnd = end < 0 ? text.Length : end;
        var at = authorityEnd > start ? text.LastIndexOf('@', authorityEnd - 1, authorityEnd - start) : -1;
        return at < 0 ? text : string.Concat(text.AsSpan(0, start), "[redacted]", text.AsSpan(at));
    }
}
