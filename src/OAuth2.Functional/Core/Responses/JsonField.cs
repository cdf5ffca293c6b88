using System.Text.Json;

namespace OAuth2.Functional;

/// <summary>One member of a JSON object, copied out of the document (no <see cref="JsonElement"/> outlives its document).</summary>
/// <param name="Name">The member name.</param>
/// <param name="Kind">The JSON kind of the value.</param>
/// <param name="Raw">The value's raw JSON text.</param>
/// <param name="Text">For a string, its value.</param>
/// <param name="Number">For a number, its value (overflow gives ±infinity).</param>
internal sealed record JsonField(string Name, JsonValueKind Kind, string Raw, string? Text, double Number);

/// <summary>Reads a JSON object's members, in order; a repeated name keeps its first position and its last value (as
/// <c>JSON.parse</c> does). Invalid JSON, invalid UTF-8 and too-deep nesting are values, never exceptions.</summary>
internal static class JsonObjectReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>Left: why the bytes are not a JSON object (<c>Right</c> holds the members).</summary>
    public static Either<string, Seq<JsonField>> Read(ReadOnlyMemory<byte> utf8)
    {
        var bytes = utf8.Span.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;
        if (bytes.Span.Trim(" \t\r\n"u8).IsEmpty) return "the body is empty";
        if (!System.Text.Unicode.Utf8.IsValid(bytes.Span)) return "the body is not valid UTF-8";
        try
        {
            using var doc = JsonDocument.Parse(bytes, Options);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? Right<string, Seq<JsonField>>(Members(doc.RootElement))
                : Left<string, Seq<JsonField>>($"the JSON value is {Describe(doc.RootElement.ValueKind)}, not an object");
        }
        catch (JsonException e)
        {
            return $"the body is not valid JSON ({e.Message.Split('.')[0]})";
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return "the body is not valid UTF-8 JSON";
        }
    }

    /// <summary>Parses JSON text (for stored tokens).</summary>
    public static Either<string, Seq<JsonField>> Read(string? json) =>
        json is null ? "the JSON text is null" : Read(System.Text.Encoding.UTF8.GetBytes(json));

    public static Option<JsonField> Find(Seq<JsonField> fields, string name) => fields.Find(f => f.Name == name);

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

    private static Seq<JsonField> Members(JsonElement root)
    {
        var fields = Seq<JsonField>();
        foreach (var p in root.EnumerateObject())
        {
            var f = new JsonField(p.Name, p.Value.ValueKind, p.Value.GetRawText(),
                p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null,
                p.Value.ValueKind == JsonValueKind.Number ? double.Parse(p.Value.GetRawText(), System.Globalization.CultureInfo.InvariantCulture) : 0);
            fields = fields.Exists(x => x.Name == f.Name) ? fields.Map(x => x.Name == f.Name ? f : x) : fields.Add(f);
        }
        return fields;
    }
}
