using System.Text;

namespace OAuth2.Functional;

/// <summary>
/// Server-controlled text made safe to keep: characters outside an allowed set are escaped visibly (<c>\n</c>,
/// <c>\u0000</c>, <c>\"</c>), and the result is bounded. Used for RFC 6749 §5.2's <c>error</c>, <c>error_description</c>
/// (NQSCHAR: %x20-21 / %x23-5B / %x5D-7E) and <c>error_uri</c> (%x21 / %x23-5B / %x5D-7E).
/// </summary>
internal static class ServerText
{
    /// <summary>The longest <c>error</c> kept (the registered codes are far shorter).</summary>
    public const int MaxCodeChars = 64;

    /// <summary>The longest <c>error_description</c> or <c>error_uri</c> kept.</summary>
    public const int MaxTextChars = 512;

    /// <summary>NQSCHAR with the space allowed (<c>error</c>, <c>error_description</c>).</summary>
    public static string Nqschar(string? text, int max) => Escape(text, max, allowSpace: true);

    /// <summary>The <c>error_uri</c> set: NQSCHAR without the space.</summary>
    public static string UriChars(string? text, int max) => Escape(text, max, allowSpace: false);

    /// <summary>An optional server value for a <c>ToString()</c>: escaped, bounded, or <c>none</c>.</summary>
    public static string Printable(Option<string> value) => value.Match(v => Nqschar(v, MaxTextChars), () => "none");

    /// <summary>Member names for a <c>ToString()</c>: each escaped and bounded, at most 64 of them.</summary>
    public static string Names(Seq<string?> names) =>
        string.Join(", ", names.Take(64).Map(n => Nqschar(n, MaxCodeChars))) + (names.Count > 64 ? $", … ({names.Count} in all)" : string.Empty);

    /// <summary>True when every character is in RFC 6749 §5.2's NQSCHAR set.</summary>
    public static bool IsNqschar(string text)
    {
        foreach (var c in text) if (!Allowed(c, allowSpace: true)) return false;
        return true;
    }

    private static bool Allowed(char c, bool allowSpace) =>
        (c == ' ' && allowSpace) || c == '!' || (c >= '#' && c <= '[') || (c >= ']' && c <= '~');

    private static string Escape(string? text, int max, bool allowSpace)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var sb = new StringBuilder(Math.Min(text.Length, max) + 8);
        foreach (var c in text)
        {
            if (sb.Length >= max) return sb.Append('…').ToString();
            if (Allowed(c, allowSpace)) sb.Append(c);
            else sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '"' => "\\\"",
                '\\' => "\\\\",
                ' ' => "\\u0020",
                _ => $"\\u{(int)c:x4}",
            });
        }
        return sb.ToString();
    }
}
