namespace OAuth2.Functional;

/// <summary>Per-call options (simple-oauth2's inline <c>httpOptions</c>): headers merged over the configured ones.</summary>
/// <param name="Headers">Extra headers for this call; a name equal (ignoring case) to a configured one replaces its value.</param>
public sealed record RequestOptions(Seq<(string Name, string Value)> Headers)
{
    /// <summary>No per-call headers.</summary>
    public static RequestOptions None { get; } = new(Seq<(string, string)>());

    /// <summary>Per-call options with the given headers.</summary>
    public static RequestOptions WithHeaders(params (string Name, string Value)[] headers) => new(toSeq(headers));

    /// <summary>Header names only: header values can hold credentials.</summary>
    public override string ToString() => $"RequestOptions(headers: {string.Join(", ", Headers.Map(h => h.Name))})";
}
