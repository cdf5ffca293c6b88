using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OAuth2.Functional.Properties.Arbitraries;

namespace OAuth2.Functional.Properties;

/// <summary>Laws of the pure renewal policy (issue 10): stated against the existing expiry check and against the policy
/// itself at other instants, never by recomputing its formula.</summary>
public class RenewalProperties
{
    private static readonly DateTimeOffset Base = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Instants near one base (so tokens, clocks and back-offs interact), sometimes anywhere, edges included.</summary>
    private static readonly Gen<DateTimeOffset> Near = Gen.Frequency(
        (8, Gen.Choose(-4 * 3600, 4 * 3600).Two().Select(t => Base.AddSeconds(t.Item1).AddMilliseconds(t.Item2 % 1000))),
        (1, Gens.Instant));

    private static readonly Gen<RenewalOptions> Options =
        from skew in Gen.Frequency((3, Gen.Choose(0, 600)), (1, Gen.Constant(60)))
        from fallback in Gen.Choose(1, 7200)
        from fraction in Gen.Frequency((3, Gen.Choose(0, 1000).Select(f => f / 1000.0)), (1, Gen.Constant(0.1)))
        from aheadDelay in Gen.Choose(0, 60)
        select new RenewalOptions
        {
            Skew = TimeSpan.FromSeconds(skew), FallbackLifetime = TimeSpan.FromSeconds(fallback),
            AheadFraction = fraction, AheadRetryDelay = TimeSpan.FromSeconds(aheadDelay),
        };

    private sealed record Case(Option<DateTimeOffset> ExpiresAt, DateTimeOffset ObtainedAt, bool HasToken,
        Option<DateTimeOffset> RetryNotBefore, Option<DateTimeOffset> AheadNotBefore, RenewalOptions Options)
    {
        public CacheState State => new(HasToken ? Some(RenewalPolicy.Schedule(ExpiresAt, ObtainedAt, Options)) : None, RetryNotBefore, AheadNotBefore);
        public DateTimeOffset EffectiveExpiry => ExpiresAt.IfNone(() => Plus(ObtainedAt, Options.FallbackLifetime));
        public bool ExpiredAt(DateTimeOffset now) => !HasToken || Expiry.IsExpired(Some(EffectiveExpiry), now, Options.Skew);
        public RenewalDecision At(DateTimeOffset now) => RenewalPolicy.Decide(State, now, Options);
        public override string ToString() =>
            $"Case(expires {ExpiresAt}, obtained {ObtainedAt:O}, token {HasToken}, retry {RetryNotBefore}, ahead-not-before {AheadNotBefore}, {Options})";
    }

    private static Gen<Option<DateTimeOffset>> Maybe(Gen<DateTimeOffset> g) =>
        Gen.Frequency((1, Gen.Constant(Option<DateTimeOffset>.None)), (2, g.Select(Some)));

    private static readonly Gen<Case> Cases =
        from obtained in Near
        from expires in Gen.Frequency((4, Gen.Choose(-600, 4 * 3600).Select(s => Some(Plus(obtained, TimeSpan.FromSeconds(s))))), (1, Maybe(Near)))
        from hasToken in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
        from retry in Gen.Frequency((2, Gen.Constant(Option<DateTimeOffset>.None)), (1, Maybe(Near)))
        from ahead in Gen.Frequency((2, Gen.Constant(Option<DateTimeOffset>.None)), (1, Maybe(Near)))
        from options in Options
        select new Case(expires, obtained, hasToken, retry, ahead, options);

    private static Arbitrary<Case> AnyCase => Cases.ToArbitrary();
    private static Arbitrary<DateTimeOffset> AnyNow => Near.ToArbitrary();

    private static bool Hands(RenewalDecision d) => d is RenewalDecision.Use or RenewalDecision.UseAndRenewAhead;

    [Property]
    public Property An_expired_token_is_never_used() =>
        Prop.ForAll(AnyCase, AnyNow, (c, now) => !Hands(c.At(now)) || !c.ExpiredAt(now));

    [Property]
    public Property Renewal_is_decided_exactly_when_the_token_is_within_the_skew() =>
        Prop.ForAll(AnyCase, AnyNow, (c, now) => Hands(c.At(now)) != c.ExpiredAt(now));

    [Property]
    public Property Refresh_ahead_happens_only_inside_its_window_and_never_for_an_expired_token() =>
        Prop.ForAll(AnyCase, AnyNow, (c, now) =>
        {
            var s = RenewalPolicy.Schedule(c.ExpiresAt, c.ObtainedAt, c.Options);
            var ahead = c.At(now) is RenewalDecision.UseAndRenewAhead;
            var lifetime = c.EffectiveExpiry - c.ObtainedAt;
            var widest = TimeSpan.FromTicks(Math.Max((long)Math.Round(Math.Max(lifetime.Ticks, 0) * c.Options.AheadFraction), c.Options.Skew.Ticks));
            var widestFrom = Plus(s.UseUntil, -widest); // clamped: UseUntil may sit at DateTimeOffset.MinValue
            return (!ahead || (!c.ExpiredAt(now) && now >= s.AheadFrom)).Label("inside the window, token not expired")
                .And((s.AheadFrom >= widestFrom || widestFrom < DateTimeOffset.MinValue.AddYears(1)).Label("window no wider than its size"))
                .And((s.UseUntil <= c.ObtainedAt || s.AheadFrom - c.ObtainedAt >= (s.UseUntil - s.AheadFrom) - TimeSpan.FromTicks(1))
                    .Label("never in the first half of the usable life"));
        });

    [Property]
    public Property Inside_the_window_without_back_off_a_renewal_ahead_starts() =>
        Prop.ForAll(AnyCase, AnyNow, (c, now) =>
        {
            var free = c with { RetryNotBefore = None, AheadNotBefore = None, HasToken = true };
            var s = free.State.Token.IfNone(() => throw new InvalidOperationException());
            return (free.At(now) is RenewalDecision.UseAndRenewAhead) == (now >= s.AheadFrom && !free.ExpiredAt(now));
        });

    [Property]
    public Property A_token_without_expiry_lives_the_fallback_lifetime() =>
        Prop.ForAll(AnyCase, AnyNow, (c, now) =>
        {
            var none = c with { ExpiresAt = None };
            var explicitly = c with { ExpiresAt = Some(Plus(c.ObtainedAt, c.Options.FallbackLifetime)) };
            return none.At(now) == explicitly.At(now) &&
                   (c.ObtainedAt > DateTimeOffset.MaxValue.AddDays(-1) || none.At(Plus(c.ObtainedAt, c.Options.FallbackLifetime)) is not RenewalDecision.Use);
        });

    [Property]
    public Property A_retry_after_is_honoured() =>
        Prop.ForAll(AnyCase, AnyNow, (c, now) =>
        {
            var d = c.At(now);
            return c.RetryNotBefore.Match(
                retry => now < retry
                    ? (c.ExpiredAt(now) ? d == new RenewalDecision.Wait(retry) : d is RenewalDecision.Use).Label("before: no request")
                    : (d is not RenewalDecision.Wait).Label("after: free to ask"),
                () => (d is not RenewalDecision.Wait).Label("no retry-after, no wait"));
        });

    [Property]
    public Property The_decision_never_goes_back_as_time_passes() =>
        Prop.ForAll(AnyCase, Near.Two().ToArbitrary(), (c, nows) =>
        {
            var (n1, n2) = nows.Item1 <= nows.Item2 ? nows : (nows.Item2, nows.Item1);
            return c.At(n1).Rank <= c.At(n2).Rank;
        });

    [Property]
    public Property Failures_are_not_cached_unless_the_server_asks() =>
        Prop.ForAll(AnyCase, AnyNow, (c, now) =>
        {
            var failed = RenewalPolicy.AfterFailure(c.State, new OAuthError.TransportFailure("reset", "IOException"), now, wasAhead: false, c.Options);
            var d = RenewalPolicy.Decide(failed, now, c.Options);
            return c.ExpiredAt(now) ? d is RenewalDecision.Renew : d is RenewalDecision.Use or RenewalDecision.UseAndRenewAhead;
        });

    [Property]
    public Property A_failed_refresh_ahead_delays_the_next_one_but_never_an_on_demand_renewal() =>
        Prop.ForAll(AnyCase, AnyNow, (c, now) =>
        {
            var failed = RenewalPolicy.AfterFailure(c.State with { RetryNotBefore = None }, new OAuthError.Timeout(TimeSpan.FromSeconds(1)), now, wasAhead: true, c.Options);
            var d = RenewalPolicy.Decide(failed, now, c.Options);
            return c.ExpiredAt(now) ? d is RenewalDecision.Renew : (c.Options.AheadRetryDelay == TimeSpan.Zero || d is RenewalDecision.Use);
        });

    [Property]
    public Property The_route_refreshes_when_it_can_and_re_runs_the_grant_otherwise(bool hasRefresh, bool canRunGrant) =>
        (RenewalPolicy.Route(Some(Token(hasRefresh)), canRunGrant) ==
            (hasRefresh ? RenewalRoute.Refresh : canRunGrant ? RenewalRoute.Grant : RenewalRoute.None))
        .And(RenewalPolicy.Route(None, canRunGrant) == (canRunGrant ? RenewalRoute.Grant : RenewalRoute.None));

    [Property]
    public Property Only_invalid_grant_kills_a_refresh_token(NonEmptyString code, bool canRunGrant) =>
        Prop.ForAll(Gen.Elements(400, 401, 403, 429, 503).ToArbitrary(), status =>
        {
            var error = new OAuthError.ProtocolError(code.Get, None, None, status);
            var action = RenewalPolicy.AfterRefreshFailure(error, canRunGrant);
            return code.Get == "invalid_grant"
                ? action == (canRunGrant ? RefreshFailureAction.RunGrant : RefreshFailureAction.Drop)
                : action == RefreshFailureAction.Keep;
        });

    /// <summary>Adds without overflow (clamped to the range of DateTimeOffset).</summary>
    private static DateTimeOffset Plus(DateTimeOffset t, TimeSpan d) =>
        new(Math.Clamp((long)Math.Clamp((decimal)t.UtcTicks + d.Ticks, long.MinValue, long.MaxValue), DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero);

    private static AccessToken Token(bool hasRefresh) =>
        AccessToken.FromJson(hasRefresh ? "{\"access_token\":\"a\",\"refresh_token\":\"r\"}" : "{\"access_token\":\"a\"}", Base)
            .Match(t => t, e => throw new InvalidOperationException(e.ToString()));
}
