using BenchmarkDotNet.Attributes;
using OAuth2.Functional.Redis;

namespace OAuth2.Functional.Benchmarks;

/// <summary>
/// The cached read with the fleet store configured (OAuth2.Functional.Redis, over an in-process Garnet on loopback), next to
/// the plain token source and the floor: the token source built by <c>UseRedis</c> (<see cref="FleetTokenSource"/>) keeps the
/// plain source's lock-free read, and the store's own memory hit (<see cref="FleetTokenStore.GetOrFetchAsync"/> when the
/// token is in this instance's memory) is a dictionary read. All contenders return the same token, fetched once in setup
/// from a canned token endpoint.
/// </summary>
[MemoryDiagnoser]
public class FleetTokenReadBenchmarks
{
    private sealed record Holder(AccessToken Token, long UseUntilTicks);

    private static readonly TimeProvider Clock = TimeProvider.System;
    private volatile Holder holder = null!;
    private TokenSource plain = null!;
    private TokenSource fleet = null!;
    private BenchFleet setup = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        setup = await BenchFleet.StartAsync();
        fleet = BenchFleet.Ok(FleetTokenSource.Create(setup.Store, setup.Client, setup.Parameters));
        var token = BenchFleet.Ok(await fleet.GetTokenAsync().ToEither()); // one fetch, through the store (now in its memory and in Redis)
        plain = BenchFleet.Ok(TokenSource.FromFunctions(_ => RightAsync<OAuthError, AccessToken>(token), null));
        await plain.GetTokenAsync().ToEither();
        holder = new(token, token.ExpiresAt.Match(e => e.UtcTicks, long.MaxValue) - TimeSpan.FromSeconds(60).Ticks);
    }

    [GlobalCleanup]
    public void Cleanup() => setup.Dispose();

    [Benchmark(Baseline = true)]
    public string Floor()
    {
        var h = holder;
        return Clock.GetUtcNow().UtcTicks < h.UseUntilTicks ? h.Token.Value.Reveal() : "";
    }

    [Benchmark]
    public string PlainSourceValueTaskRead()
    {
        var read = plain.GetTokenValueAsync();
        // Case, not Match: this is the measured hot path.
        return read.IsCompletedSuccessfully && read.Result.Case is AccessToken t ? t.Value.Reveal() : "";
    }

    [Benchmark]
    public string FleetSourceValueTaskRead()
    {
        var read = fleet.GetTokenValueAsync();
        return read.IsCompletedSuccessfully && read.Result.Case is AccessToken t ? t.Value.Reveal() : "";
    }

    [Benchmark]
    public async Task<string> FleetSourceGetTokenAsyncAwaited()
    {
        var result = await fleet.GetTokenAsync().ToEither();
        return result.Case is AccessToken t ? t.Value.Reveal() : "";
    }

    [Benchmark]
    public async Task<string> FleetStoreMemoryHit()
    {
        var result = await setup.Store.GetOrFetchAsync(setup.Key, setup.Fetch);
        return result.Case is AccessToken t ? t.Value.Reveal() : "";
    }
}
