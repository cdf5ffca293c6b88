using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using OAuth2.Functional.Redis;
using StackExchange.Redis;

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
    private FleetTokenStore store = null!;
    private FleetKey key = null!;
    private ConnectionMultiplexer redis = null!;
    private Garnet.GarnetServer garnet = null!;
    private string dir = null!;
    private Func<CancellationToken, Task<Either<OAuthError, AccessToken>>> fetch = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var port = FreePort();
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
        fleet = Ok(FleetTokenSource.Create(store, client, parameters));
        var token = Ok(await fleet.GetTokenAsync().ToEither()); // one fetch, through the store (now in its memory and in Redis)
        plain = Ok(TokenSource.FromFunctions(_ => RightAsync<OAuthError, AccessToken>(token), null));
        await plain.GetTokenAsync().ToEither();
        holder = new(token, token.ExpiresAt.Match(e => e.UtcTicks, long.MaxValue) - TimeSpan.FromSeconds(60).Ticks);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        redis.Dispose();
        garnet.Dispose();
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

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
        var result = await store.GetOrFetchAsync(key, fetch);
        return result.Case is AccessToken t ? t.Value.Reveal() : "";
    }

    private static T Ok<T>(Either<OAuthError, T> either) => either.Match(r => r, e => throw new InvalidOperationException(e.ToString()));

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
