using Microsoft.Extensions.Logging;

namespace OAuth2.Functional;

/// <summary>
/// Caches one issuer's metadata (a <see cref="DiscoveryClient"/>'s) on the client's <see cref="TimeProvider"/>:
/// <list type="bullet">
/// <item>fresh for <see cref="MetadataCacheOptions.TimeToLive"/> after it was fetched: served without a request;</item>
/// <item>single-flight reload: however many callers find it expired (or missing) at once, one request is sent and all of them
/// get its outcome (each caller's cancellation ends only its own wait; the request itself is bounded by the HTTP timeout);</item>
/// <item>bounded serve-stale: when a reload fails, the expired metadata is served for at most
/// <see cref="MetadataCacheOptions.MaxStale"/> past its expiry, with a warning logged; after that, the reload's error. While
/// a reload is under way, callers other than the one who started it get that expired copy at once (inside the same bound), so
/// an outage costs one caller the request's timeout, not every caller.</item>
/// </list>
/// Failures are not cached: the next call after a failed reload tries again. Nothing here throws.
/// </summary>
public sealed class MetadataCache
{
    private sealed record Entry(AuthorizationServerMetadata Metadata, DateTimeOffset FetchedAt);

    private readonly DiscoveryClient client;
    private readonly MetadataCacheOptions options;
    private readonly object gate = new();
    private Entry? entry;
    private Task<Either<OAuthError, AuthorizationServerMetadata>>? reload;

    private MetadataCache(DiscoveryClient client, MetadataCacheOptions options)
    {
        this.client = client;
        this.options = options;
    }

    /// <summary>A cache over <paramref name="client"/> (its clock and logger are the cache's).</summary>
    public static Either<OAuthError, MetadataCache> Create(DiscoveryClient? client, MetadataCacheOptions? options = null)
    {
        if (client is null) return OAuthError.Argument("client", "is required");
        var o = options ?? MetadataCacheOptions.Default;
        if (o.TimeToLive <= TimeSpan.Zero || o.TimeToLive > MaxSpan) return OAuthError.Argument("options.timeToLive", "must be more than zero and at most 365 days");
        if (o.MaxStale < TimeSpan.Zero || o.MaxStale > MaxSpan) return OAuthError.Argument("options.maxStale", "must be between zero and 365 days");
        return new MetadataCache(client, o);
    }

    private static readonly TimeSpan MaxSpan = TimeSpan.FromDays(365);

    /// <summary>The issuer this cache serves.</summary>
    public string Issuer => client.Issuer;

    /// <summary>The metadata: cached while fresh, else from one shared reload (see the class remarks).</summary>
    public EitherAsync<OAuthError, AuthorizationServerMetadata> GetAsync(CancellationToken cancellationToken = default) =>
        GetCoreAsync(cancellationToken).ToAsync();

    /// <summary>Forgets the cached metadata: the next call fetches (e.g. after the server announced a key or endpoint change).</summary>
    public Unit Invalidate()
    {
        lock (gate) entry = null;
        return unit;
    }

    private async Task<Either<OAuthError, AuthorizationServerMetadata>> GetCoreAsync(CancellationToken ct)
    {
        if (ct.IsCancellationRequested) return new OAuthError.Cancelled();
        Task<Either<OAuthError, AuthorizationServerMetadata>> pending;
        try
        {
            var now = client.Time.GetUtcNow();
            lock (gate)
            {
                if (entry is { } fresh && now < fresh.FetchedAt + options.TimeToLive) return fresh.Metadata;
                // A reload is already under way (perhaps against a server that is down and slow to say so): the expired copy,
                // while inside the stale bound, stands in at once instead of every caller waiting out the same timeout.
                if (reload is not null && entry is { } old && now <= old.FetchedAt + options.TimeToLive + options.MaxStale) return old.Metadata;
                pending = reload ??= ReloadAsync();
            }
        }
        catch (Exception e)
        {
            // Only a caller's clock can throw here.
            return new OAuthError.TransportFailure("the clock threw while checking the cached metadata", e.GetType().Name);
        }
        try
        {
            return await pending.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new OAuthError.Cancelled();
        }
    }

    /// <summary>The one reload: fetch, then (under the lock) store the metadata or decide whether stale metadata may stand in.</summary>
    private async Task<Either<OAuthError, AuthorizationServerMetadata>> ReloadAsync()
    {
        // Leave the caller's lock before any work: the fetch's completion must not run inside it.
        await Task.Yield();
        Either<OAuthError, AuthorizationServerMetadata> outcome;
        Entry? stale = null;
        try
        {
            // Not any one caller's token: a caller who gives up must not cancel the others' request.
            var fetched = await client.FetchCoreAsync(CancellationToken.None).ConfigureAwait(false);
            var now = client.Time.GetUtcNow();
            lock (gate)
            {
                reload = null;
                outcome = fetched.Match(
                    Right: metadata =>
                    {
                        entry = new Entry(metadata, now);
                        return Right<OAuthError, AuthorizationServerMetadata>(metadata);
                    },
                    Left: error =>
                    {
                        stale = entry is { } old && now <= old.FetchedAt + options.TimeToLive + options.MaxStale ? old : null;
                        return stale is null ? Left<OAuthError, AuthorizationServerMetadata>(error) : Right<OAuthError, AuthorizationServerMetadata>(stale.Metadata);
                    });
            }
            if (stale is not null) LogStale(fetched, stale);
            return outcome;
        }
        catch (Exception e)
        {
            lock (gate) reload = null;
            return new OAuthError.TransportFailure("the metadata reload failed unexpectedly", e.GetType().Name);
        }
    }

    private void LogStale(Either<OAuthError, AuthorizationServerMetadata> failed, Entry stale)
    {
        try
        {
            client.Logger.LogWarning("OAuth2.Functional discovery: reloading the metadata of {Issuer} failed with {Code}; serving the copy fetched at {FetchedAt:O} (stale)",
                UrlText.WithoutSecrets(client.Issuer), failed.Match(_ => "-", e => e.Code), stale.FetchedAt);
        }
        catch (Exception)
        {
            // A throwing logger never changes an outcome.
        }
    }
}
