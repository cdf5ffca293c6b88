using System.Text;
using Microsoft.Extensions.Time.Testing;
using OAuth2.Functional.DevServer;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Lifecycle;

/// <summary>The token source against the real server over real HTTP; the server counts the requests. Where time must be
/// exact, the client and the source share a <see cref="FakeTimeProvider"/> (the server's tokens say <c>expires_in</c>,
/// and the fake clock decides when that is).</summary>
[Collection("lifecycle-server")]
public sealed class TokenSourceTests : IDisposable
{
    private readonly DevAuthorizationServer server;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public TokenSourceTests(LifecycleServerFixture fixture)
    {
        server = fixture.Server;
        server.TokenEndpoint.Reset();
    }

    public void Dispose() => server.TokenEndpoint.Reset();

    private static readonly RenewalOptions Short = new() { Skew = TimeSpan.FromMilliseconds(200), AheadFraction = 0.3 };

    private ClientCredentials Client(TimeProvider? time = null) =>
        Right(ClientCredentials.Create(server.ConfigFor(server.Confidential), (HttpClient?)null, time ?? clock));

    private ResourceOwnerPassword Password() => Right(ResourceOwnerPassword.Create(server.ConfigFor(server.Confidential), (HttpClient?)null, clock));

    private static Parameters Alice => Parameters.Of(("username", "alice"), ("password", "wonderland")).WithScope("api offline_access");

    private TokenSource Source(GrantClient client, Parameters? parameters = null, TokenSourceOptions? options = null) =>
        Right(TokenSource.Create(client, parameters ?? Parameters.Empty.WithScope("api"), options ?? new TokenSourceOptions { Renewal = Short }));

    [Fact]
    public async Task A_thousand_callers_on_a_missing_token_cause_one_request_and_all_get_its_token()
    {
        var source = Source(Client());
        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => source.GetTokenAsync().ToEither())));
        Assert.Equal(1, server.TokenEndpoint.Total);
        Assert.Single(results.Select(r => Right(r).Value.Reveal()).Distinct());
    }

    [Fact]
    public async Task A_thousand_callers_on_an_expired_token_cause_one_request()
    {
        var source = Source(Client());
        var first = Right(await source.GetTokenAsync());
        clock.Advance(LifecycleServerFixture.Lifetime); // now expired per the skew
        server.TokenEndpoint.Reset();
        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => source.GetTokenAsync().ToEither())));
        Assert.Equal(1, server.TokenEndpoint.Total);
        var tokens = results.Select(r => Right(r).Value.Reveal()).Distinct().ToList();
        Assert.Single(tokens);
        Assert.NotEqual(first.Value.Reveal(), tokens[0]);
    }

    [Fact]
    public async Task Cancelling_ten_waiting_callers_ends_only_their_waits()
    {
        var source = Source(Client());
        server.TokenEndpoint.Delay = TimeSpan.FromMilliseconds(800);
        var cancels = Enumerable.Range(0, 10).Select(_ => new CancellationTokenSource()).ToList();
        var cancelled = cancels.Select(c => source.GetTokenAsync(c.Token).ToEither()).ToList();
        var others = Enumerable.Range(0, 990).Select(_ => source.GetTokenAsync().ToEither()).ToList();
        await Task.Delay(100);
        foreach (var c in cancels) await c.CancelAsync();
        Assert.All(await Task.WhenAll(cancelled), r => Assert.IsType<OAuthError.Cancelled>(Left(r)));
        var tokens = (await Task.WhenAll(others)).Select(r => Right(r).Value.Reveal()).Distinct().ToList();
        Assert.Single(tokens);
        Assert.Equal(1, server.TokenEndpoint.Total);
        Assert.Equal(tokens[0], Right(await source.GetTokenAsync()).Value.Reveal()); // cached: the shared request finished
        Assert.Equal(1, server.TokenEndpoint.Total);
        foreach (var c in cancels) c.Dispose();
    }

    [Fact]
    public async Task Inside_the_refresh_ahead_window_callers_get_the_current_token_at_once_and_one_renewal_starts()
    {
        var options = new TokenSourceOptions { Renewal = new RenewalOptions { Skew = TimeSpan.FromMilliseconds(200), AheadFraction = 0.5 } };
        var source = Source(Client(), options: options);
        var obtained = clock.GetUtcNow();
        var first = Right(await source.GetTokenAsync());
        // The server says expires_in 2 or 3 (it rounds): the window opens where the policy's schedule says, to the tick.
        var opens = RenewalPolicy.Schedule(first, obtained, options.Renewal).AheadFrom;
        Assert.True(opens > obtained);
        clock.Advance(opens - obtained - TimeSpan.FromMilliseconds(1));
        Assert.Same(first, Right(await source.GetTokenAsync()));
        Assert.Equal(1, server.TokenEndpoint.Total);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        server.TokenEndpoint.Delay = TimeSpan.FromMilliseconds(300);
        var during = Enumerable.Range(0, 100).Select(_ => source.GetTokenValueAsync()).ToList();
        Assert.All(during, v => Assert.True(v.IsCompletedSuccessfully, "a caller waited for the renewal ahead"));
        Assert.All(during, v => Assert.Same(first, Right(v.Result)));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (source.Current.Map(t => ReferenceEquals(t, first)).IfNone(true) && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.NotSame(first, Right(await source.GetTokenAsync()));
        Assert.Equal(2, server.TokenEndpoint.Total);
    }

    [Fact]
    public async Task Under_steady_load_for_three_lifetimes_renewals_happen_ahead_and_no_caller_waits()
    {
        // Real time: 2–3 s tokens (the server rounds expires_in down), skew 0.1 s, refresh-ahead over the last 60 % capped at
        // half the usable life: a renewal every ≈ 1–1.5 s, each with ≈ 1–1.5 s to finish before anyone would have to wait.
        // Each token request is timed where it leaves the process: a caller may wait only when a renewal overran its margin
        // (a loaded CI machine), and then each of the 8 loaders at most once per overrun. On a machine that keeps up, none waits.
        var timing = new TimedHandler(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var http = new HttpClient(timing);
        var client = Right(ClientCredentials.Create(server.ConfigFor(server.Confidential), http, TimeProvider.System));
        var source = Source(client, options: new TokenSourceOptions
        {
            Renewal = new RenewalOptions { Skew = TimeSpan.FromMilliseconds(100), AheadFraction = 0.6 },
        });
        Right(await source.GetTokenAsync());
        server.TokenEndpoint.Reset();
        timing.Durations.Clear();
        var waited = 0;
        var expiredHandedOut = 0;
        var calls = 0;
        var until = DateTime.UtcNow + 3 * LifecycleServerFixture.Lifetime;
        async Task Load()
        {
            while (DateTime.UtcNow < until)
            {
                var read = source.GetTokenValueAsync();
                if (!read.IsCompletedSuccessfully) Interlocked.Increment(ref waited);
                var token = Right(await read);
                if (token.IsExpired(DateTimeOffset.UtcNow)) Interlocked.Increment(ref expiredHandedOut);
                Interlocked.Increment(ref calls);
                await Task.Delay(5);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(Load)));
        var overruns = timing.Durations.Count(d => d > TimeSpan.FromMilliseconds(400));
        Assert.True(waited <= 8 * overruns,
            $"{waited} reads waited, but only {overruns} of {timing.Durations.Count} renewals took over 0.4 s " +
            $"({string.Join(", ", timing.Durations.Select(d => $"{d.TotalMilliseconds:0} ms"))})");
        Assert.Equal(0, expiredHandedOut);
        Assert.True(calls > 100, $"only {calls} calls");
        Assert.InRange(server.TokenEndpoint.Total, 3, 12); // ≈ 9 s / 1–1.5 s: a few per lifetime, never one per call
    }

    /// <summary>Times each request end to end (measurement only: the request and response pass through untouched).</summary>
    private sealed class TimedHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public System.Collections.Concurrent.ConcurrentQueue<TimeSpan> Durations { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try { return await base.SendAsync(request, cancellationToken); }
            finally { Durations.Enqueue(System.Diagnostics.Stopwatch.GetElapsedTime(started)); }
        }
    }

    [Fact]
    public async Task Rotation_one_refresh_at_a_time_and_the_rotated_refresh_token_replaces_the_old_one()
    {
        var source = Source(Password(), Alice);
        var first = Right(await source.GetTokenAsync());
        for (var round = 0; round < 2; round++)
        {
            var before = Right(await source.GetTokenAsync());
            clock.Advance(LifecycleServerFixture.Lifetime);
            var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => source.GetTokenAsync().ToEither())));
            var after = Right(results[0]);
            Assert.All(results, r => Assert.Equal(after.Value.Reveal(), Right(r).Value.Reveal()));
            Assert.NotEqual(before.RefreshToken.Map(s => s.Reveal()), after.RefreshToken.Map(s => s.Reveal()));
        }
        // Each refresh used the newest refresh token (OpenIddict rejects a redeemed one, and would have answered invalid_grant).
        Assert.Equal(1, server.TokenEndpoint.Count("password"));
        Assert.Equal(2, server.TokenEndpoint.Count("refresh_token"));
        Assert.True(first.RefreshToken.IsSome);
    }

    [Fact]
    public async Task Failures_are_not_cached_every_waiter_gets_the_failure_and_the_next_call_tries_again()
    {
        var source = Source(Client());
        server.TokenEndpoint.FailNext(1, 500, "server_error");
        server.TokenEndpoint.Delay = TimeSpan.FromMilliseconds(200);
        var failed = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => source.GetTokenAsync().ToEither()));
        Assert.All(failed, r => Assert.Equal(Some(500), Left(r).StatusCode));
        Assert.Equal(1, server.TokenEndpoint.Total);
        Assert.True((await source.GetTokenAsync().ToEither()).IsRight);
        Assert.Equal(2, server.TokenEndpoint.Total);
    }

    [Fact]
    public async Task A_retry_after_is_honoured_calls_before_it_get_the_failure_without_a_request()
    {
        var source = Source(Client());
        server.TokenEndpoint.FailNext(1, 503, "temporarily_unavailable", retryAfter: "30");
        var first = Left(await source.GetTokenAsync().ToEither());
        Assert.Equal(Some(503), first.StatusCode);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(first, Left(await source.GetTokenAsync().ToEither()));
        Assert.Equal(1, server.TokenEndpoint.Total);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await source.GetTokenAsync().ToEither()).IsRight);
        Assert.Equal(2, server.TokenEndpoint.Total);
    }

    [Fact]
    public async Task A_refresh_answered_invalid_grant_falls_back_to_the_grant_when_it_can_be_rerun()
    {
        var stale = Right(AccessToken.FromJson("{\"access_token\":\"old\",\"token_type\":\"Bearer\",\"refresh_token\":\"dead\",\"expires_in\":1}", clock.GetUtcNow()));
        var source = Source(Client(), options: new TokenSourceOptions { Renewal = Short, Seed = Some(stale) });
        clock.Advance(TimeSpan.FromSeconds(2));
        var token = Right(await source.GetTokenAsync());
        Assert.NotEqual("old", token.Value.Reveal());
        Assert.Equal(1, server.TokenEndpoint.Count("refresh_token"));
        Assert.Equal(1, server.TokenEndpoint.Count("client_credentials"));
    }

    [Fact]
    public async Task A_refresh_answered_invalid_grant_drops_the_token_when_the_grant_cannot_be_rerun()
    {
        var stale = Right(AccessToken.FromJson("{\"access_token\":\"old\",\"token_type\":\"Bearer\",\"refresh_token\":\"dead\",\"expires_in\":1}", clock.GetUtcNow()));
        var source = Right(TokenSource.FromToken(Password(), stale, new TokenSourceOptions { Renewal = Short }));
        clock.Advance(TimeSpan.FromSeconds(2));
        var error = Assert.IsType<OAuthError.ProtocolError>(Left(await source.GetTokenAsync().ToEither()));
        Assert.Equal("invalid_grant", error.Error);
        Assert.True(source.Current.IsNone);
        Assert.Equal(error, Left(await source.GetTokenAsync().ToEither())); // nothing left to renew with: no request
        Assert.Equal(1, server.TokenEndpoint.Total);
    }

    [Fact]
    public async Task Sources_for_two_scopes_never_hand_out_each_others_tokens_under_interleaved_concurrency()
    {
        var cache = Right(TokenSourceCache.Create(Client(), new TokenSourceOptions { Renewal = Short }));
        var api = Parameters.Empty.WithScope("api");
        var offline = Parameters.Empty.WithScope("offline_access");
        Assert.Same(cache.For(api), cache.For(Parameters.Empty.WithScope("api")));
        for (var round = 0; round < 3; round++)
        {
            clock.Advance(LifecycleServerFixture.Lifetime);
            var reads = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
            {
                var wanted = i % 2 == 0 ? "api" : "offline_access";
                var token = Right(await cache.For(i % 2 == 0 ? api : offline).GetTokenAsync());
                return (wanted, scope: ScopeClaim(token));
            })));
            Assert.All(reads, r => Assert.Equal(r.wanted, r.scope));
        }
        Assert.Equal(2, cache.Count);
        Assert.Equal(6, server.TokenEndpoint.Total);
    }

    [Fact]
    public async Task The_persistence_hook_sees_every_new_token_and_a_source_seeded_from_it_needs_no_request()
    {
        var stored = new List<string>();
        var client = Client();
        var source = Source(client, options: new TokenSourceOptions
        {
            Renewal = Short,
            OnNewToken = (token, _) => { lock (stored) stored.Add(token.ToJson()); return Task.CompletedTask; },
        });
        var token = Right(await source.GetTokenAsync());
        clock.Advance(LifecycleServerFixture.Lifetime);
        var renewed = Right(await source.GetTokenAsync());
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (stored.Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.Equal(new[] { token.ToJson(), renewed.ToJson() }, stored);

        var seeded = Source(client, options: new TokenSourceOptions { Renewal = Short, Seed = Some(Right(client.CreateToken(stored[^1]))) });
        Assert.Equal(renewed.Value.Reveal(), Right(await seeded.GetTokenAsync()).Value.Reveal());
        Assert.Equal(2, server.TokenEndpoint.Total);
    }

    [Fact]
    public async Task Invalidate_drops_only_that_exact_token()
    {
        var source = Source(Client());
        var first = Right(await source.GetTokenAsync());
        Assert.True(source.Invalidate(first));
        var second = Right(await source.GetTokenAsync());
        Assert.NotEqual(first.Value.Reveal(), second.Value.Reveal());
        Assert.False(source.Invalidate(first)); // an older token: the newer one stays
        Assert.Same(second, Right(await source.GetTokenAsync()));
        Assert.Equal(2, server.TokenEndpoint.Total);
    }

    /// <summary>The <c>scope</c> claim of the server's JWT access token.</summary>
    internal static string ScopeClaim(AccessToken token)
    {
        var payload = token.Value.Reveal().Split('.')[1].Replace('-', '+').Replace('_', '/');
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=')));
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty("scope", out var s) ? s.ValueKind == System.Text.Json.JsonValueKind.Array
            ? string.Join(" ", s.EnumerateArray().Select(e => e.GetString())) : s.GetString() ?? "" : "";
    }
}
