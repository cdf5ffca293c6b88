using Microsoft.Extensions.Logging;

namespace OAuth2.Functional.Redis;

/// <summary>How a <see cref="FleetTokenStore"/> shares tokens. Every time is bounded: no Redis call waits longer than
/// <see cref="OperationTimeout"/>, no caller waits for another instance longer than <see cref="WaitBound"/>.</summary>
public sealed record FleetStoreOptions
{
    /// <summary>How entries are protected in Redis (required): <see cref="FleetProtection.With(FleetKeyRing)"/> a key ring,
    /// ASP.NET Core Data Protection (<see cref="FleetProtection.DataProtectionFromServices"/> in a container, or
    /// <see cref="FleetProtection.With(Microsoft.AspNetCore.DataProtection.IDataProtectionProvider)"/>), or the explicit
    /// <see cref="FleetProtection.PlaintextOptIn"/>.</summary>
    public FleetProtection? Protection { get; init; }

    /// <summary>Prefix of every Redis key and of the notification channel; default <c>oauth2:</c>.</summary>
    public string KeyPrefix { get; init; } = "oauth2:";

    /// <summary>A token is shared until its expiry minus this (the entry's TTL); default 60 s, the token source's default
    /// (<c>RenewalOptions.Skew</c>). Use the same value as the sources.</summary>
    public TimeSpan Skew { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a token without <c>expires_in</c> is shared; default 5 minutes.</summary>
    public TimeSpan FallbackLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the fleet lock lives (<c>SET … NX PX</c>): the longest a dead holder can block the fleet; default 10 s.
    /// A live holder extends it every third of this while its token request runs, so a slow token endpoint does not let a
    /// second instance in (it need not exceed the token request's timeout); make it several Redis round trips long.</summary>
    public TimeSpan LockTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a caller waits for another instance's token before it fetches one itself; default 12 s
    /// (longer than <see cref="LockTime"/>, so a dead holder's lock expires first and one waiter takes it over).</summary>
    public TimeSpan WaitBound { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>How often a waiter looks again without a notification (a lost message, an expired lock); default 200 ms.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The bound on one Redis call; default 500 ms. A slower call counts as a failure.</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>After a Redis failure the store works in-process only for this long, then tries Redis again; default 2 s.</summary>
    public TimeSpan RetryAfterFailure { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a failed token request (a server or network failure without <c>Retry-After</c>) is shared with the
    /// fleet, so that the instances that waited for it do not each ask the server in turn; default 2 s. Only the error's codes
    /// are shared, never its text. Zero shares nothing.</summary>
    public TimeSpan SharedFailureTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long at most a failure with the server's <c>Retry-After</c> is shared with the fleet (until the server's
    /// instant, capped by this); default 60 s. Each instance's token source then honours the instant itself.</summary>
    public TimeSpan SharedRetryAfterCap { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The clock (default: the system's).</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Gets warnings when Redis fails or an entry is rejected, and information when Redis is back (no secrets).</summary>
    public ILogger? Logger { get; init; }

    /// <summary>Every problem of these options, each naming its field.</summary>
    internal Seq<OAuthError> Problems()
    {
        var problems = Seq<OAuthError>();
        if (Protection is null)
            problems = problems.Add(OAuthError.Argument("Protection", "is required: FleetProtection.With(keys), or FleetProtection.PlaintextOptIn"));
        if (KeyPrefix is null) problems = problems.Add(OAuthError.Argument("KeyPrefix", "is required"));
        // Upper bounds keep every wait inside what timers accept (Task.Delay: about 49 days) and what a Redis TTL means.
        var ms = TimeSpan.FromMilliseconds(1);
        var day = TimeSpan.FromDays(1);
        var year = TimeSpan.FromDays(365);
        foreach (var (name, value, min, max) in new[]
                 {
                     ("Skew", Skew, TimeSpan.Zero, day), ("FallbackLifetime", FallbackLifetime, ms, year),
                     ("LockTime", LockTime, ms, day), ("WaitBound", WaitBound, TimeSpan.Zero, day),
                     ("PollInterval", PollInterval, ms, day), ("OperationTimeout", OperationTimeout, ms, day),
                     ("RetryAfterFailure", RetryAfterFailure, TimeSpan.Zero, day), ("SharedFailureTime", SharedFailureTime, TimeSpan.Zero, day),
                     ("SharedRetryAfterCap", SharedRetryAfterCap, TimeSpan.Zero, day),
                 })
        {
            if (value < min || value > max)
                problems = problems.Add(OAuthError.Argument(name, $"must be between {min.TotalMilliseconds} ms and {max.TotalDays} days"));
        }
        return problems;
    }

    /// <summary>Settings only (the key ring prints key ids, never keys).</summary>
    public override string ToString() =>
        $"FleetStoreOptions(Protection = {Protection?.GetType().Name ?? "none"}, KeyPrefix = {KeyPrefix}, Skew = {Skew}, LockTime = {LockTime}, WaitBound = {WaitBound}, OperationTimeout = {OperationTimeout})";
}
