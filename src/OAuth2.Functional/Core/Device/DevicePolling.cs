namespace OAuth2.Functional;

/// <summary>
/// The device-polling rules of RFC 8628 §3.5 as a pure function of the last outcome, the current interval, the deadline and
/// the clock reading: <c>authorization_pending</c> waits the interval; <c>slow_down</c> adds 5 s to the interval for the rest of
/// the poll and waits that; a request that timed out doubles the interval for the rest of the poll (the exponential back-off
/// §3.5 asks for) and waits that; a token ends the poll; any other outcome ends it with that error (<c>access_denied</c>,
/// <c>expired_token</c>, a transport failure: the caller may poll again with the same <see cref="DeviceAuthorization"/>). A wait
/// that would reach the codes' expiry ends the poll with <see cref="OAuthError.DeviceCodeExpired"/> instead of a request
/// that can only fail.
/// </summary>
public static class DevicePolling
{
    /// <summary>The first step: wait one interval before the first poll (the user needs time to get to the verification URI).</summary>
    public static DevicePollStep Start(DeviceAuthorization? authorization, DateTimeOffset now) =>
        authorization is null
            ? new DevicePollStep.Failed(OAuthError.Argument("authorization", "is required"))
            : WaitOrExpire(Positive(authorization.Interval), authorization.ExpiresAt, now);

    /// <summary>The step after a poll whose outcome was <paramref name="outcome"/>, at <paramref name="now"/>.</summary>
    public static DevicePollStep Next(Either<OAuthError, AccessToken> outcome, TimeSpan interval, DateTimeOffset expiresAt, DateTimeOffset now) =>
        outcome.IsBottom
            ? new DevicePollStep.Failed(OAuthError.Argument("outcome", "is a default (bottom) value"))
            : outcome.Match(
                token => new DevicePollStep.Done(token),
                error => error switch
                {
                    OAuthError.ProtocolError { Error: "authorization_pending" } => WaitOrExpire(Positive(interval), expiresAt, now),
                    OAuthError.ProtocolError { Error: "slow_down" } => WaitOrExpire(Positive(Positive(interval) + DeviceAuthorization.SlowDownStep), expiresAt, now),
                    // RFC 8628 §3.5: after a timed-out request, back off exponentially (the doubled interval is kept).
                    OAuthError.Timeout => WaitOrExpire(Positive(Positive(interval) * 2), expiresAt, now),
                    _ => new DevicePollStep.Failed(error),
                });

    // Compared as "interval >= time left" in 128-bit ticks, so no hand-made interval or deadline overflows the arithmetic.
    private static DevicePollStep WaitOrExpire(TimeSpan interval, DateTimeOffset expiresAt, DateTimeOffset now) =>
        (Int128)interval.Ticks >= (Int128)expiresAt.UtcTicks - now.UtcTicks
            ? new DevicePollStep.Failed(new OAuthError.DeviceCodeExpired(expiresAt))
            : new DevicePollStep.Wait(interval, interval);

    /// <summary>A zero or negative interval (a hand-made authorization) is taken as the default: never a busy loop; one
    /// longer than <see cref="DeviceResponses.MaxLifetime"/> (a day) is read as that, so adding the slow-down step cannot
    /// overflow.</summary>
    private static TimeSpan Positive(TimeSpan interval) =>
        interval <= TimeSpan.Zero ? DeviceAuthorization.DefaultInterval
        : interval > DeviceResponses.MaxLifetime ? DeviceResponses.MaxLifetime
        : interval;
}
