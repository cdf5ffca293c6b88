using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using static OAuth2.Functional.Redis.Tests.Support;

namespace OAuth2.Functional.Redis.Tests;

/// <summary>Coordination over a real server (Garnet in-process, and redis-server when it is on the PATH), counted at a
/// counting fetch function.</summary>
public class FleetTests
{
    public static TheoryData<string> Kinds => RedisServer.Kinds();

    private static async Task<Either<OAuthError, AccessToken>[]> Callers(IEnumerable<FleetTokenStore> stores, int each, FleetKey key,
        Func<CancellationToken, Task<Either<OAuthError, AccessToken>>> fetch)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = stores.SelectMany(s => Enumerable.Range(0, each).Select(async _ =>
        {
            await go.Task;
            return await s.GetOrFetchAsync(key, fetch);
        })).ToArray();
        go.SetResult();
        return await Task.WhenAll(calls);
    }

    private static string Value(Either<OAuthError, AccessToken> r) => Right(r).Value.Reveal();

    [Theory, MemberData(nameof(Kinds))]
    public async Task Cold_instances_share_one_fetch_and_the_entry_lives_until_expiry_minus_skew(string kind)
    {
        await using var server = await RedisServer.StartAsync(kind);
        await using var fleet = new Fleet(server, 8);
        var fetch = new CountingFetch(TimeSpan.FromMinutes(10), TimeSpan.FromMilliseconds(200));
        var key = AKey();

        var results = await Callers(fleet.Stores, 50, key, fetch.Fetch);

        Assert.Equal(1, fetch.Calls);
        Assert.Single(results.Select(Value).Distinct());
        var ttl = await fleet.Raw.KeyTimeToLiveAsync(key.EntryKey(fleet.Prefix));
        Assert.NotNull(ttl); // 10 min − 60 s skew, give or take the test's own time
        Assert.InRange(ttl!.Value.TotalSeconds, 520, 541);
        // Released by its holder, not expired: gone long before its 10 s PX (a waiter may briefly re-take it to re-check).
        var released = Stopwatch.StartNew();
        while (await fleet.Raw.KeyExistsAsync(key.LockKey(fleet.Prefix)) && released.Elapsed < TimeSpan.FromSeconds(3)) await Task.Delay(20);
        Assert.False(await fleet.Raw.KeyExistsAsync(key.LockKey(fleet.Prefix)));
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task A_dead_lock_holder_blocks_the_fleet_only_until_its_lock_expires(string kind)
    {
        await using var server = await RedisServer.StartAsync(kind);
        await using var fleet = new Fleet(server, 2, o => o with { LockTime = TimeSpan.FromSeconds(1.5), WaitBound = TimeSpan.FromSeconds(20) });
        var key = AKey();
        var hang = new TaskCompletionSource<Either<OAuthError, AccessToken>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var dying = fleet.Stores[0].GetOrFetchAsync(key, _ => hang.Task);
        var until = Stopwatch.StartNew();
        while (!await fleet.Raw.KeyExistsAsync(key.LockKey(fleet.Prefix)) && until.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(20);
        Assert.True(await fleet.Raw.KeyExistsAsync(key.LockKey(fleet.Prefix)), "the first instance holds the lock");
        await fleet.Connection(0).CloseAsync(); // the holder "dies" mid-request: no release, no publish

        var fetch = new CountingFetch(TimeSpan.FromMinutes(10));
        var waited = Stopwatch.StartNew();
        var result = await fleet.Stores[1].GetOrFetchAsync(key, fetch.Fetch);
        waited.Stop();

        Assert.True(result.IsRight);
        Assert.Equal(1, fetch.Calls);
        Assert.InRange(waited.Elapsed.TotalSeconds, 0.5, 15); // after the lock's expiry, well before the wait bound
        hang.SetResult(NewToken(TimeSpan.FromMinutes(10)));
        Assert.True((await dying).IsRight); // the dead instance's own callers still get a token
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task A_waiter_whose_bound_runs_out_fetches_for_itself(string kind)
    {
        await using var server = await RedisServer.StartAsync(kind);
        await using var fleet = new Fleet(server, 1, o => o with { WaitBound = TimeSpan.FromSeconds(1) });
        var key = AKey();
        await fleet.Raw.StringSetAsync(key.LockKey(fleet.Prefix), "someone-else", TimeSpan.FromSeconds(30)); // a live holder that never writes
        var fetch = new CountingFetch(TimeSpan.FromMinutes(10));

        var waited = Stopwatch.StartNew();
        var result = await fleet.Stores[0].GetOrFetchAsync(key, fetch.Fetch);

        Assert.True(result.IsRight);
        Assert.Equal(1, fetch.Calls);
        Assert.InRange(waited.Elapsed.TotalSeconds, 0.9, 10);
        Assert.Equal("someone-else", (string?)await fleet.Raw.StringGetAsync(key.LockKey(fleet.Prefix))); // not ours to release
        Assert.Contains("this instance fetches its own", fleet.Log.All);
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Redis_stopped_mid_run_costs_no_token_and_sharing_resumes_after_restart(string kind)
    {
        await using var server = await RedisServer.StartAsync(kind);
        await using var fleet = new Fleet(server, 3);
        var fetch = new CountingFetch(TimeSpan.FromMinutes(10), TimeSpan.FromMilliseconds(100));

        var before = AKey();
        Assert.All(await Callers(fleet.Stores, 20, before, fetch.Fetch), r => Assert.True(r.IsRight));
        Assert.Equal(1, fetch.Calls);

        await server.StopAsync();
        var during = AKey();
        var whileDown = await Callers(fleet.Stores, 20, during, fetch.Fetch);
        Assert.All(whileDown, r => Assert.True(r.IsRight));
        Assert.Equal(1 + 3, fetch.Calls); // one per instance: in-process single flight
        Assert.All(await Callers(fleet.Stores, 5, before, fetch.Fetch), r => Assert.True(r.IsRight)); // memory still serves
        Assert.Equal(4, fetch.Calls);
        Assert.All(fleet.Stores, s => Assert.True(s.Degraded));

        await server.StartAsync();
        await fleet.WaitConnectedAsync();
        await Task.Delay(600); // past RetryAfterFailure
        var after = AKey();
        Assert.All(await Callers(fleet.Stores, 20, after, fetch.Fetch), r => Assert.True(r.IsRight));
        Assert.Equal(5, fetch.Calls); // shared again: one for the fleet
        Assert.All(fleet.Stores, s => Assert.False(s.Degraded));
        Assert.Contains("Redis is reachable again", fleet.Log.All);
        Assert.Contains(fleet.Log.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("failed"));
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task A_corrupted_or_foreign_key_entry_is_ignored_and_replaced(string kind)
    {
        await using var server = await RedisServer.StartAsync(kind);
        await using var fleet = new Fleet(server, 0);
        var writer = fleet.Add(server);
        var foreign = fleet.Add(server, protection: FleetProtection.With(Ring("k1", 7)));
        var fetch = new CountingFetch(TimeSpan.FromMinutes(10));

        var key = AKey();
        await writer.GetOrFetchAsync(key, fetch.Fetch);
        var entryKey = key.EntryKey(fleet.Prefix);
        var entry = (byte[])(await fleet.Raw.StringGetAsync(entryKey))!;
        entry[^1] ^= 1;
        await fleet.Raw.StringSetAsync(entryKey, entry);
        var reader = fleet.Add(server);
        var replaced = await reader.GetOrFetchAsync(key, fetch.Fetch);
        Assert.Equal(2, fetch.Calls);
        var now = (byte[])(await fleet.Raw.StringGetAsync(entryKey))!;
        Assert.False(entry.AsSpan().SequenceEqual(now), "the entry was not replaced; log:\n" + fleet.Log.All);
        Assert.Equal(Value(replaced), Value(await fleet.Add(server).GetOrFetchAsync(key, fetch.Fetch))); // the replacement is shared
        Assert.Equal(2, fetch.Calls);

        var other = AKey();
        var foreignToken = await foreign.GetOrFetchAsync(other, fetch.Fetch);
        var mine = await fleet.Add(server).GetOrFetchAsync(other, fetch.Fetch);
        Assert.Equal(3 + 1, fetch.Calls);
        Assert.NotEqual(Value(foreignToken), Value(mine));
        Assert.Contains("authentication failed", fleet.Log.All);
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Rotation_new_writes_use_the_new_key_and_old_entries_still_read(string kind)
    {
        await using var server = await RedisServer.StartAsync(kind);
        await using var fleet = new Fleet(server, 0);
        var rotated = FleetProtection.With(Right(Right(FleetKeyRing.Create("k2", Key(2))).WithPrevious("k1", Key(1))));
        var fetch = new CountingFetch(TimeSpan.FromMinutes(10));
        var oldKey = AKey();
        var old = await fleet.Add(server).GetOrFetchAsync(oldKey, fetch.Fetch); // written with k1

        Assert.Equal(Value(old), Value(await fleet.Add(server, protection: rotated).GetOrFetchAsync(oldKey, fetch.Fetch)));
        Assert.Equal(1, fetch.Calls);

        var newKey = AKey();
        await fleet.Add(server, protection: rotated).GetOrFetchAsync(newKey, fetch.Fetch);
        var entry = (byte[])(await fleet.Raw.StringGetAsync(newKey.EntryKey(fleet.Prefix)))!;
        Assert.Equal("k2", Encoding.ASCII.GetString(entry, 2, entry[1]));
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task A_dump_of_redis_holds_no_readable_token_or_secret_unless_plaintext_is_opted_in(string kind)
    {
        await using var server = await RedisServer.StartAsync(kind);
        await using var fleet = new Fleet(server, 2);
        var fetch = new CountingFetch(TimeSpan.FromMinutes(10));
        var key = Right(FleetKey.Of(new Uri("https://as.example/token"), "svc", Parameters.Of(("scope", "api"), ("client_secret", "wonderland-password"))));
        var token = Value(await fleet.Stores[0].GetOrFetchAsync(key, fetch.Fetch));

        var dump = new StringBuilder();
        foreach (var k in fleet.RawServer.Keys(pattern: fleet.Prefix + "*"))
            dump.Append((string)k!).Append(' ').Append(Encoding.Latin1.GetString((byte[])(await fleet.Raw.StringGetAsync(k))!)).Append('\n');
        Assert.Contains(fleet.Prefix + "tok:", dump.ToString());
        foreach (var secret in new[] { token, "wonderland-password", "access_token", "Bearer" })
            Assert.DoesNotContain(secret, dump.ToString());
        Assert.DoesNotContain(token, fleet.Log.All);

        var plain = fleet.Add(server, o => o with { KeyPrefix = fleet.Prefix + "plain:" }, FleetProtection.PlaintextOptIn);
        var plainToken = Value(await plain.GetOrFetchAsync(key, fetch.Fetch));
        Assert.Contains(plainToken, Encoding.UTF8.GetString((byte[])(await fleet.Raw.StringGetAsync(key.EntryKey(fleet.Prefix + "plain:")))!));
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Invalidate_drops_only_that_exact_token(string kind)
    {
        await using var server = await RedisServer.StartAsync(kind);
        await using var fleet = new Fleet(server, 2);
        var fetch = new CountingFetch(TimeSpan.FromMinutes(10));
        var key = AKey();
        var first = Right(await fleet.Stores[0].GetOrFetchAsync(key, fetch.Fetch));
        Assert.Equal(first, Right(await fleet.Stores[1].GetOrFetchAsync(key, fetch.Fetch)));

        Assert.False(await fleet.Stores[0].InvalidateAsync(key, NewToken(TimeSpan.FromMinutes(10)))); // another token: nothing changes
        Assert.Equal(first, Right(await fleet.Stores[0].GetOrFetchAsync(key, fetch.Fetch)));
        Assert.True(await fleet.Stores[0].InvalidateAsync(key, first));
        var second = Right(await fleet.Stores[0].GetOrFetchAsync(key, fetch.Fetch));
        Assert.NotEqual(first, second);
        Assert.Equal(2, fetch.Calls);
        // Instance 1 still held the first token in its own memory: invalidating it there drops that copy and the next
        // read finds the second token in Redis (no new fetch).
        Assert.True(await fleet.Stores[1].InvalidateAsync(key, first));
        Assert.Equal(second, Right(await fleet.Stores[1].GetOrFetchAsync(key, fetch.Fetch)));
        Assert.Equal(2, fetch.Calls);
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Renewing_ahead_from_every_instance_makes_one_fetch_and_later_renewals_find_the_new_token(string kind)
    {
        await using var server = await RedisServer.StartAsync(kind);
        await using var fleet = new Fleet(server, 4);
        var fetch = new CountingFetch(TimeSpan.FromMinutes(10), TimeSpan.FromMilliseconds(100));
        var key = AKey();
        var first = Right(await fleet.Stores[0].GetOrFetchAsync(key, fetch.Fetch));
        Assert.All(await Callers(fleet.Stores, 1, key, fetch.Fetch), r => Assert.Equal(first, Right(r)));

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var renewals = fleet.Stores.SelectMany(s => Enumerable.Range(0, 25).Select(async _ => { await go.Task; return await s.RenewAsync(key, first, fetch.Fetch); })).ToArray();
        go.SetResult();
        var renewed = await Task.WhenAll(renewals);

        Assert.Equal(2, fetch.Calls);
        var second = Assert.Single(renewed.Select(Value).Distinct());
        Assert.NotEqual(first.Value.Reveal(), second);
        Assert.Equal(second, Value(await fleet.Add(server).RenewAsync(key, first, fetch.Fetch))); // a late renewal of the old token
        Assert.Equal(second, Value(await fleet.Stores[2].GetOrFetchAsync(key, fetch.Fetch)));
        Assert.Equal(2, fetch.Calls);
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Steady_load_over_three_lifetimes_renews_once_per_lifetime_fleet_wide(string kind)
    {
        await using var server = await RedisServer.StartAsync(kind);
        // Tokens live 2 s and are shared until 0.5 s before expiry: a fresh token every 1.5 s.
        await using var fleet = new Fleet(server, 4, o => o with { Skew = TimeSpan.FromSeconds(0.5) });
        var fetch = new CountingFetch(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(50));
        var key = AKey();
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>();
        var run = Stopwatch.StartNew();
        while (run.Elapsed < TimeSpan.FromSeconds(4))
        {
            foreach (var r in await Callers(fleet.Stores, 5, key, fetch.Fetch)) seen[Value(r)] = 0;
            await Task.Delay(25);
        }
        // Lifetimes starting at about 0, 1.5 and 3 s: three fetches for the whole fleet (a fourth only if the machine
        // stalls across a boundary), never one per instance.
        Assert.InRange(fetch.Calls, 3, 4);
        Assert.Equal(fetch.Calls, seen.Count);
    }

    [Fact]
    public async Task A_silent_redis_is_bounded_by_the_operation_timeout()
    {
        using var blackhole = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        blackhole.Start(); // accepts connections and never answers
        var port = ((System.Net.IPEndPoint)blackhole.LocalEndpoint).Port;
        await using var mux = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(
            $"127.0.0.1:{port},abortConnect=false,connectTimeout=300,asyncTimeout=5000,syncTimeout=5000");
        var log = new ListLogger();
        var store = Right(FleetTokenStore.Create(mux, new FleetStoreOptions
        {
            Protection = FleetProtection.With(Ring()), OperationTimeout = TimeSpan.FromMilliseconds(200), Logger = log,
        }));
        var fetch = new CountingFetch(TimeSpan.FromMinutes(10));

        var took = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => store.GetOrFetchAsync(AKeyFixed, fetch.Fetch)));

        Assert.All(results, r => Assert.True(r.IsRight));
        Assert.Equal(1, fetch.Calls);
        Assert.InRange(took.Elapsed.TotalSeconds, 0, 4);
        Assert.True(store.Degraded);
        Assert.Contains("in-process single flight", log.All);
    }

    private static readonly FleetKey AKeyFixed = AKey();

    [Fact]
    public async Task A_failed_fetch_is_returned_and_never_stored()
    {
        await using var server = await RedisServer.StartAsync("garnet");
        await using var fleet = new Fleet(server, 1);
        var key = AKey();
        var failed = await fleet.Stores[0].GetOrFetchAsync(key, _ => Task.FromResult(Left<OAuthError, AccessToken>(OAuthError.Argument("x", "server said no"))));
        Assert.True(failed.IsLeft);
        var threw = await fleet.Stores[0].GetOrFetchAsync(key, _ => throw new InvalidOperationException("boom"));
        Assert.IsType<OAuthError.TransportFailure>(threw.Match(_ => null!, e => e));
        Assert.False(await fleet.Raw.KeyExistsAsync(key.EntryKey(fleet.Prefix)));
        using var cts = new CancellationTokenSource();
        var slow = new TaskCompletionSource<Either<OAuthError, AccessToken>>();
        var waiting = fleet.Stores[0].GetOrFetchAsync(key, _ => slow.Task, cts.Token);
        cts.Cancel();
        Assert.IsType<OAuthError.Cancelled>((await waiting).Match(_ => null!, e => e));
        slow.SetResult(NewToken(TimeSpan.FromMinutes(10)));
    }
}
