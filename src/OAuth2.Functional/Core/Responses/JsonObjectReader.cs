using System.Globalization;
using System.Text.Json;

namespace OAuth2.Functional;

/// <summary>Reads a JSON object's members in one pass with <see cref="Utf8JsonReader"/>; a repeated name keeps its first
/// position and its last value (as <c>JSON.parse</c> does). Invalid JSON, invalid UTF-8 and nesting deeper than 64 are
/// values, never exceptions.</summary>
internal static class JsonObjectReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    /// <summary>Left: why the bytes are not a JSON object (<c>Right</c> holds the members).</summary>
    public static Either<JsonProblem, JsonField[]> Read(ReadOnlyMemory<byte> utf8)
    {
        var bytes = utf8.Span.StartsWith("\uFEFF"u8) ? utf8.Span[3..] : utf8.Span;
        if (bytes.Trim(" \t\r\n"u8).IsEmpty) return new JsonProblem.Empty();
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) return new JsonProblem.NotUtf8();
        try
        {
            return ReadObject(bytes);
        }
        catch (JsonException e)
        {
            // Only the position: the reader's message can quote the body's own characters (server text).
            return new JsonProblem.NotJson($"unreadable at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            return new JsonProblem.NotJson("unreadable UTF-8 text");
        }
    }

    /// <summary>Parses JSON text (for stored tokens).</summary>
    public static Either<JsonProblem, JsonField[]> Read(string? json) =>
        json is null ? new JsonProblem.Missing() : Read(System.Text.Encoding.UTF8.GetBytes(json));

    public static Option<JsonField> Find(JsonField[] fields, string name)
    {
        foreach (var f in fields) if (f.Name == name) return f;
        return None;
    }

    private static Either<JsonProblem, JsonField[]> ReadObject(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes, Options);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var kind = KindOf(reader.TokenType);
            reader.Skip();
            while (reader.Read()) { }
            return new JsonProblem.NotAnObject(kind);
        }
        var fields = new JsonField[ScanLimit];
        var count = 0;
        MemberIndex? index = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = KnownName(ref reader) ?? reader.GetString()!;
            reader.Read();
            var field = ReadValue(ref reader, bytes, name);
            var at = index is null ? IndexOf(fields, count, name) : index.Find(fields, name);
            if (at >= 0)
            {
                fields[at] = field;
                continue;
            }
            if (count == fields.Length) System.Array.Resize(ref fields, count * 2);
            fields[count] = field;
            index?.Add(fields, count);
            count++;
            if (index is null && count == ScanLimit) index = new MemberIndex(fields, count);
        }
        while (reader.Read()) { }
        if (count < fields.Length) System.Array.Resize(ref fields, count);
        return fields;
    }

    /// <summary>The usual member names as constant strings (no allocation on the hot path).</summary>
    private static string? KnownName(ref Utf8JsonReader r) =>
        r.ValueTextEquals("access_token"u8) ? "access_token"
        : r.ValueTextEquals("token_type"u8) ? "token_type"
        : r.ValueTextEquals("expires_in"u8) ? "expires_in"
        : r.ValueTextEquals("refresh_token"u8) ? "refresh_token"
        : r.ValueTextEquals("scope"u8) ? "scope"
        : r.ValueTextEquals("expires_at"u8) ? "expires_at"
        : r.ValueTextEquals("id_token"u8) ? "id_token"
        : r.ValueTextEquals("error"u8) ? "error"
        : r.ValueTextEquals("error_description"u8) ? "error_description"
        : null;

    /// <summary>Up to this many members, a repeated name is found by scanning (a token response has 4 to 8 members, where a
    /// scan is cheaper than hashing); from then on by a hash index, so n members cost O(n), never O(n²).</summary>
    private const int ScanLimit = 8;

    private static int IndexOf(JsonField[] fields, int count, string name)
    {
        for (var i = 0; i < count; i++) if (fields[i].Name == name) return i;
        return -1;
    }

    private static JsonField ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> bytes, string name)
    {
        var kind = KindOf(reader.TokenType);
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new JsonField(new TokenField(name, kind, reader.ValueTextEquals("Bearer"u8) ? "Bearer" : reader.GetString()!), 0);
            case JsonTokenType.Number:
                var raw = System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                var number = reader.TryGetDouble(out var d) ? d : double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
                return new JsonField(new TokenField(name, kind, raw), number);
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return new JsonField(new TokenField(name, kind, System.Text.Encoding.UTF8.GetString(bytes[start..(int)reader.BytesConsumed])), 0);
            default:
                return new JsonField(new TokenField(name, kind, kind switch
                {
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => "null",
                }), 0);
        }
    }

    private static JsonValueKind KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        JsonTokenType.Null => JsonValueKind.Null,
        _ => JsonValueKind.Undefined,
    };

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        _ => "undefined",
    };
}
