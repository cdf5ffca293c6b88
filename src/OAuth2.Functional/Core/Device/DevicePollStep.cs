namespace OAuth2.Functional;

/// <summary>What device polling does next (RFC 8628 §3.4–3.5), decided purely by <see cref="DevicePolling"/>.</summary>
public abstract record DevicePollStep
{
    private DevicePollStep() { }

    /// <summary>The user approved: the token.</summary>
    public sealed record Done(AccessToken Token) : DevicePollStep;

    /// <summary>Polling is over without a token: the server's <c>access_denied</c> or <c>expired_token</c> (a
    /// <see cref="OAuthError.ProtocolError"/>), the deadline passed (<see cref="OAuthError.DeviceCodeExpired"/>), or any other failure.</summary>
    public sealed record Failed(OAuthError Error) : DevicePollStep;

    /// <summary>Wait <paramref name="Delay"/>, then poll again; <paramref name="Interval"/> is the interval from now on
    /// (it grows by 5 s with every <c>slow_down</c> and never shrinks back).</summary>
    public sealed record Wait(TimeSpan Delay, TimeSpan Interval) : DevicePollStep;
}
