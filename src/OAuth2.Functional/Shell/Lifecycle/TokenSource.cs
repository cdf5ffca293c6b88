using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OAuth2.Functional;

/// <summary>
/// Keeps one token and renews it, for any number of concurrent callers. A cached read is one volatile read and one
/// clock comparison: no lock, no allocation. Renewal is single-flight (concurrent callers on a missing or expired token
/// share one request; each caller's cancellation ends only its own wait, the shared request runs to its own timeout),
/// starts ahead of expiry in the background (<see cref="RenewalOptions.AheadFraction"/>), and never caches a failure
/// unless the server sent <c>Retry-After</c>. A refresh answered <c>invalid_grant</c> falls back to the grant when the
/// source can run it, else the token is dropped. Refresh tokens rotate atomically: one refresh at a time, the new token
/// replaces the old one as a whole. When to renew is decided by the pure <see cref="RenewalPolicy"/>.
/// A source serves one set of parameters: for several scopes or resources use one source each, or a
/// <see cref="TokenSourceCache"/>.
/// </summary>
public sealed class TokenSource
{
    private readonly Func<CancellationToken, Task<Either<OAuthError, AccessToken>>>? grant;
    private readonly Func<AccessToken, CancellationToken, Task<Either<OAuthError, AccessToken>>>? refresh;
    private readonly RenewalOptions renewal;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly Func<AccessToken, CancellationToken, Task>? onNewToken;
    private readonly Func<AccessToken, Task>? onInvalidated;
    private readonly KeyValuePair<string, object?> sourceTag;
    private readonly bool measuresRequests; // false when the functions record the requests they send themselves
    private readonly Lock gate = new();

    private volatile TokenSnapshot current;
    private volatile Task<Either<OAuthError, AccessToken>>? inflight; // written under gate; read lock-free by the window fast path

    private TokenSource(
        Func<CancellationToken, Task<Either<OAuthError, AccessToken>>>? grant,
        Func<AccessToken, CancellationToken, Task<Either<OAuthError, AccessToken>>>? refresh,
        TokenSourceOptions options, TimeProvider clock, ILogger logger, bool measuresRequests = true)
    {
        this.measuresRequests = measuresRequests;
        this.grant = grant;
        this.refresh = refresh;
        renewal = options.Renewal;
        this.clock = clock;
        this.logger = logger;
        onNewToken = options.OnNewToken;
        onInvalidated = options.OnInvalidated;
        Name = options.Name;
        sourceTag = new(LifecycleTelemetry.SourceTag, options.Name);
        current = options.Seed.Match(t => TokenSnapshot.Fresh(t, clock.GetUtcNow(), renewal), () => TokenSnapshot.Empty);
    }

    /// <summary>A source that runs <paramref name="client"/>'s grant with <paramref name="parameters"/> whenever it has
    /// no usable token, and refreshes instead when its token has a refresh token (falling back to the grant on
    /// <c>invalid_grant</c>). Right for client credentials; for a password grant the parameters hold the credentials.</summary>
    public static Either<OAuthError, TokenSource> Create(GrantClient client, Parameters? parameters = null, TokenSourceOptions? options = null) =>
        from c in Optional(client).ToEither(OAuthError.Argument("client", "is required"))
        from o in Validated(options)
        from _ in SameKey(c, o)
        select OverClient(c, parameters ?? Parameters.Empty, o);

    /// <summary>The DPoP key of the client this source gets tokens from (the handler proves possession with it), and its clock.</summary>
    internal Option<DPoPKey> DPoP { get; private init; }
    internal TimeProvider Time => clock;

    /// <summary>A source that starts from <paramref name="token"/> (e.g. from an authorization code or a stored token)
    /// and can only refresh it: the grant is never re-run, so a dead refresh token gives a <c>Left</c> and drops the token.</summary>
    public static Either<OAuthError, TokenSource> FromToken(GrantClient client, AccessToken token, TokenSourceOptions? options = null) =>
        from c in Optional(client).ToEither(OAuthError.Argument("client", "is required"))
        from o in Validated(options)
        from _ in SameKey(c, o)
        from t in Optional(token).ToEither(OAuthError.Argument("token", "is required"))
        select new TokenSource(null, (old, ct) => c.RefreshAsync(old, cancellationToken: ct).ToEither(), o with { Seed = Some(t) },
            o.TimeProvider ?? c.Time, o.Logger ?? c.Logger) { DPoP = Optional(c.Config.Config.DPoP) };

    /// <summary>A source over any fetch functions: <paramref name="grant"/> gets a new token (or null when there is
    /// none), <paramref name="refresh"/> renews one that has a refresh token (or null). At least one is needed.</summary>
    public static Either<OAuthError, TokenSource> FromFunctions(
        Func<CancellationToken, EitherAsync<OAuthError, AccessToken>>? grant,
        Func<AccessToken, CancellationToken, EitherAsync<OAuthError, AccessToken>>? refresh,
        TokenSourceOptions? options = null) =>
        from o in Validated(options)
        from _ in grant is null && refresh is null
            ? Left<OAuthError, Unit>(OAuthError.Argument("grant", "a grant or a refresh function is required"))
            : Right<OAuthError, Unit>(unit)
        select new TokenSource(
            grant is null ? null : ct => grant(ct).ToEither(),
            refresh is null ? null : (t, ct) => refresh(t, ct).ToEither(),
            o, o.TimeProvider ?? TimeProvider.System, o.Logger ?? NullLogger.Instance, !o.RequestsMeasuredByFunctions) { DPoP = Optional(o.DPoP) };

    private static Either<OAuthError, Unit> SameKey(GrantClient client, TokenSourceOptions options) =>
        options.DPoP is null || ReferenceEquals(options.DPoP, client.Config.Config.DPoP)
            ? Right<OAuthError, Unit>(unit)
            : Left<OAuthError, Unit>(OAuthError.Argument("options.DPoP", "differs from the client's DPoP key (the client's tokens are bound to its own)"));

    internal static TokenSource OverClient(GrantClient client, Parameters parameters, TokenSourceOptions options) =>
        new(ct => client.GetTokenAsync(parameters, cancellationToken: ct).ToEither(),
            (old, ct) => client.RefreshAsync(old, cancellationToken: ct).ToEither(),
            options, options.TimeProvider ?? client.Time, options.Logger ?? client.Logger) { DPoP = Optional(client.Config.Config.DPoP) };

    internal static Either<OAuthError, TokenSourceOptions> Validated(TokenSourceOptions? options)
    {
        var o = options ?? TokenSourceOptions.Default;
        return o.Renewal is null
            ? Left<OAuthError, TokenSourceOptions>(OAuthError.Argument("options.Renewal", "is required"))
            : o.Renewal.Validate().Map(_ => o);
    }

    /// <summary>The name given in the options (used in logs and metric tags).</summary>
    public string Name { get; }

    /// <summary>The token held right now, good or not (no request, no clock).</summary>
    public Option<AccessToken> Current => Optional(current.Token);

    /// <summary>A good token: the cached one (lock-free, no allocation), or the result of the one shared renewal.</summary>
    public EitherAsync<OAuthError, AccessToken> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var s = current;
        var now = clock.GetUtcNow().UtcTicks;
        // Before the refresh-ahead window, or inside it while a renewal already runs: the cached token, lock-free.
        if (now < s.AheadFromTicks || (now < s.UseUntilTicks && inflight is not null && s.Token is not null && s.LastFailure is null))
        {
            LifecycleTelemetry.CacheHits.Add(1, sourceTag);
            return s.Result;
        }
        return SlowAsync(s, cancellationToken).ToAsync();
    }

    /// <summary>The same as <see cref="GetTokenAsync"/> as a <see cref="ValueTask{TResult}"/>, for the handler: a cached read
    /// completes synchronously and allocates nothing, also for the caller that awaits it. (Internal: the public API
    /// speaks EitherAsync.)</summary>
    internal ValueTask<Either<OAuthError, AccessToken>> GetTokenValueAsync(CancellationToken cancellationToken = default)
    {
        var s = current;
        var now = clock.GetUtcNow().UtcTicks;
        if (now < s.AheadFromTicks || (now < s.UseUntilTicks && inflight is not null && s.Token is not null && s.LastFailure is null))
        {
            LifecycleTelemetry.CacheHits.Add(1, sourceTag);
            return new(s.Value);
        }
        return new(SlowAsync(s, cancellationToken));
    }

    /// <summary>Stops handing out <paramref name="token"/> (a resource server rejected it): the next call renews. Only that
    /// exact token is affected: if a newer one is cached already, nothing changes. Its refresh token stays usable.
    /// Returns true when the token was the cached one (and then runs <see cref="TokenSourceOptions.OnInvalidated"/>).</summary>
    public bool Invalidate(AccessToken token)
    {
        // Under the renewal lock: a renewal that ends at the same moment builds its next state from what this leaves.
        lock (gate)
        {
            var s = current;
            if (s.Token is null || token is null || !s.Token.Equals(token)) return false;
            current = s.Retired();
        }
        if (onInvalidated is not null) _ = Invalidated(token);
        return true;
    }

    private async Task Invalidated(AccessToken token)
    {
        try
        {
            await Task.Yield(); // never on the caller's thread
            await onInvalidated!(token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.LogWarning("OAuth2.Functional token source {Name}: the invalidation hook failed with {ExceptionType}", Name, e.GetType().Name);
        }
    }

    private async Task<Either<OAuthError, AccessToken>> SlowAsync(TokenSnapshot seen, CancellationToken ct)
    {
        var decision = RenewalPolicy.Decide(seen.State, clock.GetUtcNow(), renewal);
        switch (decision)
        {
            case RenewalDecision.Use:
                LifecycleTelemetry.CacheHits.Add(1, sourceTag);
                return seen.Value;
            case RenewalDecision.UseAndRenewAhead:
                LifecycleTelemetry.CacheHits.Add(1, sourceTag);
                _ = Renewal(seen, ahead: true);
                return seen.Value;
            case RenewalDecision.Wait:
                return Left<OAuthError, AccessToken>(seen.LastFailure ?? TokenSnapshot.NoToken);
        }
        var shared = Renewal(seen, ahead: false);
        if (shared.IsCompleted) return shared.Result;
        try
        {
            return await shared.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return Left<OAuthError, AccessToken>(new OAuthError.Cancelled());
        }
    }

    /// <summary>The one renewal in flight, started if there is none and the latest state still needs one.</summary>
    private Task<Either<OAuthError, AccessToken>> Renewal(TokenSnapshot seen, bool ahead)
    {
        TaskCompletionSource<Either<OAuthError, AccessToken>> started;
        TokenSnapshot from;
        lock (gate)
        {
            if (inflight is { } running) return running;
            from = current;
            if (!ReferenceEquals(from, seen))
            {
                // Someone renewed (or failed) since this caller looked: decide again on the latest state.
                switch (RenewalPolicy.Decide(from.State, clock.GetUtcNow(), renewal))
                {
                    case RenewalDecision.Use:
                    case RenewalDecision.UseAndRenewAhead when !ahead:
                        return Task.FromResult(from.Value);
                    case RenewalDecision.Wait:
                        return Task.FromResult(Left<OAuthError, AccessToken>(from.LastFailure ?? TokenSnapshot.NoToken));
                }
            }
            started = new(TaskCreationOptions.RunContinuationsAsynchronously);
            inflight = started.Task;
        }
        _ = RunAsync(from, ahead, started);
        return started.Task;
    }

    private async Task RunAsync(TokenSnapshot from, bool ahead, TaskCompletionSource<Either<OAuthError, AccessToken>> done)
    {
        // Off the caller's thread: the caller who started a renewal (a refresh-ahead caller holds a good token) never runs
        // the fetch, the logging or the persistence hook itself.
        await Task.Yield();
        var began = Stopwatch.GetTimestamp();
        Either<OAuthError, AccessToken> result;
        var drop = false;
        try
        {
            LifecycleTelemetry.Renewals.Add(1, sourceTag, new(LifecycleTelemetry.RenewalTag, ahead ? "ahead" : "on_demand"));
            (result, drop) = await RenewAsync(from).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // A user's fetch function (or a metrics listener) threw: it becomes a value like every other failure.
            result = Left<OAuthError, AccessToken>(new OAuthError.TransportFailure("the fetch function threw instead of returning a result", e.GetType().Name));
        }
        TokenSnapshot next;
        try
        {
            var at = clock.GetUtcNow();
            lock (gate)
            {
                // Built from current under the lock, so an Invalidate (which takes the lock too) is never overwritten.
                next = result.Match(
                    Right: token => TokenSnapshot.Fresh(token, at, renewal),
                    Left: error => current.Failed(error, at, ahead, drop, renewal));
                current = next;
            }
        }
        finally
        {
            // Every waiter is released whatever happens next: a throwing clock, logger or listener must not strand them.
            lock (gate)
                if (ReferenceEquals(inflight, done.Task)) inflight = null;
            done.TrySetResult(result);
        }
        try
        {
            LifecycleTelemetry.RenewalDuration.Record(Stopwatch.GetElapsedTime(began).TotalSeconds, sourceTag);
            LogOutcome(result, ahead, drop);
        }
        catch (Exception)
        {
            // Observability never changes an outcome.
        }
        if (onNewToken is not null && next.Token is { } fresh && result.IsRight) await Persist(fresh).ConfigureAwait(false);
    }

    /// <summary>Refresh or grant, as the policy routes it; an <c>invalid_grant</c> refresh falls back or drops.</summary>
    private async Task<(Either<OAuthError, AccessToken> Result, bool Drop)> RenewAsync(TokenSnapshot from)
    {
        switch (RenewalPolicy.Route(Optional(from.Token), grant is not null))
        {
            case RenewalRoute.Refresh when refresh is not null:
                var refreshed = await Request("refresh", () => refresh(from.Token!, CancellationToken.None)).ConfigureAwait(false);
                if (refreshed.Case is not OAuthError failed) return (refreshed, false);
                return RenewalPolicy.AfterRefreshFailure(failed, grant is not null) switch
                {
                    RefreshFailureAction.RunGrant => (await Request("grant", () => grant!(CancellationToken.None)).ConfigureAwait(false), false),
                    RefreshFailureAction.Drop => (refreshed, true),
                    _ => (refreshed, false),
                };
            case RenewalRoute.Grant or RenewalRoute.Refresh when grant is not null:
                return (await Request("grant", () => grant(CancellationToken.None)).ConfigureAwait(false), false);
            default:
                return (Left<OAuthError, AccessToken>(from.LastFailure ?? TokenSnapshot.NoToken), false);
        }
    }

    /// <summary>One token request, with its span and its count by outcome (unless the functions measure their own).</summary>
    private Task<Either<OAuthError, AccessToken>> Request(string route, Func<Task<Either<OAuthError, AccessToken>>> request) =>
        measuresRequests ? LifecycleTelemetry.Measure(Name, sourceTag, route, request) : request();

    private async Task Persist(AccessToken token)
    {
        try
        {
            await onNewToken!(token, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.LogWarning("OAuth2.Functional token source {Name}: the new-token hook failed with {ExceptionType}", Name, e.GetType().Name);
        }
    }

    private void LogOutcome(Either<OAuthError, AccessToken> result, bool ahead, bool dropped)
    {
        if (!logger.IsEnabled(LogLevel.Debug)) return;
        result.Match(
            _ => logger.LogDebug("OAuth2.Functional token source {Name}: renewed ({Renewal})", Name, ahead ? "ahead" : "on demand"),
            e => logger.LogDebug("OAuth2.Functional token source {Name}: renewal ({Renewal}) failed with {Code}{Dropped}", Name,
                ahead ? "ahead" : "on demand", e.Code, dropped ? "; the token was dropped" : string.Empty));
    }
}
