using System.Text;

namespace OAuth2.Functional.Encodings;

/// <summary>JSON text as JavaScript's <c>JSON.stringify</c> writes it (compact; <c>/</c> and non-ASCII kept literal;
/// control characters escaped; lone surrogates as <c>\udXXX</c>).</summary>
internal static class JsonText
{
    private static readonly System.Buffers.SearchValues<char> NeedsEscape = System.Buffers.SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    /// <summary>True when the text can be written between quotes as it is (no quote, backslash, control or surrogate).</summary>
    private static bool IsPlain(string value) =>
        !value.AsSpan().ContainsAny(NeedsEscape) && !value.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF');

    /// <summary>A JSON string literal for <paramref name="value"/>, quotes included.</summary>
    public static string Quote(string value) =>
        IsPlain(value) ? string.Concat("\"", value, "\"") : AppendQuoted(new StringBuilder(value.Length + 8), value).ToString();

    /// <summary>Appends the JSON string literal for <paramref name="value"/> to <paramref name="sb"/>.</summary>
    public static StringBuilder AppendQuoted(StringBuilder sb, string value)
    {
        if (IsPlain(value)) return sb.Append('"').Append(value).Append('"');
        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || IsLoneSurrogate(value, i)) sb.Append("\\u").Append(((int)c).ToString("x4"));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"');
    }

    /// <summary>A compact JSON object of string members, in order. A repeated name becomes one member holding an array of
    /// its values, at the first name's position (as <c>JSON.stringify</c> writes simple-oauth2's array parameters).</summary>
    public static string Object(Seq<(string Name, string Value)> members)
    {
        var sb = new StringBuilder("{");
        var written = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in members)
        {
            if (!written.Add(name)) continue;
            var values = members.Filter(m => m.Name == name).Map(m => m.Value);
            if (sb.Length > 1) sb.Append(',');
            AppendQuoted(sb, name).Append(':');
            if (values.Count == 1) AppendQuoted(sb, value);
            else
            {
                sb.Append('[');
                var first = true;
                foreach (var v in values)
                {
                    if (!first) sb.Append(',');
                    AppendQuoted(sb, v);
                    first = false;
                }
                sb.Append(']');
            }
        }
        return sb.Append('}').ToString();
    }

    private static bool IsLoneSurrogate(string s, int i) =>
        char.IsHighSurrogate(s[i]) ? !(i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        : char.IsLowSurrogate(s[i]) && !(i > 0 && char.IsHighSurrogate(s[i - 1]));
}
