using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Shell;

/// <summary>The metadata cache with a fault-injection transport that holds every request until released and a fake clock:
/// single-flight (N concurrent callers, one request, also on an expired entry), TTL, bounded serve-stale, per-caller cancellation.</summary>
public class MetadataCacheTests
{
    private const string Issuer = "https://as.example";
    private const string Doc = """{"issuer":"https://as.example","token_endpoint":"https://as.example/token"}""";

    /// <summary>Counts requests; each waits for <see cref="Release"/> and then answers with the next queued outcome.</summary>
    private sealed class GatedTransport
    {
        private readonly Queue<Either<OAuthError, HttpResponseSpec>> answers = new();
        private TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int requests;

        public int Requests => Volatile.Read(ref requests);

        public GatedTransport Then(Either<OAuthError, HttpResponseSpec> answer)
        {
            lock (answers) answers.Enqueue(answer);
            return this;
        }

        public void Release()
        {
            var g = Interlocked.Exchange(ref gate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            g.SetResult();
        }

        public OAuthTransport Transport => (request, ct) => Send(request).ToAsync();

        private async Task<Either<OAuthError, HttpResponseSpec>> Send(HttpRequestSpec request)
        {
            Assert.Equal("https://as.example/.well-known/oauth-authorization-server", request.Url.AbsoluteUri);
            var released = Volatile.Read(ref gate).Task; // taken before the count shows, so a release the test makes next opens it
            Interlocked.Increment(ref requests);
            await released;
            lock (answers) return answers.Dequeue();
        }
    }

    private sealed class WarningCounter : ILogger
    {
        public int Warnings;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning) Interlocked.Increment(ref Warnings);
        }
    }

    private static readonly HttpResponseSpec Ok = HttpResponseSpec.Of(200, "application/json", Doc);
    private static readonly MetadataCacheOptions Options = new() { TimeToLive = TimeSpan.FromMinutes(10), MaxStale = TimeSpan.FromMinutes(5) };

    private static (MetadataCache Cache, GatedTransport Transport, FakeTimeProvider Clock, WarningCounter Log) Make()
    {
        var transport = new GatedTransport();
        var clock = new FakeTimeProvider(Jan1);
        var log = new WarningCounter();
        var client = Right(DiscoveryClient.Create(Issuer, MetadataDocument.OAuthAuthorizationServer, timeProvider: clock, logger: log, transport: transport.Transport));
        return (Right(MetadataCache.Create(client, Options)), transport, clock, log);
    }

    /// <summary>Starts <paramref name="callers"/> calls that need a request, waits until it was sent, then lets it answer.</summary>
    private static async Task<Seq<Either<OAuthError, AuthorizationServerMetadata>>> Concurrently(MetadataCache cache, GatedTransport transport, int callers)
    {
        // Every call has joined (or started) the reload before the request is released: GetAsync reaches the shared task synchronously.
        var before = transport.Requests;
        var calls = Enumerable.Range(0, callers).Select(_ => cache.GetAsync().ToEither()).ToArray();
        while (transport.Requests == before) await Task.Delay(1);
        transport.Release();
        return toSeq(await Task.WhenAll(calls));
    }

    [Fact]
    public async Task Concurrent_callers_on_an_empty_cache_share_one_request()
    {
        var (cache, transport, _, _) = Make();
        transport.Then(Ok);
        var results = await Concurrently(cache, transport, 32);
        Assert.Equal(1, transport.Requests);
        Assert.All(results, r => Assert.Equal(Issuer, Right(r).Issuer));
    }

    [Fact]
    public async Task Within_the_TTL_no_request_is_sent_and_after_it_concurrent_callers_share_one_reload()
    {
        var (cache, transport, clock, _) = Make();
        transport.Then(Ok).Then(Ok);
        await Concurrently(cache, transport, 1);
        clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        Assert.True((await cache.GetAsync()).IsRight);
        Assert.Equal(1, transport.Requests);

        clock.Advance(TimeSpan.FromTicks(1));
        var results = await Concurrently(cache, transport, 32);
        Assert.Equal(2, transport.Requests);
        Assert.All(results, r => Assert.True(r.IsRight));
    }

    [Fact]
    public async Task A_failed_reload_serves_the_stale_copy_for_at_most_the_bound_and_logs_it()
    {
        var (cache, transport, clock, log) = Make();
        var down = new OAuthError.HttpError(503, "Service Unavailable", None, string.Empty);
        transport.Then(Ok).Then(down).Then(down);
        await Concurrently(cache, transport, 1);

        clock.Advance(TimeSpan.FromMinutes(15)); // expired 5 minutes ago: exactly at the bound
        var stale = await Concurrently(cache, transport, 8);
        Assert.Equal(2, transport.Requests);
        Assert.All(stale, r => Assert.Equal(Issuer, Right(r).Issuer));
        Assert.Equal(1, log.Warnings);

        clock.Advance(TimeSpan.FromTicks(1)); // past the bound: the reload's error
        var failed = await Concurrently(cache, transport, 8);
        Assert.Equal(3, transport.Requests);
        Assert.All(failed, r => Assert.Equal(down, Left(r)));
    }

    [Fact]
    public async Task Without_a_copy_a_failed_fetch_is_the_error_and_is_not_cached()
    {
        var (cache, transport, _, _) = Make();
        transport.Then(new OAuthError.TransportFailure("refused", "HttpRequestException")).Then(Ok);
        Assert.IsType<OAuthError.TransportFailure>(Left((await Concurrently(cache, transport, 4)).Head));
        Assert.True((await Concurrently(cache, transport, 4)).ForAll(r => r.IsRight));
        Assert.Equal(2, transport.Requests);
    }

    [Fact]
    public async Task A_caller_who_cancels_ends_only_its_own_wait()
    {
        var (cache, transport, _, _) = Make();
        transport.Then(Ok);
        using var cts = new CancellationTokenSource();
        var cancelled = cache.GetAsync(cts.Token).ToEither();
        var patient = cache.GetAsync().ToEither();
        while (transport.Requests == 0) await Task.Delay(1);
        cts.Cancel();
        Assert.IsType<OAuthError.Cancelled>(Left(await cancelled));
        transport.Release();
        Assert.True((await patient).IsRight);
        Assert.Equal(1, transport.Requests);
    }

    [Fact]
    public async Task Invalidate_makes_the_next_call_fetch()
    {
        var (cache, transport, _, _) = Make();
        transport.Then(Ok).Then(Ok);
        await Concurrently(cache, transport, 1);
        cache.Invalidate();
        await Concurrently(cache, transport, 1);
        Assert.Equal(2, transport.Requests);
    }

    [Fact]
    public void Options_out_of_range_are_argument_errors()
    {
        var client = Right(DiscoveryClient.Create(Issuer, MetadataDocument.OAuthAuthorizationServer));
        Assert.Equal("options.timeToLive", LeftOf<OAuthError.InvalidArgument, MetadataCache>(MetadataCache.Create(client, new() { TimeToLive = TimeSpan.Zero })).Name);
        Assert.Equal("options.maxStale", LeftOf<OAuthError.InvalidArgument, MetadataCache>(MetadataCache.Create(client, new() { MaxStale = TimeSpan.FromSeconds(-1) })).Name);
        Assert.Equal("client", LeftOf<OAuthError.InvalidArgument, MetadataCache>(MetadataCache.Create(null)).Name);
    }

    [Fact]
    public async Task The_discovery_client_sends_a_GET_with_no_body_through_the_guarded_path()
    {
        var fake = new FakeTransport().Answer(200, Doc).Throw(new InvalidOperationException("boom"));
        var client = Right(DiscoveryClient.Create(Issuer, MetadataDocument.OAuthAuthorizationServer, transport: fake.Transport));
        Assert.Equal(Some(new Uri("https://as.example/token")), Right(await client.FetchAsync()).TokenEndpoint);
        Assert.Equal("GET", fake.Requests[0].Method);
        Assert.True(fake.Requests[0].Body.Pairs.IsEmpty);
        Assert.IsType<OAuthError.TransportFailure>(Left(await client.FetchAsync()));
    }
}
