using BenchmarkDotNet.Attributes;
using OAuth2.Functional.Redis;

namespace OAuth2.Functional.Benchmarks;

/// <summary>
/// The latency a fleet renewal adds to a token request: <see cref="FleetTokenStore.RenewAsync"/> of the held token runs the
/// whole fleet path each time (memory and Redis hold only the held token, so: GET, <c>SET NX PX</c> lock, GET again, the
/// fetch, an encrypted <c>SET PX</c>, <c>PUBLISH</c>, the holder-only release in a WATCH/MULTI transaction, <c>PUBLISH</c>)
/// against an in-process Garnet on loopback, next to the bare fetch (the baseline) over the same canned token endpoint.
/// Both return the same token.
/// </summary>
[MemoryDiagnoser]
public class FleetRenewalBenchmarks
{
    private BenchFleet fleet = null!;
    private AccessToken held = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        fleet = await BenchFleet.StartAsync();
        held = BenchFleet.Ok(await fleet.Store.GetOrFetchAsync(fleet.Key, fleet.Fetch)); // the canned endpoint answers the same token every time
    }

    [GlobalCleanup]
    public void Cleanup() => fleet.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<string> BareFetch()
    {
        var result = await fleet.Fetch(CancellationToken.None);
        return result.Case is AccessToken t ? t.Value.Reveal() : "";
    }

    [Benchmark]
    public async Task<string> FleetRenewal()
    {
        var result = await fleet.Store.RenewAsync(fleet.Key, held, fleet.Fetch);
        return result.Case is AccessToken t ? t.Value.Reveal() : "";
    }
}
