namespace OAuth2.Functional;

/// <summary>Where a token may be sent and when a 401 is retried.</summary>
public sealed record OAuthTokenHandlerOptions
{
    /// <summary>The origins (scheme, host, port) that may receive the token; a request anywhere else is refused and
    /// never sent. Required: with none, every request is refused.</summary>
    public Seq<Uri> AllowedOrigins { get; init; } = Seq<Uri>();

    /// <summary>Retry once on any 401, not only one whose <c>WWW-Authenticate</c> says <c>invalid_token</c>. Default false.</summary>
    public bool RetryOnAny401 { get; init; }

    /// <summary>Options that allow exactly the origin of <paramref name="baseAddress"/>.</summary>
    public static OAuthTokenHandlerOptions For(Uri baseAddress) => new() { AllowedOrigins = Seq1(baseAddress) };
}
