using Microsoft.Extensions.Logging;

namespace OAuth2.Functional;

/// <summary>How a <see cref="TokenSource"/> behaves: when it renews, what it starts with, whom it tells about new tokens.</summary>
public sealed record TokenSourceOptions
{
    /// <summary>The defaults: <see cref="RenewalOptions.Default"/>, no seed, no hook, named <c>default</c>.</summary>
    public static TokenSourceOptions Default { get; } = new();

    /// <summary>When to renew (skew, fallback lifetime, refresh-ahead window).</summary>
    public RenewalOptions Renewal { get; init; } = RenewalOptions.Default;

    /// <summary>A token to start with, e.g. one stored earlier with <see cref="AccessToken.ToJson"/> and read back with
    /// <see cref="GrantClient.CreateToken"/>. It is used while it is good and refreshed when it has a refresh token.</summary>
    public Option<AccessToken> Seed { get; init; }

    /// <summary>Called once for every new token (the persistence hook), after the waiting callers got it, e.g. to store
    /// <c>token.ToJson()</c>. Its exceptions are logged and never reach a caller.</summary>
    public Func<AccessToken, CancellationToken, Task>? OnNewToken { get; init; }

    /// <summary>Called (in the background, not awaited by <see cref="TokenSource.Invalidate"/>) when <c>Invalidate</c> retired
    /// the cached token, e.g. to drop it from a shared store too, so that other holders stop handing it out. Its exceptions
    /// are logged and never reach a caller.</summary>
    public Func<AccessToken, Task>? OnInvalidated { get; init; }

    /// <summary>A name for logs and metric tags (never a secret); default <c>default</c>.</summary>
    public string Name { get; init; } = "default";

    /// <summary>The clock; by default the grant client's (or the system clock for a source over functions).</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>The logger; by default the grant client's (or none).</summary>
    public ILogger? Logger { get; init; }

    /// <summary>The DPoP key the source's tokens are bound to, for a source over functions (the handler proves possession with
    /// it; without it a <c>token_type: DPoP</c> token is refused, never sent as a bearer token). A source over a grant client
    /// uses the client's <see cref="OAuthConfig.DPoP"/>; a different key here is an <see cref="OAuthError.InvalidArgument"/>.</summary>
    public DPoPKey? DPoP { get; init; }

    /// <summary>For a source over functions (<see cref="TokenSource.FromFunctions"/>) whose functions do not always send a
    /// request (e.g. they read a token a fleet shares): true means the functions record each token request they actually
    /// send with <see cref="OAuthTelemetry.MeasureTokenRequest"/>, and the source records none itself, so
    /// <c>oauth2.token.requests</c> counts requests sent, not tokens read. Default false; ignored by sources over a grant client.</summary>
    public bool RequestsMeasuredByFunctions { get; init; }

    /// <summary>Names and settings only: the seed prints as present or not, the hook as set or not, the DPoP key by its thumbprint.</summary>
    public override string ToString() =>
        $"TokenSourceOptions(Name = {Name}, Renewal = {Renewal}, Seed = {(Seed.IsSome ? "[redacted]" : "none")}, OnNewToken = {(OnNewToken is null ? "none" : "set")}, OnInvalidated = {(OnInvalidated is null ? "none" : "set")}, DPoP = {DPoP?.ToString() ?? "none"})";
}
