namespace OAuth2.Functional.Encodings;

/// <summary>Header validation and merging. Names compare ignoring case; a later value for an existing name replaces it
/// in the earlier position (simple-oauth2's deep merge of header objects).</summary>
internal static class HeaderRules
{
    /// <summary>Problems with a header list: empty or non-token names, values with CR, LF or NUL (header injection).</summary>
    public static Seq<(string Name, string Reason)> Problems(string field, Seq<(string Name, string Value)> headers) =>
        headers.IsEmpty ? Seq<(string, string)>() : headers.Bind(h =>
            h.Name is null || h.Name.Length == 0 || !h.Name.All(IsTokenChar)
                ? Seq1(($"{field}[{h.Name}]", "is not a valid header name"))
                : h.Value is null || h.Value.Any(c => c is '\r' or '\n' or '\0')
                    ? Seq1(($"{field}[{h.Name}]", "must be a value without CR, LF or NUL"))
                    : Seq<(string, string)>());

    /// <summary>Overlays <paramref name="top"/> on <paramref name="bottom"/>: same name (any case) keeps its position and
    /// takes the new value; new names are appended in order.</summary>
    public static Seq<(string Name, string Value)> Merge(Seq<(string Name, string Value)> bottom, Seq<(string Name, string Value)> top) =>
        top.IsEmpty ? bottom : top.Fold(bottom, Set);

    /// <summary>Sets one header: replaces the value of an existing name (any case) in place, or appends.</summary>
    public static Seq<(string Name, string Value)> Set(Seq<(string Name, string Value)> headers, (string Name, string Value) header) =>
        headers.Exists(h => string.Equals(h.Name, header.Name, StringComparison.OrdinalIgnoreCase))
            ? headers.Map(h => string.Equals(h.Name, header.Name, StringComparison.OrdinalIgnoreCase) ? (h.Name, header.Value) : h)
            : headers.Add(header);

    private static bool IsTokenChar(char c) =>
        PercentEncoding.IsAsciiAlphaNum(c) || "!#$%&'*+-.^_`|~".Contains(c);
}
