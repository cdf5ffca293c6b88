using System.Text.RegularExpressions;

namespace OAuth2.Functional;

/// <summary>A bounded, printable excerpt of a response body for error messages, with token-like values masked.</summary>
internal static partial class BodyExcerpt
{
    public const int MaxChars = 256;

    public static string Of(ReadOnlyMemory<byte> body)
    {
        var slice = body.Length > MaxChars * 4 ? body[..(MaxChars * 4)] : body;
        var text = System.Text.Encoding.UTF8.GetString(slice.Span);
        var printable = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        var cut = printable.Length > MaxChars ? printable[..MaxChars] + "…" : printable;
        return Mask(cut);
    }

    /// <summary>Masks values of members named like secrets, in JSON (<c>"access_token":"…"</c>) and form (<c>code=…</c>) shapes.</summary>
    public static string Mask(string text) => FormSecret().Replace(JsonSecret().Replace(text, "$1\"[redacted]\""), "$1[redacted]");

    [GeneratedRegex("(\"[A-Za-z_]*(?:token|secret|password|code|assertion|verifier)[A-Za-z_]*\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"?", RegexOptions.IgnoreCase)]
    private static partial Regex JsonSecret();

    [GeneratedRegex("((?:^|[^A-Za-z0-9_])[A-Za-z_]*(?:token|secret|password|code|assertion|verifier)[A-Za-z_]*=)[^&\\s<>\"']*", RegexOptions.IgnoreCase)]
    private static partial Regex FormSecret();
}
