using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OAuth2.Functional;

/// <summary>
/// Expiry math (spec §4 and §8), pure: the clock reading is a parameter. Instants have millisecond precision (like a
/// JavaScript Date) and are clamped to the range of <see cref="DateTimeOffset"/>.
/// </summary>
public static partial class Expiry
{
    private static readonly long MinMs = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary><c>expires_at − window ≤ now</c>: the edge is inclusive; a negative window extends the token's life; no
    /// expiry means never expired. Total for every instant and window (no overflow).</summary>
    public static bool IsExpired(Option<DateTimeOffset> expiresAt, DateTimeOffset now, TimeSpan window) =>
        expiresAt.Match(at => (Int128)at.UtcTicks - window.Ticks <= now.UtcTicks, false);

    /// <summary><paramref name="receivedAt"/> (to the millisecond) plus <paramref name="seconds"/>, clamped.</summary>
    public static DateTimeOffset AddSeconds(DateTimeOffset receivedAt, double seconds) =>
        FromMilliseconds(receivedAt.ToUnixTimeMilliseconds() + Math.Truncate(seconds) * 1000.0);

    /// <summary>Unix seconds (fractions allowed) as an instant, truncated to the millisecond and clamped.</summary>
    public static DateTimeOffset FromUnixSeconds(double seconds) => FromMilliseconds(Math.Truncate(seconds * 1000.0));

    /// <summary>The ISO-8601 UTC text with milliseconds that simple-oauth2 stores (<c>2024-01-01T01:00:00.000Z</c>).</summary>
    public static string ToIso(DateTimeOffset instant) =>
        string.Create(24, instant.UtcDateTime, static (span, t) =>
        {
            static void Digits(Span<char> s, int value, int count)
            {
                for (var i = count - 1; i >= 0; i--, value /= 10) s[i] = (char)('0' + value % 10);
            }
            Digits(span, t.Year, 4); span[4] = '-';
            Digits(span[5..], t.Month, 2); span[7] = '-';
            Digits(span[8..], t.Day, 2); span[10] = 'T';
            Digits(span[11..], t.Hour, 2); span[13] = ':';
            Digits(span[14..], t.Minute, 2); span[16] = ':';
            Digits(span[17..], t.Second, 2); span[19] = '.';
            Digits(span[20..], t.Millisecond, 3); span[23] = 'Z';
        });

    /// <summary>Reads the expiry of a token object: <c>expires_at</c> wins over <c>expires_in</c>; neither means none.</summary>
    internal static Either<OAuthError, Option<DateTimeOffset>> Of(JsonField[] fields, DateTimeOffset receivedAt)
    {
        JsonField? at = null, @in = null;
        foreach (var f in fields)
        {
            if (f.Name == "expires_at") at = f;
            else if (f.Name == "expires_in") @in = f;
        }
        return at is not null ? ExpiresAt(at)
            : @in is not null ? ExpiresIn(@in, receivedAt)
            : Right<OAuthError, Option<DateTimeOffset>>(None);
    }

    private static Either<OAuthError, Option<DateTimeOffset>> ExpiresAt(JsonField f) => f.Kind switch
    {
        JsonValueKind.Number => Some(FromUnixSeconds(f.Number)),
        JsonValueKind.Null => Some(DateTimeOffset.UnixEpoch),
        JsonValueKind.String => ParseInstant(f.Text ?? string.Empty).Map(Some).ToEither(
            OAuthError.Malformed("expires_at", "is not a date: expected Unix seconds or an ISO-8601 or RFC 1123 date")),
        _ => OAuthError.Malformed("expires_at", $"must be a number or a string, not {JsonObjectReader.Describe(f.Kind)}"),
    };

    private static Either<OAuthError, Option<DateTimeOffset>> ExpiresIn(JsonField f, DateTimeOffset receivedAt) => f.Kind switch
    {
        JsonValueKind.Number => Some(AddSeconds(receivedAt, f.Number)),
        JsonValueKind.Null => Right<OAuthError, Option<DateTimeOffset>>(None),
        JsonValueKind.String => ParseIntLike(f.Text ?? string.Empty).Map(s => Some(AddSeconds(receivedAt, s))).ToEither(
            OAuthError.Malformed("expires_in", "is not a number of seconds")),
        _ => OAuthError.Malformed("expires_in", $"must be a number or a numeric string, not {JsonObjectReader.Describe(f.Kind)}"),
    };

    /// <summary>A numeric string is Unix seconds (§8); otherwise an ISO-8601 or RFC 1123 date, read as UTC without an offset.</summary>
    internal static Option<DateTimeOffset> ParseInstant(string text) =>
        UnixSeconds().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? Some(FromUnixSeconds(seconds))
            : DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
                ? Some(FromMilliseconds(parsed.ToUnixTimeMilliseconds()))
                : None;

    /// <summary>JavaScript <c>parseInt(s, 10)</c>: leading white space, an optional sign, then the digits up to the first
    /// non-digit. No digits is <c>None</c> (JavaScript's NaN). Huge values come back as large doubles, clamped later.</summary>
    internal static Option<double> ParseIntLike(string text)
    {
        var m = LeadingInteger().Match(text);
        return m.Success ? Some(double.Parse(m.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)) : None;
    }

    private static DateTimeOffset FromMilliseconds(double ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(double.IsNaN(ms) ? 0 : (long)Math.Clamp(ms, MinMs, MaxMs));

    // ASCII white space only: \s would also match Unicode spaces that double.Parse rejects.
    [GeneratedRegex(@"^[ \t\r\n]*[+-]?[0-9]+(\.[0-9]+)?[ \t\r\n]*$")]
    private static partial Regex UnixSeconds();

    [GeneratedRegex(@"^[\s\uFEFF\u00A0]*([+-]?[0-9]+)")]
    private static partial Regex LeadingInteger();
}
