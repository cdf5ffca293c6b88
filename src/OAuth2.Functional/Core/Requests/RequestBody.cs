using OAuth2.Functional.Encodings;

namespace OAuth2.Functional;

/// <summary>A request body: ordered string pairs rendered as a form or as a JSON object.</summary>
/// <param name="Format">Form or JSON.</param>
/// <param name="Pairs">The body parameters in wire order (they may hold secrets; they are never printed).</param>
public sealed record RequestBody(BodyFormat Format, Seq<(string Name, string Value)> Pairs)
{
    /// <summary>The exact <c>Content-Type</c>: <c>application/x-www-form-urlencoded</c> or <c>application/json</c> (no charset).</summary>
    public string ContentType => Format == BodyFormat.Json ? "application/json" : "application/x-www-form-urlencoded";

    /// <summary>The exact body text.</summary>
    public string Render() => Format == BodyFormat.Json ? JsonText.Object(Pairs) : FormEncoding.Encode(Pairs);

    /// <summary>The exact body bytes (UTF-8).</summary>
    public byte[] RenderBytes() => Format == BodyFormat.Json ? System.Text.Encoding.UTF8.GetBytes(Render()) : FormEncoding.EncodeUtf8(Pairs);

    /// <summary>The format and the parameter names; never the values.</summary>
    public override string ToString() => $"RequestBody({Format}: {string.Join(", ", Pairs.Map(p => p.Name))})";
}
