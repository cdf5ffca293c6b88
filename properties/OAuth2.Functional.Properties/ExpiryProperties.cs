using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OAuth2.Functional.Properties.Arbitraries;

namespace OAuth2.Functional.Properties;

public class ExpiryProperties
{
    private static readonly DateTimeOffset MinMs = DateTimeOffset.MinValue;
    private static readonly DateTimeOffset MaxMs = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.MaxValue.ToUnixTimeMilliseconds());

    private static AccessToken Token(string json, DateTimeOffset at) =>
        AccessToken.FromJson(json, at).Match(t => t, e => throw new InvalidOperationException(e.ToString()));

    [Property]
    public Property IsExpired_iff_expiresAt_minus_window_is_at_or_before_now() =>
        Prop.ForAll(Gens.Instant.ToArbitrary(), Gens.Instant.ToArbitrary(), Gens.Window.ToArbitrary(), (at, now, w) =>
            Expiry.IsExpired(Some(at), now, w) == ((BigInteger)at.UtcTicks - w.Ticks <= now.UtcTicks));

    [Property]
    public Property IsExpired_matches_DateTimeOffset_arithmetic_where_it_does_not_overflow() =>
        Prop.ForAll(Gens.Instant.ToArbitrary(), Gens.Instant.ToArbitrary(), Gens.Window.ToArbitrary(), (at, now, w) =>
        {
            var day = TimeSpan.TicksPerDay;
            var t = (BigInteger)at.UtcTicks - w.Ticks;
            var fits = t >= DateTimeOffset.MinValue.UtcTicks + day && t <= DateTimeOffset.MaxValue.UtcTicks - day
                       && w.Ticks > long.MinValue / 2 && w.Ticks < long.MaxValue / 2;
            return (!fits || Expiry.IsExpired(Some(at), now, w) == (at - w <= now)).When(fits);
        });

    [Property]
    public Property IsExpired_is_monotone_in_now_and_in_the_window() =>
        Prop.ForAll(Gens.Instant.ToArbitrary(), Gens.Instant.Two().ToArbitrary(), Gens.Window.Two().ToArbitrary(), (at, nows, ws) =>
        {
            var (n1, n2) = nows.Item1 <= nows.Item2 ? nows : (nows.Item2, nows.Item1);
            var (w1, w2) = ws.Item1 <= ws.Item2 ? ws : (ws.Item2, ws.Item1);
            var inNow = !Expiry.IsExpired(Some(at), n1, w1) || Expiry.IsExpired(Some(at), n2, w1);
            var inWindow = !Expiry.IsExpired(Some(at), n1, w1) || Expiry.IsExpired(Some(at), n1, w2);
            return inNow.Label("monotone in now") .And(inWindow.Label("monotone in window"));
        });

    [Property]
    public Property Without_expiry_info_a_token_never_expires() =>
        Prop.ForAll(Gens.Instant.ToArbitrary(), Gens.Window.ToArbitrary(), (now, w) =>
            !Token("{\"access_token\":\"a\",\"expires_in\":null}", now).IsExpired(now, w) &&
            !Token("{\"access_token\":\"a\"}", now).IsExpired(now, w));

    private static DateTimeOffset Expected(DateTimeOffset receivedAt, BigInteger seconds)
    {
        var ms = receivedAt.ToUnixTimeMilliseconds() + seconds * 1000;
        return ms < MinMs.ToUnixTimeMilliseconds() ? MinMs : ms > MaxMs.ToUnixTimeMilliseconds() ? MaxMs : DateTimeOffset.FromUnixTimeMilliseconds((long)ms);
    }

    [Property]
    public Property Expires_in_as_any_integer_gives_receivedAt_plus_n_clamped() =>
        Prop.ForAll(Gens.Instant.ToArbitrary(), ArbMap.Default.ArbFor<int>(), (receivedAt, n) =>
        {
            var number = Token($"{{\"access_token\":\"a\",\"expires_in\":{n}}}", receivedAt).ExpiresAt;
            var text = Token($"{{\"access_token\":\"a\",\"expires_in\":\"{n}\"}}", receivedAt).ExpiresAt;
            var expected = Some(Expected(receivedAt, n));
            return (number == expected).Label("number").And((text == expected).Label("string"));
        });

    [Property]
    public Property Expires_in_as_any_numeric_string_never_throws_and_is_clamped() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NonEmptyString>(), Gens.Instant.ToArbitrary(), (digits, receivedAt) =>
        {
            var numeric = new string(digits.Get.Where(char.IsAsciiDigit).ToArray());
            var value = numeric.Length == 0 ? "0" : numeric;
            var token = Token($"{{\"access_token\":\"a\",\"expires_in\":\"{value}\"}}", receivedAt);
            return token.ExpiresAt == Some(Expected(receivedAt, BigInteger.Parse(value, CultureInfo.InvariantCulture)));
        });

    [Property]
    public Property Any_expiry_json_value_gives_a_value_never_an_exception() =>
        Prop.ForAll(Gens.TokenJson.ToArbitrary(), Gens.Instant.ToArbitrary(), (json, now) =>
            AccessToken.FromJson(json, now).Match(t => t.IsExpired(now) || true, e => e.Message.Length > 0));
}
