namespace OAuth2.Functional;

/// <summary>
/// A device authorization response (RFC 8628 §3.2): show <see cref="UserCode"/> and <see cref="VerificationUri"/> (or
/// <see cref="VerificationUriComplete"/>, e.g. as a QR code) to the user, then poll with the device code.
/// </summary>
/// <param name="DeviceCode">The device verification code (a secret: it prints as <c>[redacted]</c>).</param>
/// <param name="UserCode">The code the user types at the verification URI.</param>
/// <param name="VerificationUri">Where the user goes (server text, as received).</param>
/// <param name="VerificationUriComplete">The verification URI with the user code in it, when the server gives one.</param>
/// <param name="ExpiresAt">When the codes expire: <c>expires_in</c> after the response arrived, on the client's clock.</param>
/// <param name="Interval">The minimum time between polls (<c>interval</c>, 5 s when absent).</param>
public sealed record DeviceAuthorization(Secret DeviceCode, string UserCode, string VerificationUri, Option<string> VerificationUriComplete,
    DateTimeOffset ExpiresAt, TimeSpan Interval)
{
    /// <summary>The poll interval RFC 8628 §3.2 prescribes when the server gives none.</summary>
    public static TimeSpan DefaultInterval { get; } = TimeSpan.FromSeconds(5);

    /// <summary>What RFC 8628 §3.5 adds to the interval on every <c>slow_down</c>.</summary>
    public static TimeSpan SlowDownStep { get; } = TimeSpan.FromSeconds(5);

    /// <summary>Prints the expiry and interval; the device code, the user code and the complete URI (which holds it) are redacted.</summary>
    public override string ToString() =>
        $"DeviceAuthorization(DeviceCode = [redacted], UserCode = [redacted], VerificationUri = {UrlText.WithoutSecrets(VerificationUri)}, " +
        $"VerificationUriComplete = {(VerificationUriComplete.IsSome ? "[redacted]" : "none")}, ExpiresAt = {Expiry.ToIso(ExpiresAt)}, " +
        $"Interval = {Interval.TotalSeconds:0.###} s)";
}
