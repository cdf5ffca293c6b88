namespace OAuth2.Functional.Encodings;

/// <summary>Node <c>querystring</c> encoding, used for form request bodies: <c>A–Z a–z 0–9 - _ . ! ~ * ' ( )</c> stay
/// literal, space is <c>%20</c>, everything else is UTF-8 percent-encoded with uppercase hex.</summary>
internal static class FormEncoding
{
    /// <summary>Encodes one name or value.</summary>
    public static string Escape(string value) => PercentEncoding.Encode(value, IsLiteral, space: null);

    /// <summary>Encodes pairs as <c>name=value</c> joined with <c>&amp;</c>, in order.</summary>
    public static string Encode(Seq<(string Name, string Value)> pairs)
    {
        var sb = new System.Text.StringBuilder(64);
        foreach (var (name, value) in pairs)
        {
            if (sb.Length > 0) sb.Append('&');
            sb.Append(Escape(name)).Append('=').Append(Escape(value));
        }
        return sb.ToString();
    }

    /// <summary><see cref="Encode"/> straight to UTF-8 bytes (the output is ASCII, so one byte per character).</summary>
    public static byte[] EncodeUtf8(Seq<(string Name, string Value)> pairs)
    {
        var length = -1;
        foreach (var (name, value) in pairs) length += 2 + EscapedLength(name) + EscapedLength(value);
        if (length <= 0) return [];
        var bytes = new byte[length];
        var at = 0;
        foreach (var (name, value) in pairs)
        {
            if (at > 0) bytes[at++] = (byte)'&';
            at = Write(bytes, at, name);
            bytes[at++] = (byte)'=';
            at = Write(bytes, at, value);
        }
        return bytes;
    }

    private static int EscapedLength(string s) => AllLiteral(s) ? s.Length : Escape(s).Length;

    private static int Write(byte[] bytes, int at, string s)
    {
        var text = AllLiteral(s) ? s : Escape(s);
        foreach (var c in text) bytes[at++] = (byte)c;
        return at;
    }

    private static bool AllLiteral(string s)
    {
        foreach (var c in s) if (!IsLiteral(c)) return false;
        return true;
    }

    /// <summary>Parses a form body back into pairs (the inverse of <see cref="Encode"/>).</summary>
    public static Seq<(string Name, string Value)> Decode(string body) =>
        body.Length == 0
            ? Seq<(string, string)>()
            : toSeq(body.Split('&')).Map(part =>
            {
                var eq = part.IndexOf('=');
                return eq < 0
                    ? (PercentEncoding.Decode(part, plusIsSpace: true), string.Empty)
                    : (PercentEncoding.Decode(part[..eq], plusIsSpace: true), PercentEncoding.Decode(part[(eq + 1)..], plusIsSpace: true));
            });

    private static bool IsLiteral(char c) =>
        PercentEncoding.IsAsciiAlphaNum(c) || c is '-' or '_' or '.' or '!' or '~' or '*' or '\'' or '(' or ')';
}
