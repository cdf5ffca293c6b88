namespace OAuth2.Functional;

/// <summary>
/// When to renew a token, as pure functions of the cached state, the instant and the options. The token source (shell)
/// only carries out what these decide. Laws (FsCheck, <c>RenewalProperties</c>): an expired token (per the skew) is
/// never used; renewal is decided exactly when the token is within the skew; refresh-ahead happens only inside its
/// window; a token without expiry lives the fallback lifetime; a <c>Retry-After</c> is honoured; the decision never
/// goes back as time passes.
/// </summary>
public static class RenewalPolicy
{
    /// <summary>The schedule of a token that arrived at <paramref name="obtainedAt"/>: its expiry (or the fallback
    /// lifetime), its use-until instant (expiry minus skew) and the start of its refresh-ahead window (the larger of
    /// <see cref="RenewalOptions.AheadFraction"/> of the lifetime and the skew, but never in the first half of the
    /// usable life, so a short-lived token is not renewed the moment it arrives).</summary>
    public static TokenSchedule Schedule(Option<DateTimeOffset> expiresAt, DateTimeOffset obtainedAt, RenewalOptions options)
    {
        options ??= RenewalOptions.Default;
        var obtained = (Int128)obtainedAt.UtcTicks;
        var expires = expiresAt.Match(e => (Int128)e.UtcTicks, () => obtained + options.FallbackLifetime.Ticks);
        var useUntil = expires - options.Skew.Ticks;
        var lifetime = Max(expires - obtained, 0);
        var ahead = Max((Int128)Math.Round((double)lifetime * options.AheadFraction), options.Skew.Ticks);
        var usable = Max(useUntil - obtained, 0);
        var window = Min(ahead, usable / 2);
        return new TokenSchedule(obtainedAt, At(expires), At(useUntil - window), At(useUntil));
    }

    /// <summary>The schedule of a token, from its own <see cref="AccessToken.ExpiresAt"/>.</summary>
    public static TokenSchedule Schedule(AccessToken token, DateTimeOffset obtainedAt, RenewalOptions options) =>
        Schedule(token?.ExpiresAt ?? None, obtainedAt, options);

    /// <summary>The decision at <paramref name="now"/>: use the token, use it and renew ahead, renew, or wait for a
    /// server-requested instant.</summary>
    public static RenewalDecision Decide(CacheState state, DateTimeOffset now, RenewalOptions options) =>
        DecideOn(state ?? CacheState.Empty, now);

    private static RenewalDecision DecideOn(CacheState state, DateTimeOffset now) =>
        state.Token.Match(
            Some: s => now < s.UseUntil
                ? now >= s.AheadFrom && NotBlocked(state.RetryNotBefore, now) && NotBlocked(state.AheadNotBefore, now)
                    ? RenewalDecision.Ahead
                    : RenewalDecision.UseIt
                : Blocked(state.RetryNotBefore, now),
            None: () => Blocked(state.RetryNotBefore, now));

    /// <summary>How to renew: refresh when the token has a refresh token, else re-run the grant when it can be re-run.</summary>
    public static RenewalRoute Route(Option<AccessToken> token, bool canRunGrant) =>
        token.Bind(t => t.RefreshToken).IsSome ? RenewalRoute.Refresh : canRunGrant ? RenewalRoute.Grant : RenewalRoute.None;

    /// <summary>After a refresh failed with <paramref name="error"/>: an <c>invalid_grant</c> answer means the refresh
    /// token is dead, so re-run the grant where possible, else drop the token; any other failure keeps it.</summary>
    public static RefreshFailureAction AfterRefreshFailure(OAuthError error, bool canRunGrant) =>
        error is null || !LifecycleErrors.IsInvalidGrant(error) ? RefreshFailureAction.Keep
        : canRunGrant ? RefreshFailureAction.RunGrant
        : RefreshFailureAction.Drop;

    /// <summary>The state after a failed renewal at <paramref name="receivedAt"/>: a server's <c>Retry-After</c> becomes
    /// <see cref="CacheState.RetryNotBefore"/>; a failed refresh-ahead delays the next one; nothing else is remembered
    /// (failures are not cached).</summary>
    public static CacheState AfterFailure(CacheState state, OAuthError error, DateTimeOffset receivedAt, bool wasAhead, RenewalOptions options) =>
        (state ?? CacheState.Empty) with
        {
            RetryNotBefore = error is null ? None : LifecycleErrors.RetryAt(error, receivedAt),
            AheadNotBefore = wasAhead ? Some(At((Int128)receivedAt.UtcTicks + (options ?? RenewalOptions.Default).AheadRetryDelay.Ticks)) : None,
        };

    private static bool NotBlocked(Option<DateTimeOffset> notBefore, DateTimeOffset now) => notBefore.Match(t => now >= t, true);

    private static RenewalDecision Blocked(Option<DateTimeOffset> retryNotBefore, DateTimeOffset now) =>
        retryNotBefore.Match(t => now < t ? new RenewalDecision.Wait(t) : RenewalDecision.RenewIt, RenewalDecision.RenewIt);

    private static Int128 Max(Int128 a, Int128 b) => a > b ? a : b;
    private static Int128 Min(Int128 a, Int128 b) => a < b ? a : b;

    private static DateTimeOffset At(Int128 ticks) =>
        new(ticks < DateTimeOffset.MinValue.UtcTicks ? DateTimeOffset.MinValue.UtcTicks
            : ticks > DateTimeOffset.MaxValue.UtcTicks ? DateTimeOffset.MaxValue.UtcTicks : (long)ticks, TimeSpan.Zero);
}

/// <summary>How a renewal gets its new token.</summary>
public enum RenewalRoute
{
    /// <summary>Nothing can renew it: no refresh token and a grant that cannot be re-run.</summary>
    None,
    /// <summary>Use the refresh token.</summary>
    Refresh,
    /// <summary>Re-run the grant (client credentials, or any grant given re-runnable parameters).</summary>
    Grant,
}

/// <summary>What follows a failed refresh.</summary>
public enum RefreshFailureAction
{
    /// <summary>Keep the token (a transient failure; the next call tries again).</summary>
    Keep,
    /// <summary>The refresh token is dead (<c>invalid_grant</c>): re-run the grant.</summary>
    RunGrant,
    /// <summary>The refresh token is dead and the grant cannot be re-run: drop the token.</summary>
    Drop,
}
