using System.Text;

namespace OAuth2.Functional.Encodings;

/// <summary>UTF-8 percent-encoding with a per-scheme set of literal characters and an optional space replacement.
/// Lone UTF-16 surrogates, which cannot be encoded, become U+FFFD (as WHATWG does) instead of throwing.</summary>
internal static class PercentEncoding
{
    private const string Hex = "0123456789ABCDEF";

    public static string Encode(string value, Func<char, bool> isLiteral, string? space)
    {
        if (IsAllLiteral(value, isLiteral)) return value;
        var sb = new StringBuilder(value.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var ch = value[i];
            if (isLiteral(ch)) { sb.Append(ch); continue; }
            if (ch == ' ' && space is not null) { sb.Append(space); continue; }
            var rune = NextRune(value, ref i);
            var n = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..n]) sb.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
        }
        return sb.ToString();
    }

    private static bool IsAllLiteral(string value, Func<char, bool> isLiteral)
    {
        foreach (var ch in value) if (!isLiteral(ch)) return false;
        return true;
    }

    private static Rune NextRune(string s, ref int i)
    {
        if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            var r = new Rune(s[i], s[i + 1]);
            i++;
            return r;
        }
        return Rune.TryCreate(s[i], out var single) ? single : Rune.ReplacementChar;
    }

    /// <summary>Decodes <c>%XX</c> sequences as UTF-8 (and optionally <c>+</c> as space); malformed escapes stay literal.</summary>
    public static string Decode(string value, bool plusIsSpace)
    {
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var ch = value[i];
            if (ch == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (ch == '+' && plusIsSpace) bytes.Add((byte)' ');
            else bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(ch.ToString()));
        }
        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    public static bool IsAsciiAlphaNum(char c) => char.IsAsciiLetterOrDigit(c);
}
