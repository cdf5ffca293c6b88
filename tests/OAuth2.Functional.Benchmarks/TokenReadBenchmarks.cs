using System.ComponentModel;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace OAuth2.Functional.Benchmarks;

/// <summary>
/// Reading a cached, valid token, the call every outgoing API request makes. Contenders: the floor (a volatile read of
/// an immutable holder plus one expiry comparison), a Go-style mutex read (<c>ReuseTokenSource</c>), ATM 4's path (a
/// per-call cache key and <c>HybridCache.GetOrCreateAsync</c> with an immutable cached type, its best case), and ours:
/// the <c>ValueTask</c> read the handler uses, <c>GetTokenAsync</c> as returned, and <c>GetTokenAsync</c> awaited
/// through LanguageExt's <c>ToEither</c>. Every contender returns the same access token text.
/// </summary>
[MemoryDiagnoser]
public class TokenReadBenchmarks
{
    private sealed record Holder(AccessToken Token, long UseUntilTicks);

    /// <summary>What ATM 4 caches: an immutable record (declared so, which lets HybridCache skip copying).</summary>
    [ImmutableObject(true)]
    public sealed record CachedToken(string AccessToken, DateTimeOffset ExpiresAt);

    private static readonly TimeProvider Clock = TimeProvider.System;
    private static readonly AccessToken Token = AccessToken.FromJson("{\"access_token\":\"eyJ.cached.token\",\"token_type\":\"Bearer\",\"expires_in\":3600}",
        DateTimeOffset.UtcNow).Match(t => t, e => throw new InvalidOperationException(e.ToString()));

    private volatile Holder holder = new(Token, Token.ExpiresAt.Match(e => e.UtcTicks, long.MaxValue) - TimeSpan.FromSeconds(60).Ticks);
    private readonly Lock gate = new();
    private Holder guarded = null!;
    private TokenSource source = null!;
    private HybridCache hybrid = null!;
    private ServiceProvider services = null!;
    private readonly string clientName = "api";
    private readonly string scope = "read";
    private EitherAsync<OAuthError, AccessToken> returned;

    [GlobalSetup]
    public async Task Setup()
    {
        guarded = holder;
        source = TokenSource.FromFunctions(_ => RightAsync<OAuthError, AccessToken>(Token), null)
            .Match(s => s, e => throw new InvalidOperationException(e.ToString()));
        await source.GetTokenAsync().ToEither();
        services = new ServiceCollection().AddHybridCache().Services.BuildServiceProvider();
        hybrid = services.GetRequiredService<HybridCache>();
        await HybridCacheGetOrCreate();
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    [Benchmark(Baseline = true)]
    public string Floor()
    {
        var h = holder;
        return Clock.GetUtcNow().UtcTicks < h.UseUntilTicks ? h.Token.Value.Reveal() : "";
    }

    [Benchmark]
    public string MutexRead()
    {
        lock (gate)
        {
            var h = guarded;
            return Clock.GetUtcNow().UtcTicks < h.UseUntilTicks ? h.Token.Value.Reveal() : "";
        }
    }

    [Benchmark]
    public async Task<string> HybridCacheGetOrCreate()
    {
        var key = $"OAuth2.Functional::{clientName}::{scope}"; // a per-call key, as ATM 4 builds one
        var cached = await hybrid.GetOrCreateAsync(key, static _ => ValueTask.FromResult(new CachedToken(Token.Value.Reveal(), Token.ExpiresAt.IfNone(DateTimeOffset.MaxValue))));
        return cached.ExpiresAt > Clock.GetUtcNow() ? cached.AccessToken : "";
    }

    [Benchmark]
    public string OursValueTaskRead()
    {
        var read = source.GetTokenValueAsync();
        // Case, not Match: this is the measured hot path.
        return read.IsCompletedSuccessfully && read.Result.Case is AccessToken t ? t.Value.Reveal() : "";
    }

    [Benchmark]
    public string OursGetTokenAsyncReturned()
    {
        // The EitherAsync as returned (kept in a field so it is not optimised away); consuming it is LanguageExt's cost (next row).
        returned = source.GetTokenAsync();
        return Token.Value.Reveal();
    }

    [Benchmark]
    public async Task<string> OursGetTokenAsyncAwaited()
    {
        var result = await source.GetTokenAsync().ToEither();
        return result.Case is AccessToken t ? t.Value.Reveal() : "";
    }
}
