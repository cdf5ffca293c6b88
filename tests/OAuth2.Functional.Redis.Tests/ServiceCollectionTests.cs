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

    private static OAuth2Clients Clients(ServiceCollection services, Func<OAuth2ClientBuilder, OAuth2ClientBuilder> redis, out ServiceProvider provider)
    {
        redis(services.AddOAuth2Client("api", o =>
        {
            o.ClientId = "svc";
            o.ClientSecret = "s";
            o.TokenHost = "https://as.example";
        }));
        provider = services.BuildServiceProvider();
        return provider.GetRequiredService<OAuth2Clients>();
    }

    [Fact]
    public void UseRedis_without_a_registered_multiplexer_is_an_InvalidConfig_naming_it_every_time()
    {
        var clients = Clients(new ServiceCollection(), b => b.UseRedis(new FleetStoreOptions { Protection = FleetProtection.With(Ring()) }), out var provider);
        using var _ = provider;
        foreach (var attempt in new[] { 1, 2 }) // the second call gets the same answer, not a cached exception
        {
            var problem = Assert.Single(Assert.IsType<OAuthError.InvalidConfig>(clients.TokenSource("api").Match(_ => null!, e => e)).Problems);
            Assert.Equal("api.UseRedis.IConnectionMultiplexer", problem.Field);
            Assert.Contains("no IConnectionMultiplexer is registered", problem.Problem);
        }
    }

    [Theory]
    [InlineData("127.0.0.1:1,password=hunter2,nonsense=")]
    [InlineData("127.0.0.1:1,password=hunter2,connectTimeout=soon")]
    public void UseRedis_with_an_unparsable_connection_string_is_an_InvalidConfig_that_never_echoes_it(string connectionString)
    {
        var clients = Clients(new ServiceCollection(), b => b.UseRedis(connectionString, new FleetStoreOptions { Protection = FleetProtection.With(Ring()) }), out var provider);
        using var _ = provider;
        foreach (var attempt in new[] { 1, 2 })
        {
            var error = Assert.IsType<OAuthError.InvalidConfig>(clients.TokenSource("api").Match(_ => null!, e => e));
            Assert.Equal("api.UseRedis.connectionString", Assert.Single(error.Problems).Field);
            Assert.DoesNotContain("hunter2", error.ToString());
            Assert.DoesNotContain("nonsense", error.ToString());
            Assert.DoesNotContain("soon", error.ToString());
        }
    }

    [Fact]
    public void A_throwing_token_source_factory_is_an_InvalidConfig_from_OAuth2Clients_never_an_exception()
    {
        var clients = Clients(new ServiceCollection(),
            b => b.WithTokenSourceFactory(_ => _ => throw new InvalidOperationException("secret-in-the-message")), out var provider);
        using var _ = provider;
        foreach (var attempt in new[] { 1, 2 })
        {
            var error = Assert.IsType<OAuthError.InvalidConfig>(clients.TokenSource("api").Match(_ => null!, e => e));
            Assert.Contains("InvalidOperationException", error.Message);
            Assert.DoesNotContain("secret-in-the-message", error.Message);
        }
    }
}
