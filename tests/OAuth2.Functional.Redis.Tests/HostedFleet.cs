using Microsoft.Extensions.DependencyInjection;
using OAuth2.Functional.DevServer;
using OAuth2.Functional.Hosting;
using StackExchange.Redis;

namespace OAuth2.Functional.Redis.Tests;

/// <summary>Several "instances" of a service built the way users build them: each its own service provider with
/// <c>AddOAuth2Client(…).UseRedis(connection string, …)</c>, so each has its own memory and its own Redis connection.</summary>
public sealed class HostedFleet : IAsyncDisposable
{
    public const string Client = "api";

    public HostedFleet(DevAuthorizationServer dev, RedisServer redis, int size, Func<FleetStoreOptions, FleetStoreOptions>? tweak = null,
        Action<OAuth2ClientOptions>? client = null, Action<IServiceCollection>? services = null)
    {
        Prefix = "h" + Guid.NewGuid().ToString("N")[..8] + ":";
        for (var i = 0; i < size; i++)
        {
            var s = new ServiceCollection();
            services?.Invoke(s);
            s.AddOAuth2Client(Client, o =>
                {
                    o.ClientId = dev.Confidential.Id;
                    o.ClientSecret = dev.Confidential.Secret;
                    o.TokenHost = dev.BaseUri.AbsoluteUri;
                    o.Scope = "api";
                    o.Timeout = DevAuthorizationServer.FirstUseTimeout;
                    client?.Invoke(o);
                })
                .UseRedis($"127.0.0.1:{redis.Port},connectTimeout=5000,asyncTimeout=5000", Options(tweak));
            Providers.Add(s.BuildServiceProvider());
        }
    }

    public string Prefix { get; }

    public List<ServiceProvider> Providers { get; } = new();

    public FleetStoreOptions Options(Func<FleetStoreOptions, FleetStoreOptions>? tweak)
    {
        var options = new FleetStoreOptions
        {
            Protection = FleetProtection.With(Support.Ring()),
            KeyPrefix = Prefix,
            // Generous for a loaded machine (a slower call degrades the store, by design).
            OperationTimeout = TimeSpan.FromSeconds(5),
            RetryAfterFailure = TimeSpan.FromMilliseconds(500),
        };
        return tweak is null ? options : tweak(options);
    }

    /// <summary>Each instance's token source (made on first use, which also makes its Redis connection).</summary>
    public TokenSource Source(int i) => Support.Right(Providers[i].GetRequiredService<OAuth2Clients>().TokenSource(Client));

    public IConnectionMultiplexer Connection(int i) =>
        Providers[i].GetRequiredKeyedService<IConnectionMultiplexer>(FleetClientBuilderExtensions.ConnectionKey(Client));

    /// <summary>Makes every source and waits (bounded) until every connection is up.</summary>
    public async Task<TokenSource[]> StartAsync()
    {
        var sources = Providers.Select((_, i) => Source(i)).ToArray();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until && Providers.Select((_, i) => Connection(i)).Any(c => !c.IsConnected)) await Task.Delay(50);
        Assert.All(Providers.Select((_, i) => Connection(i)), c => Assert.True(c.IsConnected));
        return sources;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var p in Providers) await p.DisposeAsync();
    }
}
