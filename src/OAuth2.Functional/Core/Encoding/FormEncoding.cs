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
