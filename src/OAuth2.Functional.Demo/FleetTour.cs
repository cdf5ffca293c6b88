using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using OAuth2.Functional.DevServer;
using OAuth2.Functional.Hosting;
using OAuth2.Functional.Redis;
using StackExchange.Redis;

namespace OAuth2.Functional.Demo;

/// <summary>Fleet-wide token sharing (OAuth2.Functional.Redis) against an embedded Garnet, a Redis-protocol server.</summary>
internal sealed class FleetTour(DevAuthorizationServer server)
{
    public Seq<Step> Steps => Seq1(new Step("fleet on Redis: 8 instances × 100 callers, cold → 1 token request (embedded Garnet)", () => EightInstances().ToAsync()));

    private async Task<Either<OAuthError, string>> EightInstances()
    {
        await using var garnet = EmbeddedGarnet.Start();
        var key = FleetKeyRing.Create("demo", RandomNumberGenerator.GetBytes(32)); // in production: the same key on every instance, from a secret store
        var prefix = "demo" + Guid.NewGuid().ToString("N")[..6] + ":";
        var instances = new List<ServiceProvider>();
        try
        {
            return await key.Match(async ring =>
            {
                for (var i = 0; i < 8; i++)
                {
                    // One "instance": its own container, memory and Redis connection, configured as an application would be.
                    var services = new ServiceCollection();
                    services.AddOAuth2Client("api", o =>
                        {
                            o.ClientId = server.Confidential.Id;
                            o.ClientSecret = server.Confidential.Secret;
                            o.TokenHost = server.BaseUri.AbsoluteUri;
                            o.Scope = "api";
                        })
                        // OperationTimeout: the demo's Garnet shares this process with the server and eight instances, and its
                        // first commands pay for JIT; a 500 ms bound (the default, right for a real Redis) could count that as an
                        // outage, and the store would then rightly fall back to one request per instance.
                        .UseRedis($"127.0.0.1:{garnet.Port},connectTimeout=5000", new FleetStoreOptions
                        {
                            Protection = FleetProtection.With(ring), KeyPrefix = prefix, OperationTimeout = TimeSpan.FromSeconds(5),
                        });
                    instances.Add(services.BuildServiceProvider());
                }
                var sources = instances.Select(p => p.GetRequiredService<OAuth2Clients>().TokenSource("api")).ToList();
                var connected = await Connected(instances);
                var before = server.TokenEndpoint.Total;
                var results = await Task.WhenAll(sources.SelectMany(s => Enumerable.Range(0, 100).Select(_ => s.ToAsync().Bind(source => source.GetTokenAsync()).ToEither())));
                var requests = server.TokenEndpoint.Total - before;
                var distinct = results.Select(r => r.Match(t => t.Value.Reveal(), _ => "")).Distinct().Count();
                return toSeq(results).Sequence().Bind(_ =>
                    connected && requests == 1 && distinct == 1
                        ? Right<OAuthError, string>($"{results.Length} callers in 8 instances got one token (encrypted in Redis); token requests at the server: {requests}")
                        : Left<OAuthError, string>(OAuthError.Argument("fleet", $"expected 1 token request and 1 token, got {requests} requests and {distinct} tokens (connected: {connected})")));
            },
            error => Task.FromResult(Left<OAuthError, string>(error)));
        }
        finally
        {
            foreach (var p in instances) await p.DisposeAsync();
        }
    }

    private static async Task<bool> Connected(List<ServiceProvider> instances)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        var connections = instances.Select(p => p.GetRequiredKeyedService<IConnectionMultiplexer>(FleetClientBuilderExtensions.ConnectionKey("api"))).ToList();
        while (DateTime.UtcNow < until && connections.Any(c => !c.IsConnected)) await Task.Delay(50);
        return connections.All(c => c.IsConnected);
    }

    /// <summary>Garnet in this process on a free loopback port, with a checkpoint folder of its own. Never started with
    /// cleanupDir: true (Garnet then deletes its checkpoint folder, which defaults to the current directory); the folder is
    /// deleted here, and only it.</summary>
    private sealed class EmbeddedGarnet : IAsyncDisposable
    {
        private readonly Garnet.GarnetServer garnet;
        private readonly string dir;

        private EmbeddedGarnet(Garnet.GarnetServer garnet, string dir, int port)
        {
            this.garnet = garnet;
            this.dir = dir;
            Port = port;
        }

        public int Port { get; }

        public static EmbeddedGarnet Start()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var dir = Directory.CreateTempSubdirectory("oauth2-demo-garnet-").FullName;
            // --memory at least twice --page (Garnet refuses smaller); -q: no banner in the demo's report.
            var garnet = new Garnet.GarnetServer(
                ["-q", "--bind", "127.0.0.1", "--port", port.ToString(), "--index", "1m", "--memory", "8m", "--page", "1m", "--checkpointdir", dir],
                null, false, null);
            garnet.Start();
            return new EmbeddedGarnet(garnet, dir, port);
        }

        public ValueTask DisposeAsync()
        {
            garnet.Dispose();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
            return ValueTask.CompletedTask;
        }
    }
}
