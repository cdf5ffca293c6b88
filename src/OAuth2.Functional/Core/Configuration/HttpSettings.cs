namespace OAuth2.Functional;

/// <summary>HTTP settings (simple-oauth2's <c>http</c>): extra headers for every request, a timeout, a response size cap.</summary>
public sealed record HttpSettings
{
    /// <summary>No extra headers, a 30 s timeout, a 1 MiB response cap.</summary>
    public static HttpSettings Default { get; } = new();

    /// <summary>Headers sent with every request, over the library default <c>Accept: application/json</c>.
    /// <c>Authorization</c> (Basic header mode) and <c>Content-Type</c> are always set by the library.</summary>
    public Seq<(string Name, string Value)> Headers { get; init; } = Seq<(string, string)>();

    /// <summary>Time allowed for the whole exchange, response body included (default 30 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest response body accepted, in bytes (default 1 MiB).</summary>
    public long MaxResponseBytes { get; init; } = 1024 * 1024;

    /// <summary>Header names, timeout and cap; never header values (they can hold credentials).</summary>
    public override string ToString() =>
        $"HttpSettings(headers: {string.Join(", ", Headers.Map(h => h.Name))}, timeout: {Timeout}, maxResponseBytes: {MaxResponseBytes})";
}
