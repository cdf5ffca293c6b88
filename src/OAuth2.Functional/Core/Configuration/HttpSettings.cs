namespace OAuth2.Functional;

/// <summary>HTTP settings (simple-oauth2's <c>http</c>): extra headers for every request, a timeout, a response size cap.</summary>
public sealed record HttpSettings
{
    /// <summary>No extra headers, a 30 s timeout, a 1 MiB response cap.</summary>
    public static HttpSettings Default { get; } = new();

    /// <summary>Headers sent with every request, over the library default <c>Accept: application/json</c>. Set them from an
    /// ordinary collection with <c>WithHeaders</c> (tuples, a list, a dictionary); note that a collection expression
    /// (<c>Headers = [("X", "1")]</c>) on a LanguageExt <c>Seq</c> compiles but yields an empty list, so use <c>WithHeaders</c>.
    /// <c>Authorization</c> (Basic header mode) and <c>Content-Type</c> are always set by the library.</summary>
    public Seq<(string Name, string Value)> Headers { get; init; } = Seq<(string, string)>();

    /// <summary>The longest finite <see cref="Timeout"/> accepted: what <see cref="CancellationTokenSource.CancelAfter(TimeSpan)"/>
    /// accepts, 4,294,967,294 ms (about 49.7 days).</summary>
    public static TimeSpan MaxTimeout { get; } = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    /// <summary>The largest <see cref="MaxResponseBytes"/> accepted: the longest .NET array (<see cref="Array.MaxLength"/>).</summary>
    public const long MaxResponseBytesLimit = 0x7FFFFFC7;

    /// <summary>Time allowed for the whole exchange, response body included (default 30 s). Validation accepts 1 ms up to
    /// <see cref="MaxTimeout"/>, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no time limit (then only the
    /// caller's cancellation token ends a call that the server never answers).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest response body accepted, in bytes (default 1 MiB; validation accepts 1 to <see cref="MaxResponseBytesLimit"/>).</summary>
    public long MaxResponseBytes { get; init; } = 1024 * 1024;

    /// <summary>Set when a null collection was given to <c>WithHeaders</c>; validation reports <c>http.headers</c>.</summary>
    internal bool NullHeaders { get; private init; }

    /// <summary>A copy whose <see cref="Headers"/> are the given ones, in order (tuples or an array of them).</summary>
    public HttpSettings WithHeaders(params (string Name, string Value)[] headers) =>
        headers is null ? this with { NullHeaders = true } : this with { Headers = toSeq(headers.ToArray()), NullHeaders = false };

    /// <summary>A copy whose <see cref="Headers"/> are those of any collection of tuples (a <c>List</c>, a LINQ query), in order.</summary>
    public HttpSettings WithHeaders(IEnumerable<(string Name, string Value)> headers) =>
        headers is null ? this with { NullHeaders = true } : this with { Headers = toSeq(headers.ToArray()), NullHeaders = false };

    /// <summary>A copy whose <see cref="Headers"/> are those of a dictionary or any key/value collection, in its order.</summary>
    public HttpSettings WithHeaders(IEnumerable<KeyValuePair<string, string>> headers) =>
        headers is null
            ? this with { NullHeaders = true }
            : this with { Headers = toSeq(headers.Select(h => (h.Key, h.Value)).ToArray()), NullHeaders = false };

    /// <summary>Header names, timeout and cap; never header values (they can hold credentials).</summary>
    public override string ToString() =>
        $"HttpSettings(headers: {string.Join(", ", Headers.Map(h => h.Name))}, timeout: {Timeout}, maxResponseBytes: {MaxResponseBytes})";
}
