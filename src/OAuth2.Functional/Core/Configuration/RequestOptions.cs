namespace OAuth2.Functional;

/// <summary>Per-call options (simple-oauth2's inline <c>httpOptions</c>): headers merged over the configured ones.</summary>
/// <param name="Headers">Extra headers for this call; a name equal (ignoring case) to a configured one replaces its value.</param>
/// <remarks>Build it from ordinary collections with <see cref="WithHeaders(ValueTuple{string, string}[])"/> (tuples, a list of
/// tuples) or <see cref="WithHeaders(IEnumerable{KeyValuePair{string, string}})"/> (a dictionary). A null collection, header
/// name or value is reported as <see cref="OAuthError.InvalidArgument"/> by the call that uses these options.</remarks>
public sealed record RequestOptions(Seq<(string Name, string Value)> Headers)
{
    /// <summary>No per-call headers.</summary>
    public static RequestOptions None { get; } = new(Seq<(string, string)>());

    /// <summary>Set when a null collection was given: the argument's name, reported when the options are used.</summary>
    internal Option<string> NullArgument { get; private init; }

    /// <summary>Per-call options with the given headers, in order.</summary>
    public static RequestOptions WithHeaders(params (string Name, string Value)[] headers) =>
        headers is null ? None with { NullArgument = "headers" } : new(toSeq(headers.ToArray()));

    /// <summary>Per-call options with the headers of any collection of tuples (a <c>List</c>, a LINQ query), in order.</summary>
    public static RequestOptions WithHeaders(IEnumerable<(string Name, string Value)> headers) =>
        headers is null ? None with { NullArgument = "headers" } : new(toSeq(headers.ToArray()));

    /// <summary>Per-call options with the headers of a dictionary or any key/value collection, in its order.</summary>
    public static RequestOptions WithHeaders(IEnumerable<KeyValuePair<string, string>> headers) =>
        headers is null ? None with { NullArgument = "headers" } : new(toSeq(headers.Select(h => (h.Key, h.Value)).ToArray()));

    /// <summary>Header names only: header values can hold credentials.</summary>
    public override string ToString() => $"RequestOptions(headers: {string.Join(", ", Headers.Map(h => h.Name))})";
}
