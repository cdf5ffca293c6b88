using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using OAuth2.Functional.Redis;
using StackExchange.Redis;

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
    private FleetTokenStore store = null!;
    private FleetKey key = null!;
    private AccessToken held = null!;
    private ConnectionMultiplexer redis = null!;
    private Garnet.GarnetServer garnet = null!;
    private string dir = null!;
    private Func<CancellationToken, Task<Either<OAuthError, AccessToken>>> fetch = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        dir = Directory.CreateTempSubdirectory("bench-garnet-").FullName;
        // Never cleanupDir: true (Garnet would delete its checkpoint dir, by default the current directory); --memory ≥ 2 × --page.
        garnet = new Garnet.GarnetServer(["-q", "--bind", "127.0.0.1", "--port", port.ToString(), "--index", "1m", "--memory", "8m", "--page", "1m", "--checkpointdir", dir], null, false, null);
        garnet.Start();
        redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},abortConnect=false");
        var client = Ok(ClientCredentials.Create(new OAuthConfig(new ClientSettings("svc", "svc-secret"), new AuthSettings("https://as.example")),
            new HttpClient(new CannedHandler(HttpStatusCode.OK, Bodies.Token))));
        var parameters = Parameters.Of(("scope", "read"));
        var ring = Ok(FleetKeyRing.Create("bench", Enumerable.Repeat((byte)7, 32).ToArray()));
        store = Ok(FleetTokenStore.Create(redis, new FleetStoreOptions { Protection = FleetProtection.With(ring), KeyPrefix = "bench" + Guid.NewGuid().ToString("N")[..6] + ":" }));
        key = Ok(FleetKey.Of(client.Config.TokenUrl, "svc", parameters));
        fetch = ct => client.GetTokenAsync(parameters, cancellationToken: ct).ToEither();
        held = Ok(await store.GetOrFetchAsync(key, fetch)); // the canned endpoint answers the same token every time
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        redis.Dispose();
        garnet.Dispose();
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    [Benchmark(Baseline = true)]
    public async Task<string> BareFetch()
    {
        var result = await fetch(CancellationToken.None);
        return result.Case is AccessToken t ? t.Value.Reveal() : "";
    }

    [Benchmark]
    public async Task<string> FleetRenewal()
    {
        var result = await store.RenewAsync(key, held, fetch);
        return result.Case is AccessToken t ? t.Value.Reveal() : "";
    }

    private static T Ok<T>(Either<OAuthError, T> either) => either.Match(r => r, e => throw new InvalidOperationException(e.ToString()));
}
