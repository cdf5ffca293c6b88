using System.Net;
using System.Net.Sockets;
using OAuth2.Functional.Redis;
using StackExchange.Redis;

namespace OAuth2.Functional.Benchmarks;

/// <summary>
/// What both fleet benchmarks set up: an in-process Garnet on a free loopback port (its own checkpoint folder, never
/// <c>cleanupDir: true</c>, which would delete the current directory; <c>--memory</c> at least twice <c>--page</c>), a
/// connection, an encrypted <see cref="FleetTokenStore"/> under a fresh prefix, and a client-credentials client over a
/// canned token endpoint with its parameters, key and fetch function.
/// </summary>
internal sealed class BenchFleet : IDisposable
{
    private readonly Garnet.GarnetServer garnet;
    private readonly string dir;

    private BenchFleet(Garnet.GarnetServer garnet, string dir, ConnectionMultiplexer redis, FleetTokenStore store, ClientCredentials client,
        Parameters parameters, FleetKey key)
    {
        this.garnet = garnet;
        this.dir = dir;
        Redis = redis;
        Store = store;
        Client = client;
        Parameters = parameters;
        Key = key;
        Fetch = ct => client.GetTokenAsync(parameters, cancellationToken: ct).ToEither();
    }

    public ConnectionMultiplexer Redis { get; }
    public FleetTokenStore Store { get; }
    public ClientCredentials Client { get; }
    public Parameters Parameters { get; }
    public FleetKey Key { get; }
    public Func<CancellationToken, Task<Either<OAuthError, AccessToken>>> Fetch { get; }

    public static async Task<BenchFleet> StartAsync()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        var dir = Directory.CreateTempSubdirectory("bench-garnet-").FullName;
        var garnet = new Garnet.GarnetServer(["-q", "--bind", "127.0.0.1", "--port", port.ToString(), "--index", "1m", "--memory", "8m", "--page", "1m", "--checkpointdir", dir], null, false, null);
        garnet.Start();
        var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},abortConnect=false");
        var client = Ok(ClientCredentials.Create(new OAuthConfig(new ClientSettings("svc", "svc-secret"), new AuthSettings("https://as.example")),
            new HttpClient(new CannedHandler(HttpStatusCode.OK, Bodies.Token))));
        var parameters = Parameters.Of(("scope", "read"));
        var ring = Ok(FleetKeyRing.Create("bench", Enumerable.Repeat((byte)7, 32).ToArray()));
        var store = Ok(FleetTokenStore.Create(redis, new FleetStoreOptions { Protection = FleetProtection.With(ring), KeyPrefix = "bench" + Guid.NewGuid().ToString("N")[..6] + ":" }));
        var key = Ok(FleetKey.Of(client.Config.TokenUrl, "svc", parameters));
        return new BenchFleet(garnet, dir, redis, store, client, parameters, key);
    }

    /// <summary>The value, or (benchmark set-up only) an exception: a set-up that cannot run must stop the run.</summary>
    public static T Ok<T>(Either<OAuthError, T> either) => either.Match(r => r, e => throw new InvalidOperationException(e.ToString()));

    public void Dispose()
    {
        Redis.Dispose();
        garnet.Dispose();
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }
}
