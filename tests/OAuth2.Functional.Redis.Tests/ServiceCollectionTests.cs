using Microsoft.Extensions.DependencyInjection;
using OAuth2.Functional.Hosting;
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

    [Fact]
    public async Task UseRedis_with_Data_Protection_from_the_container_but_none_registered_gives_a_Left_naming_Protection()
    {
        var services = new ServiceCollection();
        services.AddOAuth2Client("api", o =>
            {
                o.ClientId = "svc";
                o.TokenHost = "https://as.example";
            })
            .UseRedis("127.0.0.1:1", new FleetStoreOptions { Protection = FleetProtection.DataProtectionFromServices });
        await using var provider = services.BuildServiceProvider();
        var source = provider.GetRequiredService<OAuth2Clients>().TokenSource("api");
        var error = Assert.IsType<OAuthError.InvalidArgument>(source.Match(_ => null!, e => e));
        Assert.Equal("Protection", error.Name);
        Assert.Contains("AddDataProtection", error.Message);
    }

    [Fact]
    public void UseRedis_refuses_options_without_protection_at_registration()
    {
        var builder = new ServiceCollection().AddOAuth2Client("api", o => o.ClientId = "svc");
        Assert.Contains("Protection", Assert.Throws<ArgumentException>(() => builder.UseRedis("127.0.0.1:1", new FleetStoreOptions())).Message);
        Assert.Contains("Protection", Assert.Throws<ArgumentException>(() => builder.UseRedis(new FleetStoreOptions())).Message);
    }

    [Fact]
    public void FleetTokenStore_Create_refuses_DataProtectionFromServices_outside_a_container()
    {
        using var mux = ConnectionMultiplexer.Connect("127.0.0.1:1,abortConnect=false,connectTimeout=100");
        var error = FleetTokenStore.Create(mux, new FleetStoreOptions { Protection = FleetProtection.DataProtectionFromServices }).Match(_ => null!, e => e);
        Assert.Equal("Protection", Assert.IsType<OAuthError.InvalidArgument>(error).Name);
    }
}
