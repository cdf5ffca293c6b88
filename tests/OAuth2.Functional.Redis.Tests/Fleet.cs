using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace OAuth2.Functional.Redis.Tests;

/// <summary>Several in-process "instances" of a service: each its own connection and its own store (own memory),
/// all sharing one real server.</summary>
public sealed class Fleet : IAsyncDisposable
{
    private readonly List<ConnectionMultiplexer> connections = new();

    public Fleet(RedisServer server, int size, Func<FleetStoreOptions, FleetStoreOptions>? tweak = null, FleetProtection? protection = null)
    {
        Prefix = "t" + Guid.NewGuid().ToString("N")[..8] + ":";
        for (var i = 0; i < size; i++) Stores.Add(Add(server, tweak, protection));
    }

    public string Prefix { get; }

    public ListLogger Log { get; } = new();

    public List<FleetTokenStore> Stores { get; } = new();

    public FleetTokenStore Add(RedisServer server, Func<FleetStoreOptions, FleetStoreOptions>? tweak = null, FleetProtection? protection = null)
    {
        var mux = server.Connect();
        connections.Add(mux);
        // Start connected: a store whose first call meets a connection still being made degrades (by design), and the
        // coordination tests are about the connected fleet.
        var until = DateTime.UtcNow.AddSeconds(15);
        while (!mux.IsConnected && DateTime.UtcNow < until) Thread.Sleep(20);
        var options = new FleetStoreOptions
        {
            Protection = protection ?? FleetProtection.With(Support.Ring()),
            KeyPrefix = Prefix,
            Logger = Log,
            // Generous for a loaded machine (a slower call degrades the store, by design); the short bound itself is
            // proven by A_silent_redis_is_bounded_by_the_operation_timeout.
            OperationTimeout = TimeSpan.FromSeconds(5),
            RetryAfterFailure = TimeSpan.FromMilliseconds(500),
        };
        return Support.Right(FleetTokenStore.Create(mux, tweak is null ? options : tweak(options)));
    }

    public IDatabase Raw => connections[0].GetDatabase();

    public IServer RawServer => connections[0].GetServer(connections[0].GetEndPoints()[0]);

    public ConnectionMultiplexer Connection(int i) => connections[i];

    public async Task WaitConnectedAsync()
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < until && connections.Any(c => !c.IsConnected)) await Task.Delay(50);
        Assert.All(connections, c => Assert.True(c.IsConnected));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in connections) await c.DisposeAsync();
    }
}
