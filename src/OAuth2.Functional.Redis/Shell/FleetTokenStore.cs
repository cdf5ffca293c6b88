using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace OAuth2.Functional.Redis;

/// <summary>
/// Shares tokens across a fleet: memory first, then Redis (entries encrypted, TTL = expiry minus skew), and on a miss one
/// fetch for the whole fleet. The instance that wins the Redis lock (<c>SET key value NX PX</c>, extended while it fetches,
/// released only by its holder) fetches, writes (without its refresh token) and announces the token on a pub/sub channel,
/// or, when its request fails at the server or on the network, shares that failure's codes for a short time; the others
/// wait for it (bounded by <see cref="FleetStoreOptions.WaitBound"/>, looking again every
/// <see cref="FleetStoreOptions.PollInterval"/> and taking the lock over when a dead holder's lock expires), then fetch
/// themselves. Inside one instance, concurrent callers of a
/// key always share one attempt. When Redis is down or slow the store works as an in-process single flight, logs it, and
/// uses Redis again once it answers. No method throws; the cache never costs a caller a token.
/// </summary>
public sealed class FleetTokenStore
{
    private readonly IConnectionMultiplexer redis;
    private readonly FleetProtection protection;
    private readonly FleetStoreOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly RedisGuard guard;
    private readonly MemoryTier memory = new();
    private readonly ReadySignals signals = new();
    private readonly RedisChannel channel;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Task<Either<OAuthError, AccessToken>>> inflight = new(StringComparer.Ordinal); // guarded by gate
    private int subscribed;

    private FleetTokenStore(IConnectionMultiplexer redis, FleetStoreOptions options)
    {
        this.redis = redis;
        this.options = options;
        protection = options.Protection!;
        clock = options.TimeProvider ?? TimeProvider.System;
        logger = options.Logger ?? NullLogger.Instance;
        guard = new RedisGuard(options.OperationTimeout, options.RetryAfterFailure, clock, logger);
        channel = RedisChannel.Literal(options.KeyPrefix + "ready");
    }

    /// <summary>A store over <paramref name="redis"/> (connected or not: it may come up later). Invalid options give a
    /// <c>Left</c> naming the first bad field.</summary>
    public static Either<OAuthError, FleetTokenStore> Create(IConnectionMultiplexer? redis, FleetStoreOptions? options) =>
        redis is null ? Left<OAuthError, FleetTokenStore>(OAuthError.Argument("redis", "is required"))
        : options is null ? Left<OAuthError, FleetTokenStore>(OAuthError.Argument("options", "is required"))
        : options.Protection is FleetProtection.DataProtectionFromContainer
            ? Left<OAuthError, FleetTokenStore>(OAuthError.Argument("Protection",
                "DataProtectionFromServices is resolved only by UseRedis or AddOAuth2FleetStore; here use FleetProtection.With(dataProtectionProvider)"))
        : options.Problems().HeadOrNone().Match(
            p => Left<OAuthError, FleetTokenStore>(p),
            () => Right<OAuthError, FleetTokenStore>(new FleetTokenStore(redis, options)));

    /// <summary>True while the store works in-process only because Redis failed.</summary>
    public bool Degraded => guard.IsDown;

    /// <summary>The shared token for <paramref name="key"/>: from memory, else from Redis, else from <paramref name="fetch"/>
    /// run once for the fleet (or once for this instance when Redis is unavailable or the wait runs out). A fetch failure is
    /// returned as is and never stored. <paramref name="cancellationToken"/> ends only this caller's wait
    /// (<see cref="OAuthError.Cancelled"/>); the shared attempt goes on for the others.</summary>
    public Task<Either<OAuthError, AccessToken>> GetOrFetchAsync(
        FleetKey key, Func<CancellationToken, Task<Either<OAuthError, AccessToken>>> fetch, CancellationToken cancellationToken = default) =>
        SharedAsync(key, fetch, null, cancellationToken);

    /// <summary>A shared token other than <paramref name="stale"/> (the one the caller holds and wants renewed, e.g. ahead of
    /// its expiry): if the fleet already renewed it, the newer token; otherwise one fetch for the fleet, as in
    /// <see cref="GetOrFetchAsync"/>. Lets every instance renew ahead while the fleet still makes one request.</summary>
    public Task<Either<OAuthError, AccessToken>> RenewAsync(
        FleetKey key, AccessToken stale, Func<CancellationToken, Task<Either<OAuthError, AccessToken>>> fetch, CancellationToken cancellationToken = default) =>
        stale is null
            ? Task.FromResult(Left<OAuthError, AccessToken>(OAuthError.Argument("stale", "is required")))
            : SharedAsync(key, fetch, stale, cancellationToken);

    private async Task<Either<OAuthError, AccessToken>> SharedAsync(
        FleetKey key, Func<CancellationToken, Task<Either<OAuthError, AccessToken>>> fetch, AccessToken? stale, CancellationToken cancellationToken)
    {
        if (key is null) return Left<OAuthError, AccessToken>(OAuthError.Argument("key", "is required"));
        if (fetch is null) return Left<OAuthError, AccessToken>(OAuthError.Argument("fetch", "is required"));
        // Hot path (every call): .Case instead of Match, to avoid a closure per read.
        if (memory.Get(key.Hash, clock.GetUtcNow()).Case is AccessToken cached && !Same(cached, stale)) return cached;
        // Renewals of a token and plain reads are separate flights: a plain read may be answered with the token a renewal replaces.
        var flight = stale is null ? key.Hash : key.Hash + "|renew";
        Task<Either<OAuthError, AccessToken>> shared;
        lock (gate)
        {
            if (!inflight.TryGetValue(flight, out shared!))
            {
                shared = ResolveAndForget(flight, key, fetch, stale);
                inflight[flight] = shared;
            }
        }
        try
        {
            return await shared.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return Left<OAuthError, AccessToken>(new OAuthError.Cancelled());
        }
    }

    /// <summary>Stops sharing <paramref name="token"/> (e.g. a resource server rejected it): removes it from this instance's
    /// memory and from Redis, but only where that exact token is stored; a newer token stays. True when it was found.</summary>
    public async Task<bool> InvalidateAsync(FleetKey key, AccessToken token, CancellationToken cancellationToken = default)
    {
        if (key is null || token is null) return false;
        var fromMemory = memory.Remove(key.Hash, token);
        var entryKey = key.EntryKey(options.KeyPrefix);
        var db = redis.GetDatabase();
        var stored = await guard.Run("GET", () => db.StringGetAsync(entryKey)).ConfigureAwait(false);
        var fromRedis = await stored.Filter(v => v.HasValue).Match(
            async value =>
            {
                var same = Read(entryKey, (byte[])value!).Exists(t => Same(t, token));
                if (!same) return false;
                // Delete only if the entry is still the one we read (WATCH/MULTI: works on Garnet and redis-server).
                return (await guard.Run("DEL", async () =>
                {
                    var tx = db.CreateTransaction();
                    tx.AddCondition(Condition.StringEqual(entryKey, value));
                    _ = tx.KeyDeleteAsync(entryKey);
                    return await tx.ExecuteAsync().ConfigureAwait(false);
                }).ConfigureAwait(false)).IfNone(false);
            },
            () => Task.FromResult(false)).ConfigureAwait(false);
        return fromMemory || fromRedis;
    }

    private async Task<Either<OAuthError, AccessToken>> ResolveAndForget(
        string flight, FleetKey key, Func<CancellationToken, Task<Either<OAuthError, AccessToken>>> fetch, AccessToken? stale)
    {
        await Task.Yield(); // callers register on the task before any work runs
        try
        {
            return await ResolveAsync(key, fetch, stale).ConfigureAwait(false);
        }
        finally
        {
            lock (gate) inflight.Remove(flight);
        }
    }

    private async Task<Either<OAuthError, AccessToken>> ResolveAsync(
        FleetKey key, Func<CancellationToken, Task<Either<OAuthError, AccessToken>>> fetch, AccessToken? stale)
    {
        var entryKey = key.EntryKey(options.KeyPrefix);
        var failureKey = key.FailureKey(options.KeyPrefix);
        var lockKey = key.LockKey(options.KeyPrefix);
        var deadline = clock.GetUtcNow() + options.WaitBound;
        await EnsureSubscribedAsync().ConfigureAwait(false);
        while (guard.Usable)
        {
            var signal = signals.Next(key.Hash);
            var found = await ReadSharedAsync(entryKey, failureKey).ConfigureAwait(false);
            if (found.IsNone) break;                                   // Redis failed: in-process from here
            if (found.Bind(f => f.Token).Filter(t => !Same(t, stale)).Case is AccessToken shared) return Remember(key, shared);
            if (found.Bind(f => f.Failure).Case is OAuthError failed) return Left<OAuthError, AccessToken>(failed); // the fleet's last request just failed
            var holder = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            var took = await guard.Run("SET NX PX", () => redis.GetDatabase().StringSetAsync(lockKey, holder, options.LockTime, When.NotExists)).ConfigureAwait(false);
            if (took.IsNone) break;
            if (took.Exists(t => t)) return await AsHolderAsync(key, entryKey, failureKey, lockKey, holder, fetch, stale).ConfigureAwait(false);
            var left = deadline - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                logger.LogWarning("Fleet token store: no token from the fleet within {WaitBound}; this instance fetches its own", options.WaitBound);
                return await FetchAndShareAsync(key, entryKey, failureKey, fetch).ConfigureAwait(false);
            }
            await Task.WhenAny(signal, Task.Delay(Min(left, options.PollInterval), clock)).ConfigureAwait(false);
        }
        return await FetchAndShareAsync(key, entryKey, failureKey, fetch).ConfigureAwait(false);
    }

    private async Task<Either<OAuthError, AccessToken>> AsHolderAsync(
        FleetKey key, string entryKey, string failureKey, string lockKey, string holder, Func<CancellationToken, Task<Either<OAuthError, AccessToken>>> fetch, AccessToken? stale)
    {
        using var stop = new CancellationTokenSource();
        var keeper = KeepLockAsync(lockKey, holder, stop.Token);
        try
        {
            // Someone may have written the token (or its failure) between our read and our lock.
            var again = await ReadSharedAsync(entryKey, failureKey).ConfigureAwait(false);
            if (again.Bind(f => f.Token).Filter(t => !Same(t, stale)).Case is AccessToken shared) return Remember(key, shared);
            if (again.Bind(f => f.Failure).Case is OAuthError failed) return Left<OAuthError, AccessToken>(failed);
            return await FetchAndShareAsync(key, entryKey, failureKey, fetch).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await keeper.ConfigureAwait(false);
            // Holder-only release (WATCH/GET/MULTI/DEL/EXEC, no Lua: Garnet runs Lua only when started with --lua).
            await guard.Run("lock release", () => redis.GetDatabase().LockReleaseAsync(lockKey, holder)).ConfigureAwait(false);
            // Wake the waiters even when the fetch failed: they find its shared failure, or (none shared) one takes the lock.
            await guard.Run("PUBLISH", () => redis.GetSubscriber().PublishAsync(channel, key.Hash)).ConfigureAwait(false);
        }
    }

    // While the holder fetches, its lock is extended every third of LockTime (only while it still holds it: WATCH/MULTI
    // with a value condition, as for the release, around SET … XX PX, so no command beyond the store's others is needed),
    // so a slow token endpoint does not let a second instance fetch too. A holder that dies stops extending, and its lock
    // expires within LockTime.
    private async Task KeepLockAsync(string lockKey, string holder, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.LockTime / 3, clock, stop).ConfigureAwait(false);
                var kept = await guard.Run("lock extend", async () =>
                {
                    var tx = redis.GetDatabase().CreateTransaction();
                    tx.AddCondition(Condition.StringEqual(lockKey, holder));
                    _ = tx.StringSetAsync(lockKey, holder, options.LockTime, When.Exists);
                    return await tx.ExecuteAsync().ConfigureAwait(false);
                }).ConfigureAwait(false);
                // The lock is no longer ours: nothing left to keep. A failed or slow call (None) is tried again next time,
                // so one slow answer on a loaded machine does not let the lock lapse.
                if (kept.Exists(k => !k)) return;
            }
        }
        catch (OperationCanceledException)
        {
            // The fetch ended.
        }
        catch (Exception e)
        {
            // A caller's TimeProvider (its timers) failed: the lock simply stops being extended and expires within LockTime.
            // Never rethrown: the holder's release and wake-up below must run, and its result stand.
            logger.LogWarning("Fleet token store: extending the fleet lock stopped ({ExceptionType})", e.GetType().Name);
        }
    }

    private async Task<Either<OAuthError, AccessToken>> FetchAndShareAsync(
        FleetKey key, string entryKey, string failureKey, Func<CancellationToken, Task<Either<OAuthError, AccessToken>>> fetch)
    {
        var (result, returned) = await SafeFetchAsync(fetch).ConfigureAwait(false);
        // Only a failure the fetch returned (the server's or the network's) is shared; a fetch function that threw is this instance's problem.
        if (returned) foreach (var error in result.LeftToSeq()) await ShareFailureAsync(failureKey, error).ConfigureAwait(false);
        foreach (var token in result.RightToSeq())
        {
            var now = clock.GetUtcNow();
            var goodUntil = GoodUntil(token, now);
            memory.Put(key.Hash, token, goodUntil);
            var ttl = goodUntil - now;
            if (ttl <= TimeSpan.Zero) continue; // already inside the skew: handed out, never shared
            var entry = Protect(entryKey, EntryCodec.SharedJson(token));
            if (entry is null) continue; // cannot protect it: handed out, never shared
            var written = await guard.Run("SET PX", () => redis.GetDatabase().StringSetAsync(entryKey, entry, ttl)).ConfigureAwait(false);
            if (written.Exists(w => w)) await guard.Run("PUBLISH", () => redis.GetSubscriber().PublishAsync(channel, key.Hash)).ConfigureAwait(false);
        }
        return result;
    }

    // A failure written (protected like a token, under its own key) for the waiters: codes only, for SharedFailureTime or
    // until the server's Retry-After (capped). The holder publishes after it, so the waiters it wakes find it.
    private async Task ShareFailureAsync(string failureKey, OAuthError error)
    {
        foreach (var (json, span) in SharedFailure.Of(error, clock.GetUtcNow(), options))
        {
            var entry = Protect(failureKey, json);
            if (entry is not null) await guard.Run("SET PX", () => redis.GetDatabase().StringSetAsync(failureKey, entry, span)).ConfigureAwait(false);
        }
    }

    private byte[]? Protect(string redisKey, string json)
    {
        try
        {
            return EntryCodec.Encode(protection, redisKey, json, RandomNumberGenerator.GetBytes(12));
        }
        catch (Exception e)
        {
            // Only Data Protection can fail here (its key ring unreadable): the token is still good, just not shared.
            logger.LogWarning("Fleet token store: could not protect an entry for Redis ({ExceptionType}); it is used here but not shared", e.GetType().Name);
            return null;
        }
    }

    // What Redis holds for a key: its usable token and its shared failure, each or neither; None when Redis failed. Two
    // GETs sent together (pipelined on the one connection: one round trip), not MGET, so the ACL needs no other command.
    private async Task<Option<(Option<AccessToken> Token, Option<OAuthError> Failure)>> ReadSharedAsync(string entryKey, string failureKey)
    {
        var values = await guard.Run("GET", async () =>
        {
            var db = redis.GetDatabase();
            var entry = db.StringGetAsync(entryKey);
            var failure = db.StringGetAsync(failureKey);
            return (Entry: await entry.ConfigureAwait(false), Failure: await failure.ConfigureAwait(false));
        }).ConfigureAwait(false);
        return values.Map(v => (
            v.Entry.HasValue ? Read(entryKey, (byte[])v.Entry!) : None,
            v.Failure.HasValue ? ReadFailure(failureKey, (byte[])v.Failure!) : Option<OAuthError>.None));
    }

    private Option<OAuthError> ReadFailure(string failureKey, byte[] entry) =>
        EntryCodec.Decode(protection, failureKey, entry).ToOption().Bind(SharedFailure.Read);

    private Option<AccessToken> Read(string entryKey, byte[] entry)
    {
        var now = clock.GetUtcNow();
        return EntryCodec.Decode(protection, entryKey, entry).Match(
            json => AccessToken.FromJson(json, now).Match(
                t => t.IsExpired(now, options.Skew) ? None : Some(t),
                _ => Reject("its token JSON is malformed")),
            Reject);

        Option<AccessToken> Reject(string reason)
        {
            logger.LogWarning("Fleet token store: ignored an entry in Redis ({Reason}); it will be replaced", reason);
            return None;
        }
    }

    private AccessToken Remember(FleetKey key, AccessToken token)
    {
        memory.Put(key.Hash, token, GoodUntil(token, clock.GetUtcNow()));
        return token;
    }

    private DateTimeOffset GoodUntil(AccessToken token, DateTimeOffset now) =>
        token.ExpiresAt.Match(at => at - options.Skew, () => now + options.FallbackLifetime);

    // The fetch's result, and whether the fetch itself returned it (false: it threw or returned Bottom).
    private static async Task<(Either<OAuthError, AccessToken> Result, bool Returned)> SafeFetchAsync(Func<CancellationToken, Task<Either<OAuthError, AccessToken>>> fetch)
    {
        try
        {
            var result = await fetch(CancellationToken.None).ConfigureAwait(false);
            return result.IsBottom ? (Left<OAuthError, AccessToken>(new OAuthError.TransportFailure("the fetch function returned no result", "Bottom")), false) : (result, true);
        }
        catch (OperationCanceledException)
        {
            return (Left<OAuthError, AccessToken>(new OAuthError.Cancelled()), false);
        }
        catch (Exception e)
        {
            return (Left<OAuthError, AccessToken>(new OAuthError.TransportFailure("the fetch function threw", e.GetType().Name)), false);
        }
    }

    // A failed SUBSCRIBE does not take the store off Redis: waiters still look again every PollInterval, and the next
    // resolution tries to subscribe again. (A fresh connection's subscription link can come up after its interactive one;
    // with a fail-fast backlog, SUBSCRIBE fails meanwhile, and treating that as an outage made a cold instance fetch alone.)
    private async Task EnsureSubscribedAsync()
    {
        if (Volatile.Read(ref subscribed) == 1 || !guard.Usable) return;
        Task? task = null;
        try
        {
            task = redis.GetSubscriber().SubscribeAsync(channel, (_, message) => { if (message.HasValue) signals.Set(message!); });
            await task.WaitAsync(options.OperationTimeout, clock).ConfigureAwait(false);
            Volatile.Write(ref subscribed, 1);
        }
        catch (Exception e)
        {
            _ = task?.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted); // observed, never unobserved
            logger.LogDebug("Fleet token store: SUBSCRIBE failed ({ExceptionType}); waiters poll until it succeeds", e.GetType().Name);
        }
    }

    // Tokens are the same when their values are (the rest of the record may differ after a round trip through JSON).
    private static bool Same(AccessToken a, AccessToken? b) => b is not null && a.Value.Equals(b.Value);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
