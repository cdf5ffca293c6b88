namespace OAuth2.Functional.Encodings;

/// <summary>URL text safe to print: user info (<c>user:password@</c>) never reaches a log line or a <c>ToString()</c>.</summary>
internal static class UrlText
{
    /// <summary>The text with the user info of its authority replaced by <c>[redacted]</c>; any text, URL or not (no parsing that
    /// could fail): the authority is what follows the first <c>//</c> up to <c>/</c>, <c>\</c>, <c>?</c> or <c>#</c>.</summary>
    public static string? WithoutUserInfo(string? text)
    {
        if (text is null) return null;
        var slashes = text.IndexOf("//", StringComparison.Ordinal);
        if (slashes < 0) return text;
        var start = slashes + 2;
        var end = text.IndexOfAny(['/', '\\', '?', '#'], start);
        var authorityEnd = end < 0 ? text.Length : end;
        var at = text.LastIndexOf('@', authorityEnd - 1, authorityEnd - start);
        return at < 0 ? text : string.Concat(text.AsSpan(0, start), "[redacted]", text.AsSpan(at));
    }

    /// <summary>Scheme, host, port and path of a URL: no user info, query or fragment.</summary>
    public static string PathOnly(Uri url) =>
        url.IsAbsoluteUri ? url.GetComponents(UriComponents.Scheme | UriComponents.Host | UriComponents.Port | UriComponents.Path, UriFormat.UriEscaped) : WithoutUserInfo(url.OriginalString.Split('?', '#')[0])!;
}
