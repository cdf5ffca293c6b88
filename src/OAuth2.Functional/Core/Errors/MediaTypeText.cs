namespace OAuth2.Functional;

/// <summary>A server's <c>Content-Type</c> as printable text: the media type only (no parameters), and only when it is made
/// of RFC 9110 token characters; anything else is described, not printed.</summary>
internal static class MediaTypeText
{
    private const int MaxChars = 64;

    public static string Describe(Option<string> contentType) =>
        contentType.Match(Describe, () => "no content type");

    private static string Describe(string? value)
    {
        var media = (value ?? string.Empty).Split(';', 2)[0].Trim();
        if (media.Length == 0) return "no content type";
        return media.Length <= MaxChars && media.All(IsTokenOrSlash) ? media : "an unprintable content type";
    }

    private static bool IsTokenOrSlash(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '/' or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
