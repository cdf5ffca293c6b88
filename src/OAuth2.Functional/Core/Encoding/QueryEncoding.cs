namespace OAuth2.Functional.Encodings;

/// <summary>WHATWG <c>application/x-www-form-urlencoded</c> serialization, used for the authorize URL's query:
/// <c>A–Z a–z 0–9 * - . _</c> stay literal, space is <c>+</c>, everything else is UTF-8 percent-encoded.</summary>
internal static class QueryEncoding
{
    /// <summary>Encodes one name or value.</summary>
    public static string Escape(string value) => PercentEncoding.Encode(value, IsLiteral, space: "+");

    /// <summary>Encodes pairs as <c>name=value</c> joined with <c>&amp;</c>, in order.</summary>
    public static string Encode(Seq<(string Name, string Value)> pairs) =>
        string.Join("&", pairs.Map(p => Escape(p.Name) + "=" + Escape(p.Value)));

    /// <summary>Parses a query (without the <c>?</c>) as WHATWG <c>URLSearchParams</c> does.</summary>
    public static Seq<(string Name, string Value)> Decode(string query) =>
        toSeq(query.Split('&')).Filter(s => s.Length > 0).Map(part =>
        {
            var eq = part.IndexOf('=');
            return eq < 0
                ? (PercentEncoding.Decode(part, plusIsSpace: true), string.Empty)
                : (PercentEncoding.Decode(part[..eq], plusIsSpace: true), PercentEncoding.Decode(part[(eq + 1)..], plusIsSpace: true));
        });

    private static bool IsLiteral(char c) => PercentEncoding.IsAsciiAlphaNum(c) || c is '*' or '-' or '.' or '_';
}
