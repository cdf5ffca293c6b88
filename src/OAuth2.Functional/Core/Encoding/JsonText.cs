using System.Text;

namespace OAuth2.Functional.Encodings;

/// <summary>JSON text as JavaScript's <c>JSON.stringify</c> writes it (compact; <c>/</c> and non-ASCII kept literal;
/// control characters escaped; lone surrogates as <c>\udXXX</c>).</summary>
internal static class JsonText
{
    /// <summary>A JSON string literal for <paramref name="value"/>, quotes included.</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
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
        return sb.Append('"').ToString();
    }

    /// <summary>A compact JSON object of string members, in order.</summary>
    public static string Object(Seq<(string Name, string Value)> members) =>
        "{" + string.Join(",", members.Map(m => Quote(m.Name) + ":" + Quote(m.Value))) + "}";

    private static bool IsLoneSurrogate(string s, int i) =>
        char.IsHighSurrogate(s[i]) ? !(i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        : char.IsLowSurrogate(s[i]) && !(i > 0 && char.IsHighSurrogate(s[i - 1]));
}
