using Microsoft.Extensions.Time.Testing;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Lifecycle;

/// <summary>Token source behaviour that needs exact time and a scripted fetch function (no server).</summary>
public class TokenSourceUnitTests
{
    private static OAuthError InvalidGrant => new OAuthError.ProtocolError("invalid_grant", None, None, 400);

    [Fact]
    public async Task A_dead_refresh_token_found_ahead_keeps_the_good_access_token_until_it_expires_then_drops_it()
    {
        var clock = new FakeTimeProvider(Jan1);
        var refreshes = 0;
        var seed = Token("{\"access_token\":\"a\",\"refresh_token\":\"dead\",\"expires_in\":3600}", Jan1);
        var aheadDone = new AheadRenewalLogger();
        var source = Right(TokenSource.FromFunctions(null, (_, _) =>
        {
            Interlocked.Increment(ref refreshes);
            return LeftAsync<OAuthError, AccessToken>(InvalidGrant);
        }, new TokenSourceOptions { Seed = Some(seed), TimeProvider = clock, Logger = aheadDone }));

        clock.Advance(TimeSpan.FromMinutes(55)); // inside the refresh-ahead window (from 53 min)
        Assert.Same(seed, Right(await source.GetTokenAsync()));
        // The background renewal's outcome is recorded before it is logged: wait for the log line, not for the call count,
        // so the next read cannot find it still in flight.
        await aheadDone.Failed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Same(seed, Right(await source.GetTokenAsync())); // still good, and no new refresh-ahead
        Assert.Equal(1, refreshes);

        clock.Advance(TimeSpan.FromMinutes(1)); // 59 min: expired per the 60 s skew
        Assert.Equal(InvalidGrant, Left(await source.GetTokenAsync().ToEither()));
        Assert.True(source.Current.IsNone);
        Assert.Equal(2, refreshes);
    }

    [Fact]
    public async Task A_token_without_expiry_is_renewed_after_the_fallback_lifetime()
    {
        var clock = new FakeTimeProvider(Jan1);
        var grants = 0;
        var source = Right(TokenSource.FromFunctions(_ =>
        {
            var n = Interlocked.Increment(ref grants);
            return RightAsync<OAuthError, AccessToken>(Token($"{{\"access_token\":\"t{n}\"}}", clock.GetUtcNow()));
        }, null, new TokenSourceOptions { TimeProvider = clock, Renewal = new RenewalOptions { FallbackLifetime = TimeSpan.FromMinutes(10), AheadFraction = 0 } }));
        Assert.Equal("t1", Right(await source.GetTokenAsync()).Value.Reveal());
        clock.Advance(TimeSpan.FromMinutes(9) - TimeSpan.FromTicks(1)); // use until 10 min − 60 s skew
        Assert.Equal("t1", Right(await source.GetTokenAsync()).Value.Reveal());
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal("t2", Right(await source.GetTokenAsync()).Value.Reveal());
        Assert.Equal(2, grants);
    }

    [Fact]
    public async Task A_fetch_function_that_throws_becomes_a_value_and_the_next_call_tries_again()
    {
        var calls = 0;
        var source = Right(TokenSource.FromFunctions(_ => Interlocked.Increment(ref calls) == 1
            ? throw new InvalidOperationException("boom")
            : RightAsync<OAuthError, AccessToken>(Token("{\"access_token\":\"ok\",\"expires_in\":3600}", DateTimeOffset.UtcNow)), null));
        Assert.IsType<OAuthError.TransportFailure>(Left(await source.GetTokenAsync().ToEither()));
        Assert.Equal("ok", Right(await source.GetTokenAsync()).Value.Reveal());
    }

    [Fact]
    public void Bad_options_are_reported_with_every_problem()
    {
        var error = Assert.IsType<OAuthError.InvalidConfig>(Left(TokenSource.FromFunctions(_ => LeftAsync<OAuthError, AccessToken>(InvalidGrant), null,
            new TokenSourceOptions { Renewal = new RenewalOptions { Skew = TimeSpan.FromSeconds(-1), FallbackLifetime = TimeSpan.Zero, AheadFraction = double.NaN } })));
        Assert.Equal(new[] { "renewal.skew", "renewal.fallbackLifetime", "renewal.aheadFraction" }, error.Problems.Map(p => p.Field));
        Assert.IsType<OAuthError.InvalidArgument>(Left(TokenSource.FromFunctions(null, null)));
    }

    /// <summary>Signals once the source logs that a renewal ahead of expiry failed (logged after its outcome is recorded).</summary>
    private sealed class AheadRenewalLogger : Microsoft.Extensions.Logging.ILogger
    {
        public TaskCompletionSource Failed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;
        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel level, Microsoft.Extensions.Logging.EventId id, TState state, Exception? e,
            Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, e).Contains("renewal (ahead) failed", StringComparison.Ordinal)) Failed.TrySetResult();
        }
    }
}
