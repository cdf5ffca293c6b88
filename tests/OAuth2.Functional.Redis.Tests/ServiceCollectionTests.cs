using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using static OAuth2.Functional.Redis.Tests.Support;

namespace OAuth2.Functional.Redis.Tests;

public class ServiceCollectionTests
{
    [Fact]
    public async Task AddOAuth2FleetStore_makes_a_working_store_from_a_connection_string()
    {
        await using var server = await RedisServer.StartAsync("garnet");
        var services = new ServiceCollection().AddOAuth2FleetStore(
            new FleetStoreOptions { Protection = FleetProtection.With(Ring()), KeyPrefix = "di:" }, $"127.0.0.1:{server.Port}");
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<FleetTokenStore>();
        Assert.Same(store, provider.GetRequiredService<FleetTokenStore>());
        var fetch = new CountingFetch(TimeSpan.FromMinutes(5));
        var key = AKey();
        Assert.True((await store.GetOrFetchAsync(key, fetch.Fetch)).IsRight);
        var mux = provider.GetRequiredService<IConnectionMultiplexer>();
        Assert.True(await mux.GetDatabase().KeyExistsAsync(key.EntryKey("di:")));
    }

    [Fact]
    public void AddOAuth2FleetStore_refuses_options_without_protection_naming_the_field()
    {
        var e = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddOAuth2FleetStore(new FleetStoreOptions(), "127.0.0.1:1"));
        Assert.Contains("Protection", e.Message);
    }
}
