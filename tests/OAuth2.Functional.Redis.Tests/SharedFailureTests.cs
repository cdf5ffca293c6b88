using System.Text;
using static OAuth2.Functional.Redis.Tests.Support;

namespace OAuth2.Functional.Redis.Tests;

/// <summary>A failed token request is shared with the waiting fleet (codes only, bounded in time), so a cold fleet facing a
/// failing server sends it one request, not one per instance.</summary>
public class SharedFailureTests
{
    public static TheoryData<string> Kinds => RedisServer.Kinds();

    private static readonly DateTimeOffset Now = new(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);
    private static readonly FleetStoreOptions Options = new() { SharedFailureTime = TimeSpan.FromSeconds(2), SharedRetryAfterCap = TimeSpan.FromSeconds(60) };

    private static OAuthError RoundTrip(OAuthError error, out TimeSpan shared)
    {
        var (json, span) = SharedFailure.Of(error, Now, Options).Match(x => x, () => throw new Xunit.Sdk.XunitException("not shared: " + error));
        shared = span;
        return SharedFailure.Read(json).Match(e => e, () => throw new Xunit.Sdk.XunitException("unreadable: " + json));
    }

    [Fact]
    public void A_protocol_error_is_shared_by_its_code_status_and_retry_instant_never_its_text()
    {
        var error = new OAuthError.ProtocolError("temporarily_unavailable", Some("node 7 of cluster-x is draining"), Some("https://as.example/why"), 429)
            { RetryAfter = Some<RetryAfter>(new RetryAfter.Delay(TimeSpan.FromSeconds(30))) };
        var (json, _) = SharedFailure.Of(error, Now, Options).Match(x => x, () => throw new Xunit.Sdk.XunitException("not shared"));
        Assert.DoesNotContain("draining", json);
        Assert.DoesNotContain("as.example", json);

        var back = Assert.IsType<OAuthError.ProtocolError>(RoundTrip(error, out var shared));
        Assert.Equal(("temporarily_unavailable", 429), (back.Error, back.Status));
        Assert.True(back.ErrorDescription.IsNone && back.ErrorUri.IsNone);
        Assert.Equal(Some<RetryAfter>(new RetryAfter.Date(Now.AddSeconds(30))), back.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(30), shared);
    }

    [Fact]
    public void How_long_a_failure_is_shared_follows_Retry_After_capped_else_the_short_default()
    {
        OAuthError Http(Option<RetryAfter> r) => new OAuthError.HttpError(503, "Service Unavailable", Some("text/html"), "<html>down</html>") { RetryAfter = r };
        RoundTrip(Http(None), out var plain);
        Assert.Equal(TimeSpan.FromSeconds(2), plain);
        var back = Assert.IsType<OAuthError.HttpError>(RoundTrip(Http(Some<RetryAfter>(new RetryAfter.Delay(TimeSpan.FromMinutes(10)))), out var capped));
        Assert.Equal(TimeSpan.FromSeconds(60), capped);
        Assert.Equal((503, "", ""), (back.Status, back.ReasonPhrase, back.BodyExcerpt)); // no server text
        Assert.Equal(Some<RetryAfter>(new RetryAfter.Date(Now.AddMinutes(10))), back.RetryAfter); // the server's instant, for each source to honour
        Assert.True(SharedFailure.Of(Http(Some<RetryAfter>(new RetryAfter.Date(Now.AddSeconds(-5)))), Now, Options).IsNone); // already past
        Assert.True(SharedFailure.Of(Http(None), Now, Options with { SharedFailureTime = TimeSpan.Zero }).IsNone);
    }

    [Fact]
    public void Network_failures_are_shared_and_local_ones_are_not()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Assert.IsType<OAuthError.Timeout>(RoundTrip(new OAuthError.Timeout(TimeSpan.FromSeconds(30)), out _)).After);
        var transport = Assert.IsType<OAuthError.TransportFailure>(RoundTrip(new OAuthError.TransportFailure("connection refused by 10.0.0.7", "HttpRequestException"), out _));
        Assert.Equal("HttpRequestException", transport.ExceptionType);
        Assert.DoesNotContain("10.0.0.7", transport.Reason);
        Assert.True(SharedFailure.Of(new OAuthError.Cancelled(), Now, Options).IsNone);
        Assert.True(SharedFailure.Of(OAuthError.Argument("parameters", "bad"), Now, Options).IsNone);
        Assert.True(SharedFailure.Of(OAuthError.Malformed("access_token", "is missing"), Now, Options).IsNone);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"k\":\"protocol\"}")]
    [InlineData("{\"k\":\"protocol\",\"e\":1,\"s\":429}")]
    [InlineData("{\"k\":\"timeout\",\"a\":99999999999999999}")]
    [InlineData("{\"k\":\"http\",\"s\":503,\"u\":-99999999999999999}")]
    [InlineData("{\"k\":\"other\",\"s\":503}")]
    public void Anything_else_in_a_failure_entry_reads_as_none(string json) => Assert.True(SharedFailure.Read(json).IsNone);

    [Theory, MemberData(nameof(Kinds))]
    public async Task A_failure_without_Retry_After_is_one_request_for_the_waiting_fleet_and_expires_soon(string kind)
    {
        await using var redis = await RedisServer.StartAsync(kind);
        await using var fleet = new Fleet(redis, 4, o => o with { SharedFailureTime = TimeSpan.FromMilliseconds(700) }, FleetProtection.PlaintextOptIn);
        var key = AKey();
        var calls = 0;
        Func<CancellationToken, Task<Either<OAuthError, AccessToken>>> fetch = async _ =>
        {
            Interlocked.Increment(ref calls);
            await Task.Delay(300);
            return Left<OAuthError, AccessToken>(new OAuthError.ProtocolError("server_error", Some("stack trace of node-7"), None, 500));
        };

        var results = await Task.WhenAll(fleet.Stores.Select(s => s.GetOrFetchAsync(key, fetch)));

        Assert.All(results, r => Assert.Equal("server_error", Assert.IsType<OAuthError.ProtocolError>(r.Match(_ => null!, e => e)).Error));
        Assert.Equal(1, calls);
        var entry = await fleet.Raw.StringGetAsync(key.FailureKey(fleet.Prefix));
        if (entry.HasValue) Assert.DoesNotContain("node-7", Encoding.UTF8.GetString((byte[])entry!)); // plaintext opt-in: readable
        Assert.False(await fleet.Raw.KeyExistsAsync(key.EntryKey(fleet.Prefix))); // a failure is never a token
        await Task.Delay(1500); // past SharedFailureTime
        Assert.False(await fleet.Raw.KeyExistsAsync(key.FailureKey(fleet.Prefix)));
        var fresh = new CountingFetch(TimeSpan.FromMinutes(10));
        Assert.True((await fleet.Stores[1].GetOrFetchAsync(key, fresh.Fetch)).IsRight);
        Assert.Equal(1, fresh.Calls); // the fleet asks again once the shared failure is gone
    }
}
