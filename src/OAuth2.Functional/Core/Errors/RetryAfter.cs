using System.Globalization;

namespace OAuth2.Functional;

/// <summary>
/// A <c>Retry-After</c> header (RFC 9110 §10.2.3) as the server sent it: a delay in seconds or an HTTP date. Kept on
/// <see cref="OAuthError.ProtocolError"/> and <see cref="OAuthError.HttpError"/> so callers (and the token source) can
/// wait as asked.
/// </summary>
public abstract record RetryAfter
{
    private RetryAfter() { }

    /// <summary><c>Retry-After: 120</c>: wait this long after the response was received.</summary>
    public sealed record Delay(TimeSpan Value) : RetryAfter;

    /// <summary><c>Retry-After: Wed, 21 Oct 2026 07:28:00 GMT</c>: wait until this instant.</summary>
    public sealed record Date(DateTimeOffset Value) : RetryAfter;

    /// <summary>The instant (UTC) before which the server asked not to retry, for a response received at
    /// <paramref name="receivedAt"/>. A negative delay counts as none; a delay or a date further out than
    /// <see cref="MaxDelay"/> is read as <see cref="MaxDelay"/> (a server cannot park a client for years); the result is
    /// clamped to the representable range.</summary>
    public DateTimeOffset From(DateTimeOffset receivedAt) => this switch
    {
        Delay d => ClampedUtc((Int128)receivedAt.UtcTicks + Math.Clamp(d.Value.Ticks, 0, MaxDelay.Ticks)),
        Date d => ClampedUtc(Int128.Min(d.Value.UtcTicks, (Int128)receivedAt.UtcTicks + MaxDelay.Ticks)),
        _ => receivedAt.ToUniversalTime(),
    };

    private static DateTimeOffset ClampedUtc(Int128 ticks) =>
        new(ticks >= DateTimeOffset.MaxValue.UtcTicks ? DateTimeOffset.MaxValue.UtcTicks
            : ticks <= DateTimeOffset.MinValue.UtcTicks ? DateTimeOffset.MinValue.UtcTicks : (long)ticks, TimeSpan.Zero);

    /// <summary>Longest delay kept; a larger number of seconds is read as this (a day).</summary>
    public static TimeSpan MaxDelay { get; } = TimeSpan.FromDays(1);

    private static readonly string[] HttpDateFormats =
    [
        "r",                                  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        "dddd, dd-MMM-yy HH:mm:ss 'GMT'",     // obsolete RFC 850
        "ddd MMM d HH:mm:ss yyyy",            // obsolete asctime
        "ddd MMM dd HH:mm:ss yyyy",
    ];

    /// <summary>Reads a header value: <c>1*DIGIT</c> seconds, or an HTTP date. Anything else is <c>None</c>.</summary>
    public static Option<RetryAfter> Parse(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return None;
        if (text.All(char.IsAsciiDigit))
        {
            // Digits only: seconds. Overlong numbers are capped rather than overflowing.
            var seconds = text.Length > 9 ? long.MaxValue : long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
            return new Delay(seconds >= (long)MaxDelay.TotalSeconds ? MaxDelay : TimeSpan.FromSeconds(seconds));
        }
        return DateTimeOffset.TryParseExact(text, HttpDateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date)
            ? new Date(date.ToUniversalTime())
            : None;
    }
}
