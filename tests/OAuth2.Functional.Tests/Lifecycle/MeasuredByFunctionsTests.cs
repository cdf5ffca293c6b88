using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Lifecycle;

/// <summary><c>oauth2.token.requests</c> counts requests sent: a source whose functions measure their own requests
/// (<see cref="TokenSourceOptions.RequestsMeasuredByFunctions"/>, e.g. a fleet-shared store) records only those.
/// In the lifecycle collection, so no listener runs during <see cref="TelemetryTests"/>' allocation count.</summary>
[Collection("lifecycle-server")]
public sealed class MeasuredByFunctionsTests
{
    private static (MeterListener Listener, ConcurrentQueue<(string Route, string Outcome)> Requests) Listen(string name)
    {
        var requests = new ConcurrentQueue<(string, string)>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == OAuthTelemetry.MeterName && instrument.Name == "oauth2.token.requests") l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            string? source = null, route = null, outcome = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "oauth2.source") source = tag.Value as string;
                if (tag.Key == "oauth2.route") route = tag.Value as string;
                if (tag.Key == "oauth2.outcome") outcome = tag.Value as string;
            }
            if (source == name) requests.Enqueue((route!, outcome!));
        });
        listener.Start();
        return (listener, requests);
    }

    private static AccessToken Token(string value) =>
        Right(AccessToken.FromJson($"{{\"access_token\":\"{value}\",\"token_type\":\"Bearer\",\"expires_in\":3600}}", DateTimeOffset.UtcNow));

    [Fact]
    public async Task Sources_whose_functions_measure_count_only_the_requests_sent()
    {
        var name = "measured-" + Guid.NewGuid().ToString("N");
        var (listener, requests) = Listen(name);
        using var _ = listener;
        var options = new TokenSourceOptions { Name = name, RequestsMeasuredByFunctions = true };
        // One "instance" sends a request; two others read the token it shared.
        var sender = Right(TokenSource.FromFunctions(_ => OAuthTelemetry.MeasureTokenRequest(name, "grant", () => RightAsync<OAuthError, AccessToken>(Token("sent"))), null, options));
        var readers = Enumerable.Range(0, 2).Select(_ => Right(TokenSource.FromFunctions(_ => RightAsync<OAuthError, AccessToken>(Token("sent")), null, options))).ToArray();
        foreach (var source in readers.Prepend(sender)) Right(await source.GetTokenAsync());

        Assert.Equal(new[] { ("grant", "success") }, requests.ToArray());

        // Without the option, a source over functions counts every call of its function, as before.
        var counted = Right(TokenSource.FromFunctions(_ => RightAsync<OAuthError, AccessToken>(Token("x")), null, options with { RequestsMeasuredByFunctions = false }));
        Right(await counted.GetTokenAsync());
        Assert.Equal(2, requests.Count);
    }

    [Fact]
    public async Task MeasureTokenRequest_turns_a_throwing_request_into_a_counted_Left_and_a_null_one_into_an_uncounted_Left()
    {
        var name = "measured-" + Guid.NewGuid().ToString("N");
        var (listener, requests) = Listen(name);
        using var _ = listener;

        var threw = await OAuthTelemetry.MeasureTokenRequest(name, "grant", () => throw new InvalidOperationException("secret-in-message")).ToEither();
        var none = await OAuthTelemetry.MeasureTokenRequest(name, "refresh", null!).ToEither();

        var error = Assert.IsType<OAuthError.TransportFailure>(threw.Match(_ => null!, e => e));
        Assert.DoesNotContain("secret-in-message", error.ToString());
        Assert.IsType<OAuthError.InvalidArgument>(none.Match(_ => null!, e => e));
        Assert.Equal(new[] { ("grant", "transport_failure") }, requests.ToArray()); // a null request was never sent
    }
}
