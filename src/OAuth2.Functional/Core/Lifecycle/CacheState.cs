namespace OAuth2.Functional;

/// <summary>What a token source knows when it decides (pure data, no token value needed).</summary>
/// <param name="Token">The cached token's schedule, if a token is cached.</param>
/// <param name="RetryNotBefore">The instant a server's <c>Retry-After</c> named: no request before it.</param>
/// <param name="AheadNotBefore">After a failed refresh-ahead: no new refresh-ahead before this instant.</param>
public sealed record CacheState(Option<TokenSchedule> Token, Option<DateTimeOffset> RetryNotBefore, Option<DateTimeOffset> AheadNotBefore)
{
    /// <summary>Nothing cached, no back-off.</summary>
    public static CacheState Empty { get; } = new(None, None, None);
}
