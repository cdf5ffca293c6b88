using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OAuth2.Functional.Properties.Arbitraries;

namespace OAuth2.Functional.Properties;

/// <summary>
/// Laws of expiry, stated by what a caller observes (whether a token counts as expired at an instant), never by
/// recomputing the library's formula. The central observation is the <em>flip point</em>: the first instant at which a
/// token counts as expired, found by bisection over every instant a <see cref="DateTimeOffset"/> can hold.
/// </summary>
public class ExpiryProperties
{
    private static readonly long Min = DateTimeOffset.MinValue.UtcTicks;
    private static readonly long Max = DateTimeOffset.MaxValue.UtcTicks;

    private static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);

    private static AccessToken Token(string json, DateTimeOffset at) =>
        AccessToken.FromJson(json, at).Match(t => t, e => throw new InvalidOperationException(e.ToString()));

    private static AccessToken ExpiringIn(string expiresIn, DateTimeOffset receivedAt) =>
        Token($"{{\"access_token\":\"a\",\"expires_in\":{expiresIn}}}", receivedAt);

    /// <summary>The first instant (in ticks) at which the token counts as expired with this window; <c>None</c> when it
    /// never does. Bisection, so it relies on monotonicity in <c>now</c>, which <see cref="IsExpired_flips_exactly_once_as_now_grows"/>
    /// checks at random instants independently of it.</summary>
    private static Option<long> Flip(AccessToken token, TimeSpan window)
    {
        if (token.IsExpired(At(Min), window)) return Min;
        if (!token.IsExpired(At(Max), window)) return None;
        long lo = Min, hi = Max; // not expired at lo, expired at hi
        while (hi - lo > 1)
        {
            var mid = lo + (hi - lo) / 2;
            if (token.IsExpired(At(mid), window)) hi = mid; else lo = mid;
        }
        return hi;
    }

    /// <summary>Flip points ordered with "never" as the latest.</summary>
    private static bool NoLater(Option<long> a, Option<long> b) =>
        b.Match(bb => a.Match(aa => aa <= bb, false), true);

    /// <summary><c>expires_in</c> values: small, typical, huge, and negative.</summary>
    private static readonly Gen<int> Seconds = Gen.Frequency(
        (3, Gen.Choose(-10, 10)),
        (4, Gen.Choose(0, 86_400)),
        (2, Gen.Choose(int.MinValue, int.MaxValue)));

    /// <summary>Tokens with an expiry, in every form the reader accepts.</summary>
    private static readonly Gen<AccessToken> Expiring =
        from receivedAt in Gens.Instant
        from n in Seconds
        from form in Gen.Choose(0, 3)
        select form switch
        {
            0 => ExpiringIn(n.ToString(CultureInfo.InvariantCulture), receivedAt),
            1 => ExpiringIn($"\"{n}\"", receivedAt),
            2 => Token($"{{\"access_token\":\"a\",\"expires_at\":{Math.Abs((long)n) * 7}}}", receivedAt),
            _ => Token($"{{\"access_token\":\"a\",\"expires_at\":\"{Expiry.ToIso(receivedAt)}\"}}", receivedAt),
        };

    /// <summary>Probes: offsets from a point (a tick either side, seconds, years) and instants anywhere.</summary>
    private static readonly Gen<(long[] Offsets, long[] Anywhere)> Probes =
        from offsets in Gen.Frequency(
                (2, Gen.Elements(-1L, 0L, 1L)),
                (3, Gen.Choose(-1_000_000, 1_000_000).Select(d => (long)d)),
                (3, Gen.Choose(-1_000_000, 1_000_000).Select(d => d * TimeSpan.TicksPerSecond)),
                (1, Gen.Choose(-10_000, 10_000).Select(d => d * TimeSpan.TicksPerDay)))
            .ArrayOf(20)
        from anywhere in Gens.Instant.Select(i => i.UtcTicks).ArrayOf(20)
        select (offsets, anywhere);

    [Property]
    public Property IsExpired_flips_exactly_once_as_now_grows() =>
        Prop.ForAll(Expiring.ToArbitrary(), Gens.Window.ToArbitrary(), Probes.ToArbitrary(), (token, window, probe) =>
        {
            var flip = Flip(token, window);
            var around = flip.IfNone(Max);
            var instants = probe.Offsets.Select(d => (long)Int128.Clamp((Int128)around + d, Min, Max)).Concat(probe.Anywhere).Order().ToArray();
            var states = instants.Select(t => token.IsExpired(At(t), window)).ToArray();
            var changes = states.Zip(states.Skip(1), (a, b) => a != b).Count(x => x);
            var neverBack = !states.Zip(states.Skip(1), (a, b) => a && !b).Any(x => x);
            var atTheFlip = flip.Match(f => token.IsExpired(At(f), window) && (f == Min || !token.IsExpired(At(f - 1), window)), () => true);
            var agrees = instants.Zip(states, (t, expired) => expired == flip.Match(f => t >= f, false)).All(x => x);
            return neverBack.Label("never fresh again once expired").And((changes <= 1).Label("at most one change"))
                .And(atTheFlip.Label("expired at the flip point, fresh a tick before"))
                .And(agrees.Label("every probe agrees with the flip point"));
        });

    [Property]
    public Property A_wider_window_never_moves_the_flip_point_later() =>
        Prop.ForAll(Expiring.ToArbitrary(), Gens.Window.Two().ToArbitrary(), (token, ws) =>
        {
            var (narrow, wide) = ws.Item1 <= ws.Item2 ? ws : (ws.Item2, ws.Item1);
            return NoLater(Flip(token, wide), Flip(token, narrow));
        });

    [Property]
    public Property The_window_shifts_the_flip_point_by_exactly_the_window() =>
        Prop.ForAll(Expiring.ToArbitrary(), Gens.Window.ToArbitrary(), (token, window) =>
        {
            var flip0 = Flip(token, TimeSpan.Zero);
            var flipW = Flip(token, window);
            return flip0.Match(
                f0 =>
                {
                    var shifted = (Int128)f0 - window.Ticks;
                    if (f0 == Min) // the zero-window flip point is at or before the first instant: only a bound is known
                        return window >= TimeSpan.Zero
                            ? (flipW == Some(Min)).Label("expired from the first instant")
                            : shifted > Max
                                // The true flip point is unknown (at or before the first instant); shifted past the last
                                // instant, its bound says nothing: "never expired" and any flip point are both consistent.
                                ? true.Label("bound past the last instant").Classify(true, "unbounded")
                                : NoLater(flipW, Some((long)shifted)).Label("no later than the shifted bound").Classify(true, "clamped");
                    if (shifted <= Min) return (flipW == Some(Min)).Label("shifted before the first instant: always expired");
                    if (shifted > Max) return flipW.IsNone.Label("shifted past the last instant: never expired");
                    return (flipW == Some((long)shifted)).Label($"flip {flipW} == {f0} - {window.Ticks}").Classify(true, "exact");
                },
                () => flipW.IsNone.Label("no expiry: never expired, whatever the window"));
        });

    [Property]
    public Property A_longer_life_never_expires_sooner() =>
        Prop.ForAll(Gens.Instant.ToArbitrary(), Seconds.Two().ToArbitrary(), Gens.Window.ToArbitrary(), (receivedAt, ns, window) =>
        {
            var (shorter, longer) = ns.Item1 <= ns.Item2 ? ns : (ns.Item2, ns.Item1);
            return NoLater(Flip(ExpiringIn(shorter.ToString(CultureInfo.InvariantCulture), receivedAt), window),
                           Flip(ExpiringIn(longer.ToString(CultureInfo.InvariantCulture), receivedAt), window));
        });

    [Property]
    public Property Expires_in_as_any_numeric_string_is_read_and_keeps_the_order_of_the_numbers() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NonEmptyString>(), ArbMap.Default.ArbFor<NonEmptyString>(), Gens.Instant.ToArbitrary(), (a, b, receivedAt) =>
        {
            static string Digits(string s) { var d = new string(s.Where(char.IsAsciiDigit).ToArray()); return d.Length == 0 ? "0" : d; }
            var (x, y) = (Digits(a.Get), Digits(b.Get));
            var (small, large) = BigInteger.Parse(x, CultureInfo.InvariantCulture) <= BigInteger.Parse(y, CultureInfo.InvariantCulture) ? (x, y) : (y, x);
            return NoLater(Flip(ExpiringIn($"\"{small}\"", receivedAt), TimeSpan.Zero), Flip(ExpiringIn($"\"{large}\"", receivedAt), TimeSpan.Zero));
        });

    [Property]
    public Property Expires_in_as_a_number_or_as_its_numeric_string_is_the_same_token() =>
        Prop.ForAll(Gens.Instant.ToArbitrary(), Seconds.ToArbitrary(), (receivedAt, n) =>
        {
            var number = ExpiringIn(n.ToString(CultureInfo.InvariantCulture), receivedAt);
            var text = ExpiringIn($"\"{n}\"", receivedAt);
            return number.ExpiresAt == text.ExpiresAt && Flip(number, TimeSpan.Zero) == Flip(text, TimeSpan.Zero);
        });

    [Property]
    public Property A_token_is_fresh_when_received_iff_its_lifetime_is_positive() =>
        Prop.ForAll(Gens.Instant.ToArbitrary(), Seconds.ToArbitrary(), (receivedAt, n) =>
        {
            var lastMillisecond = receivedAt.UtcTicks / TimeSpan.TicksPerMillisecond == Max / TimeSpan.TicksPerMillisecond;
            var expired = ExpiringIn(n.ToString(CultureInfo.InvariantCulture), receivedAt).IsExpired(receivedAt);
            return (expired == (n <= 0)).When(!lastMillisecond);
        });

    [Property]
    public Property The_json_round_trip_preserves_the_flip_point() =>
        Prop.ForAll(Expiring.ToArbitrary(), Gens.Instant.ToArbitrary(), Gens.Window.ToArbitrary(), (token, later, window) =>
        {
            var restored = Token(token.ToJson(), later);
            return (Flip(restored, window) == Flip(token, window)).Label("same flip with the window")
                .And((Flip(restored, TimeSpan.Zero) == Flip(token, TimeSpan.Zero)).Label("same flip without a window"));
        });

    [Property]
    public Property Without_expiry_info_a_token_never_expires() =>
        Prop.ForAll(Gens.Instant.ToArbitrary(), Gens.Window.ToArbitrary(), (receivedAt, w) =>
            Flip(Token("{\"access_token\":\"a\",\"expires_in\":null}", receivedAt), w).IsNone &&
            Flip(Token("{\"access_token\":\"a\"}", receivedAt), w).IsNone);

    [Property]
    public Property Any_expiry_json_value_gives_a_value_never_an_exception() =>
        Prop.ForAll(Gens.TokenJson.ToArbitrary(), Gens.Instant.ToArbitrary(), (json, now) =>
            AccessToken.FromJson(json, now).Match(t => t.IsExpired(now) || true, e => e.Message.Length > 0));
}
