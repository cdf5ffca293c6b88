using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Time.Testing;
using OAuth2.Functional.DevServer;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Lifecycle;

/// <summary>The meter and the activity source, observed with the BCL's own listeners; and the cached read's
/// allocation count (a deterministic byte count, not a timing). One class, so no listener of another test runs
/// during the allocation count.</summary>
[Collection("lifecycle-server")]
public sealed class TelemetryTests(LifecycleServerFixture fixture)
{
    private DevAuthorizationServer Server => fixture.Server;

    private sealed record Measurement(string Instrument, double Value, Dictionary<string, string?> Tags);

    [Fact]
    public async Task Requests_hits_renewals_and_durations_are_measured_and_spans_carry_no_secret()
    {
        var name = "telemetry-" + Guid.NewGuid().ToString("N");
        var measurements = new ConcurrentQueue<Measurement>();
        var spans = new ConcurrentQueue<Activity>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == OAuthTelemetry.MeterName) listener.EnableMeasurementEvents(instrument);
            },
        };
        void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state) where T : struct
        {
            var dict = new Dictionary<string, string?>();
            foreach (var tag in tags) dict[tag.Key] = tag.Value?.ToString();
            if (dict.GetValueOrDefault("oauth2.source") == name) measurements.Enqueue(new(instrument.Name, Convert.ToDouble(value), dict));
        }
        meters.SetMeasurementEventCallback<long>(Record);
        meters.SetMeasurementEventCallback<double>(Record);
        meters.Start();
        using var activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name == OAuthTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { if (a.GetTagItem("oauth2.source") as string == name) spans.Enqueue(a); },
        };
        ActivitySource.AddActivityListener(activities);

        var clock = new FakeTimeProvider();
        var options = new TokenSourceOptions { Name = name, Renewal = new RenewalOptions { Skew = TimeSpan.FromMilliseconds(200) } };
        var good = Right(TokenSource.Create(Right(ClientCredentials.Create(Server.ConfigFor(Server.Confidential), (HttpClient?)null, clock)),
            Parameters.Empty.WithScope("api"), options));
        var token = Right(await good.GetTokenAsync());
        for (var i = 0; i < 10; i++) Right(await good.GetTokenAsync());
        var bad = Right(TokenSource.Create(Right(ClientCredentials.Create(Server.ConfigFor(Server.Confidential with { Secret = "not-the-secret" }))),
            Parameters.Empty, options));
        Assert.True((await bad.GetTokenAsync().ToEither()).IsLeft);

        Assert.Equal(2, measurements.Count(m => m.Instrument == "oauth2.token.requests")); // one success, one failure
        Assert.Contains(measurements, m => m.Instrument == "oauth2.token.requests" && m.Tags["oauth2.outcome"] == "success" && m.Tags["oauth2.route"] == "grant");
        Assert.Contains(measurements, m => m.Instrument == "oauth2.token.requests" && m.Tags["oauth2.outcome"] != "success");
        Assert.Equal(10, measurements.Where(m => m.Instrument == "oauth2.token.cache_hits").Sum(m => m.Value));
        Assert.Equal(2, measurements.Count(m => m.Instrument == "oauth2.token.renewals" && m.Tags["oauth2.renewal"] == "on_demand"));
        Assert.Equal(2, measurements.Count(m => m.Instrument == "oauth2.token.renewal.duration" && m.Value > 0));

        Assert.Equal(2, spans.Count);
        Assert.All(spans, s => Assert.Equal("oauth2.token_request", s.OperationName));
        Assert.Contains(spans, s => s.Status == ActivityStatusCode.Error);
        var secrets = new[] { token.Value.Reveal(), Server.Confidential.Secret!, "not-the-secret" };
        var texts = spans.SelectMany(s => s.TagObjects.Select(t => t.Value?.ToString() ?? "").Append(s.StatusDescription ?? ""))
            .Concat(measurements.SelectMany(m => m.Tags.Values.Select(v => v ?? "")));
        Assert.All(texts, text => Assert.All(secrets, secret => Assert.DoesNotContain(secret, text)));
    }

    [Fact]
    public async Task A_cached_read_allocates_nothing()
    {
        var token = Right(AccessToken.FromJson("{\"access_token\":\"cached\",\"expires_in\":3600}", DateTimeOffset.UtcNow));
        var source = Right(TokenSource.FromFunctions(_ => RightAsync<OAuthError, AccessToken>(token), null));
        Right(await source.GetTokenAsync());
        for (var i = 0; i < 100; i++) { _ = source.GetTokenAsync(); _ = source.GetTokenValueAsync(); } // warm-up (tiering)
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            _ = source.GetTokenAsync();
            var read = source.GetTokenValueAsync();
            if (!read.IsCompletedSuccessfully) throw new Xunit.Sdk.XunitException("a cached read did not complete at once");
            _ = await read;
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
