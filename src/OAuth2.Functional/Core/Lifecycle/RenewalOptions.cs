namespace OAuth2.Functional;

/// <summary>
/// When a token source renews its token. All durations are data; the policy that reads them is
/// <see cref="RenewalPolicy"/>, a pure function.
/// </summary>
public sealed record RenewalOptions
{
    /// <summary>The defaults: skew 60 s, fallback lifetime 5 min, refresh-ahead over the last 10 % of the lifetime,
    /// 5 s between two failed refresh-ahead attempts.</summary>
    public static RenewalOptions Default { get; } = new();

    /// <summary>A token counts as expired this long before its <c>expires_at</c> (clock skew and transit time).
    /// Default 60 s.</summary>
    public TimeSpan Skew { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a token lives when the server sent no <c>expires_in</c>: never forever. Default 5 min.</summary>
    public TimeSpan FallbackLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The share of a token's lifetime, at its end, in which callers get the current token at once while one
    /// renewal runs in the background. The window is at least <see cref="Skew"/> long, and never covers the first
    /// half of the token's usable life. Default 0.1 (the last 10 %); 0 keeps the window at the skew.</summary>
    public double AheadFraction { get; init; } = 0.1;

    /// <summary>After a refresh-ahead attempt fails, the next one waits this long (the token is still good, so there
    /// is no need to hammer the server). Never delays a renewal of an expired token. Default 5 s.</summary>
    public TimeSpan AheadRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Every problem with these options, each naming its field (empty when they are usable).</summary>
    public Seq<ConfigProblem> Problems() =>
        toSeq(new[]
        {
            Skew < TimeSpan.Zero ? Some(new ConfigProblem("renewal.skew", "must not be negative")) : None,
            FallbackLifetime <= TimeSpan.Zero ? Some(new ConfigProblem("renewal.fallbackLifetime", "must be positive")) : None,
            double.IsNaN(AheadFraction) || AheadFraction < 0 || AheadFraction > 1
                ? Some(new ConfigProblem("renewal.aheadFraction", "must be between 0 and 1")) : None,
            AheadRetryDelay < TimeSpan.Zero ? Some(new ConfigProblem("renewal.aheadRetryDelay", "must not be negative")) : None,
        }).Somes();

    /// <summary>These options, or an <see cref="OAuthError.InvalidConfig"/> listing every problem.</summary>
    public Either<OAuthError, RenewalOptions> Validate() =>
        Problems() is { IsEmpty: false } problems ? Left<OAuthError, RenewalOptions>(OAuthError.Config(problems)) : Right<OAuthError, RenewalOptions>(this);
}
