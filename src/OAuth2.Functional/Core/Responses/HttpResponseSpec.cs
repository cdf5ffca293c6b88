namespace OAuth2.Functional;

/// <summary>An HTTP response as plain data: what the shell received, for the pure interpreters.</summary>
/// <param name="Status">The status code.</param>
/// <param name="ReasonPhrase">The reason phrase of the status line (may be empty).</param>
/// <param name="Headers">Response headers (content headers included), in order.</param>
/// <param name="ContentType">The full <c>Content-Type</c> value, if any.</param>
/// <param name="Body">The body bytes (compared by content).</param>
public sealed record HttpResponseSpec(int Status, string ReasonPhrase, Seq<(string Name, string Value)> Headers, Option<string> ContentType, ReadOnlyMemory<byte> Body)
{
    /// <summary>A response with a UTF-8 text body, for tests and hand-made responses.</summary>
    public static HttpResponseSpec Of(int status, string? contentType, string? body, string? reasonPhrase = "") =>
        new(status, reasonPhrase ?? string.Empty, Seq<(string, string)>(), Optional(contentType), System.Text.Encoding.UTF8.GetBytes(body ?? string.Empty));

    /// <summary>The value of a header (first match, ignoring case).</summary>
    public Option<string> Header(string name) =>
        Headers.Find(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Map(h => h.Value);

    /// <summary>Value equality, with the body compared byte by byte.</summary>
    public bool Equals(HttpResponseSpec? other) =>
        other is not null && Status == other.Status && ReasonPhrase == other.ReasonPhrase && Headers.Equals(other.Headers) &&
        ContentType.Equals(other.ContentType) && Body.Span.SequenceEqual(other.Body.Span);

    /// <summary>Hash of status, content type and body length.</summary>
    public override int GetHashCode() => HashCode.Combine(Status, ContentType, Body.Length);

    /// <summary>Status, content type and body length (the body may hold tokens).</summary>
    public override string ToString() =>
        $"HttpResponseSpec({Status} {ReasonPhrase}; {ContentType.IfNone("no content type")}; {Body.Length} bytes)";
}
