using System.Diagnostics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using OAuth2.Functional.DevServer;
using static OAuth2.Functional.Redis.Tests.Support;

namespace OAuth2.Functional.Redis.Tests;

/// <summary><c>AddOAuth2Client(…).UseRedis(…)</c> end to end: service providers as instances, the real DevServer counting
/// token requests, a real Redis-protocol server in between.</summary>
public class HostingFleetTests(DevServerFixture dev) : IClassFixture<DevServerFixture>
{
    public static TheoryData<string> Kinds => RedisServer.Kinds();

    [Theory, MemberData(nameof(Kinds))]
    public async Task Eight_service_providers_using_UseRedis_with_100_callers_each_send_one_token_request(string kind)
    {
        await using var redis = await RedisServer.StartAsync(kind);
        await using var fleet = new HostedFleet(dev.Server, redis, 8);
        var sources = await fleet.StartAsync();
        var before = dev.Server.TokenEndpoint.Total;

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = sources.SelectMany(source => Enumerable.Range(0, 100).Select(async _ =>
        {
            await go.Task;
            return await source.GetTokenAsync().ToEither();
        })).ToArray();
        go.SetResult();
        var results = await Task.WhenAll(callers);

        Assert.Equal(1, dev.Server.TokenEndpoint.Total - before);
        Assert.Equal(800, results.Length);
        Assert.Single(results.Select(r => Right(r).Value.Reveal()).Distinct());
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Invalidate_on_one_instance_drops_the_shared_entry_and_the_fleet_moves_to_one_new_token(string kind)
    {
        await using var redis = await RedisServer.StartAsync(kind);
        await using var fleet = new HostedFleet(dev.Server, redis, 3);
        var sources = await fleet.StartAsync();
        var before = dev.Server.TokenEndpoint.Total;
        var first = await Task.WhenAll(sources.Select(s => s.GetTokenAsync().ToEither()));
        var old = Right(first[0]);
        Assert.All(first, r => Assert.Equal(old.Value.Reveal(), Right(r).Value.Reveal()));
        var raw = fleet.Connection(0).GetDatabase();
        var entry = (await fleet.Connection(0).GetServer(fleet.Connection(0).GetEndPoints()[0]).KeysAsync(pattern: fleet.Prefix + "tok:*").ToListAsync()).Single();

        Assert.True(sources[0].Invalidate(old));
        var until = Stopwatch.StartNew();
        while (await raw.KeyExistsAsync(entry) && until.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(20);
        Assert.False(await raw.KeyExistsAsync(entry)); // the hook dropped the exact token from Redis

        var renewed = Right(await sources[0].GetTokenAsync().ToEither());
        Assert.NotEqual(old.Value.Reveal(), renewed.Value.Reveal());
        // Another instance that meets the rejection renews to the fleet's new token, without a request of its own.
        Assert.True(sources[1].Invalidate(Right(first[1])));
        var second = Right(await sources[1].GetTokenAsync().ToEither());
        Assert.Equal(renewed.Value.Reveal(), second.Value.Reveal());
        Assert.Equal(2, dev.Server.TokenEndpoint.Total - before);
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Data_Protection_from_the_container_shares_between_instances_with_one_key_ring_and_ignores_a_foreign_one(string kind)
    {
        await using var redis = await RedisServer.StartAsync(kind);
        var shared = Directory.CreateTempSubdirectory("dp-shared-");
        var foreign = Directory.CreateTempSubdirectory("dp-foreign-");
        try
        {
            await using var fleet = new HostedFleet(dev.Server, redis, 2, o => o with { Protection = FleetProtection.DataProtectionFromServices },
                services: s => s.AddDataProtection().SetApplicationName("fleet-test").PersistKeysToFileSystem(shared));
            var sources = await fleet.StartAsync();
            var before = dev.Server.TokenEndpoint.Total;
            var a = Right(await sources[0].GetTokenAsync().ToEither());
            var b = Right(await sources[1].GetTokenAsync().ToEither());
            Assert.Equal(a.Value.Reveal(), b.Value.Reveal());
            Assert.Equal(1, dev.Server.TokenEndpoint.Total - before);
            var raw = fleet.Connection(0).GetDatabase();
            var entryKey = (await fleet.Connection(0).GetServer(fleet.Connection(0).GetEndPoints()[0]).KeysAsync(pattern: fleet.Prefix + "tok:*").ToListAsync()).Single();
            var stored = (byte[])(await raw.StringGetAsync(entryKey))!;
            Assert.DoesNotContain(a.Value.Reveal(), System.Text.Encoding.UTF8.GetString(stored));

            // An instance whose key ring is not the fleet's (rotated away, or another application): the entry is ignored
            // (never returned), and it fetches and replaces it.
            var services = new ServiceCollection();
            services.AddDataProtection().SetApplicationName("fleet-test").PersistKeysToFileSystem(foreign);
            await using var provider = services.BuildServiceProvider();
            var protection = FleetProtection.With(provider.GetRequiredService<IDataProtectionProvider>());
            await using var mux = redis.Connect();
            var log = new ListLogger();
            var store = Right(FleetTokenStore.Create(mux, new FleetStoreOptions { Protection = protection, KeyPrefix = fleet.Prefix, Logger = log, OperationTimeout = TimeSpan.FromSeconds(5) }));
            var key = Right(FleetKey.Of(new Uri(dev.Server.BaseUri, "oauth/token"), dev.Server.Confidential.Id, Parameters.Of(("scope", "api"))));
            var fetch = new CountingFetch(TimeSpan.FromMinutes(5));
            var got = Right(await store.GetOrFetchAsync(key, fetch.Fetch));
            Assert.Equal(1, fetch.Calls);
            Assert.NotEqual(a.Value.Reveal(), got.Value.Reveal());
            Assert.Contains("Data Protection refused it", log.All);
            Assert.NotEqual(stored, (byte[])(await raw.StringGetAsync(entryKey))!); // replaced
        }
        finally
        {
            shared.Delete(recursive: true);
            foreign.Delete(recursive: true);
        }
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Steady_load_over_three_token_lifetimes_renews_about_once_per_lifetime_fleet_wide(string kind)
    {
        // Tokens of 6 s from a server of their own; the sources use them until 1 s before expiry (renewing ahead a little
        // earlier): one token request per ~5 s for the whole fleet, where four independent sources would make four.
        await using var server = await DevAuthorizationServer.StartAsync(new DevServerOptions { AccessTokenLifetime = TimeSpan.FromSeconds(6) });
        await Right(ClientCredentials.Create(server.ConfigFor(server.Confidential))).GetTokenAsync(Parameters.Of(("scope", "api"))); // warm
        await using var redis = await RedisServer.StartAsync(kind);
        await using var fleet = new HostedFleet(server, redis, 4, client: o => o.Skew = TimeSpan.FromSeconds(1));
        var sources = await fleet.StartAsync();
        var before = server.TokenEndpoint.Total;
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>();
        var run = Stopwatch.StartNew();
        while (run.Elapsed < TimeSpan.FromSeconds(18))
        {
            var round = await Task.WhenAll(sources.SelectMany(s => Enumerable.Range(0, 5).Select(_ => s.GetTokenAsync().ToEither())));
            foreach (var r in round) seen[Right(r).Value.Reveal()] = 0;
            await Task.Delay(50);
        }
        var requests = server.TokenEndpoint.Total - before;
        // About 18 / 5 ≈ 4 (the cold start included); generous for a stalled machine, far below four sources × 4.
        Assert.InRange(requests, 3, 7);
        // Every caller got a token the server issued; on a stalled machine an instance may fetch once more than needed (its
        // wait for the lock holder ran out) and that token may reach no caller before the next one replaces it.
        Assert.InRange(seen.Count, 3, requests);
    }
}
