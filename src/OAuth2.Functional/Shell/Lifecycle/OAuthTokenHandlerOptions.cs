namespace OAuth2.Functional;

/// <summary>Where a token may be sent and when a 401 is retried.</summary>
public sealed record OAuthTokenHandlerOptions
{
    /// <summary>The origins (scheme, host, port) that may receive the token; a request anywhere else is refused and
    /// never sent. Required: with none, every request is refused.</summary>
    public Seq<Uri> AllowedOrigins { get; init; } = Seq<Uri>();

    /// <summary>Retry once on any 401, not only one whose <c>WWW-Authenticate</c> says <c>invalid_token</c>. Default false.</summary>
    public bool RetryOnAny401 { get; init; }

    /// <summary>Options that allow exactly the origin of <paramref name="baseAddress"/> (none when it is null).</summary>
    public static OAuthTokenHandlerOptions For(Uri baseAddress) => ForOrigins([baseAddress]);

    /// <summary>Options that allow the origins of <paramref name="origins"/>, from any .NET collection (nulls and relative
    /// URIs are left out: they name no origin).</summary>
    public static OAuthTokenHandlerOptions ForOrigins(IEnumerable<Uri?>? origins) =>
        new() { AllowedOrigins = toSeq((origins ?? []).Where(o => o is { IsAbsoluteUri: true }).Select(o => o!).ToArray()) };
}
