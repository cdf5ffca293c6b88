using System.Text.Json;

namespace OAuth2.Functional;

/// <summary>Strict readings of JSON members that the lenient <see cref="JsonObjectReader"/> does not make: a repeated member
/// name (the reader keeps the last value, as <c>JSON.parse</c> does), and an array of strings. Total: never throws.</summary>
internal static class JsonMembers
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    /// <summary>The first top-level member name that appears twice in a JSON object, if any (nested objects are not looked at).
    /// Bytes that are not a JSON object give <c>None</c>: the reader has already reported them.</summary>
    public static Option<string> FirstRepeatedName(ReadOnlyMemory<byte> utf8)
    {
        var bytes = utf8.Span.StartsWith("\uFEFF"u8) ? utf8.Span[3..] : utf8.Span;
        try
        {
            var reader = new Utf8JsonReader(bytes, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return None;
            var seen = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                if (!seen.Add(name)) return name;
                reader.Read();
                reader.Skip();
            }
            return None;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            return None;
        }
    }

    /// <summary>The strings of a JSON array given as its raw text; <c>None</c> when it is not an array of strings only.</summary>
    public static Option<Seq<string>> Strings(string rawArray)
    {
        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(rawArray), Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return None;
            var items = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.String) return None;
                items.Add(reader.GetString()!);
            }
            return toSeq(items.ToArray());
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            return None;
        }
    }
}
