using System.Collections.Concurrent;
using System.Text;
using static OAuth2.Functional.Redis.Tests.Support;

namespace OAuth2.Functional.Redis.Tests;

/// <summary>The fleet never redeems a refresh token, on any path (the lock's, the wait bound's, Redis down), and never
/// writes one to Redis: a rotated refresh token used twice revokes the grant (RFC 9700 §4.14.2).</summary>
public class FleetRefreshTests
{
    public static TheoryData<string, string> KindsAndPaths()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in RedisServer.Kinds())
            foreach (var path in new[] { "holder", "wait bound runs out", "redis down" })
                data.Add(kind, path);
        return data;
    }

    /// <summary>A client whose token endpoint answers every request with a new token and a new refresh token, recording
    /// each request body.</summary>
    private static (ClientCredentials Client, ConcurrentQueue<string> Bodies) Recording()
    {
        var bodies = new ConcurrentQueue<string>();
        var n = 0;
        OAuthTransport transport = (request, _) =>
        {
            bodies.Enqueue(request.Body.Render());
            var i = Interlocked.Increment(ref n);
            return RightAsync<OAuthError, HttpResponseSpec>(HttpResponseSpec.Of(200, "application/json",
                $"{{\"access_token\":\"at-{i}\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"rt-{i + 1}\"}}"));
        };
        return (Right(ClientCredentials.Create(new OAuthConfig(new ClientSettings("svc", "s"), new AuthSettings("https://as.example")), transport: transport)), bodies);
    }

    [Theory, MemberData(nameof(KindsAndPaths))]
    public async Task A_fleet_source_renews_with_the_grant_never_with_its_refresh_token(string kind, string path)
    {
        await using var server = await RedisServer.StartAsync(kind);
        await using var fleet = new Fleet(server, 1, o => o with { WaitBound = TimeSpan.FromSeconds(1) });
        var (client, bodies) = Recording();
        var parameters = Parameters.Of(("scope", "api-" + Guid.NewGuid().ToString("N")));
        var key = Right(FleetKey.Of(client.Config.TokenUrl, "svc", parameters));
        if (path == "wait bound runs out")
            await fleet.Raw.StringSetAsync(key.LockKey(fleet.Prefix), "someone-else", TimeSpan.FromSeconds(30)); // a live holder that never writes
        if (path == "redis down") await server.StopAsync();
        var seed = Right(AccessToken.FromJson("{\"access_token\":\"at-0\",\"token_type\":\"Bearer\",\"expires_in\":1,\"refresh_token\":\"rt-1\"}",
            DateTimeOffset.UtcNow.AddHours(-1)));
        var source = Right(FleetTokenSource.Create(fleet.Stores[0], client, parameters, new TokenSourceOptions { Seed = Some(seed) }));

        var token = Right(await source.GetTokenAsync().ToEither());

        Assert.Equal("at-1", token.Value.Reveal());
        var body = Assert.Single(bodies);
        Assert.Contains("grant_type=client_credentials", body);
        Assert.DoesNotContain("refresh_token", body);
    }

    public static TheoryData<string> Kinds => RedisServer.Kinds();

    [Theory, MemberData(nameof(Kinds))]
    public async Task A_token_in_redis_carries_no_refresh_token(string kind)
    {
        await using var server = await RedisServer.StartAsync(kind);
        await using var fleet = new Fleet(server, 2, protection: FleetProtection.PlaintextOptIn);
        var key = AKey();
        Func<CancellationToken, Task<Either<OAuthError, AccessToken>>> fetch = _ => Task.FromResult(AccessToken.FromJson(
            "{\"access_token\":\"at-shared\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"rt-secret-1\",\"scope\":\"api\"}",
            DateTimeOffset.UtcNow));

        var holder = Right(await fleet.Stores[0].GetOrFetchAsync(key, fetch));
        var other = Right(await fleet.Stores[1].GetOrFetchAsync(key, _ => throw new InvalidOperationException("the fleet fetched twice")));

        var entry = Encoding.UTF8.GetString((byte[])(await fleet.Raw.StringGetAsync(key.EntryKey(fleet.Prefix)))!);
        Assert.Contains("at-shared", entry); // plaintext opt-in: readable, so the absence below means something
        Assert.DoesNotContain("refresh_token", entry);
        Assert.DoesNotContain("rt-secret-1", entry);
        Assert.True(holder.RefreshToken.IsSome); // the instance that received it keeps it (never used by a fleet source)
        Assert.Equal("at-shared", other.Value.Reveal());
        Assert.True(other.RefreshToken.IsNone);
        Assert.Equal(Some("api"), other.Scope);
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task A_holder_slower_than_LockTime_keeps_its_lock_until_it_is_done(string kind)
    {
        await using var server = await RedisServer.StartAsync(kind);
        // LockTime 3 s (extended every second): long enough that one slow Redis call on a loaded machine does not let it lapse.
        await using var fleet = new Fleet(server, 1, o => o with { LockTime = TimeSpan.FromSeconds(3) });
        var key = AKey();
        var release = new TaskCompletionSource<Either<OAuthError, AccessToken>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fetching = fleet.Stores[0].GetOrFetchAsync(key, _ => release.Task);
        var lockKey = key.LockKey(fleet.Prefix);
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!await fleet.Raw.KeyExistsAsync(lockKey) && DateTime.UtcNow < until) await Task.Delay(20);
        var holder = (string?)await fleet.Raw.StringGetAsync(lockKey);
        Assert.NotNull(holder);

        await Task.Delay(TimeSpan.FromSeconds(7.5)); // 2.5 × LockTime: without extension the lock would be gone

        Assert.Equal(holder, (string?)await fleet.Raw.StringGetAsync(lockKey));
        var ttl = await fleet.Raw.KeyTimeToLiveAsync(lockKey);
        Assert.InRange(ttl!.Value.TotalMilliseconds, 1, 3000); // still bounded by LockTime: a dying holder frees it soon
        release.SetResult(NewToken(TimeSpan.FromMinutes(10)));
        Assert.True((await fetching).IsRight);
        Assert.False(await fleet.Raw.KeyExistsAsync(lockKey)); // released by its holder
    }
}
