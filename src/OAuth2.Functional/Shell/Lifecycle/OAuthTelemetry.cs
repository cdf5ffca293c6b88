using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OAuth2.Functional;

/// <summary>
/// The names to subscribe to: a <see cref="Meter"/> and an <see cref="ActivitySource"/>, both called
/// <c>OAuth2.Functional</c>. Instruments: <c>oauth2.token.requests</c> (token requests sent by token sources, tagged
/// <c>oauth2.source</c>, <c>oauth2.route</c> = grant | refresh, <c>oauth2.outcome</c> = success | the error's
/// <see cref="OAuthError.Code"/>), <c>oauth2.token.cache_hits</c> (tagged <c>oauth2.source</c>),
/// <c>oauth2.token.renewals</c> (tagged <c>oauth2.source</c>, <c>oauth2.renewal</c> = ahead | on_demand) and
/// <c>oauth2.token.renewal.duration</c> (seconds). One span <c>oauth2.token_request</c> per token request. No tag ever
/// holds a secret, a token, or text from the server.
/// </summary>
public static class OAuthTelemetry
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "OAuth2.Functional";

    /// <summary>The activity source's name.</summary>
    public const string ActivitySourceName = "OAuth2.Functional";

    /// <summary>Runs <paramref name="request"/>, one token request actually sent for the token source named
    /// <paramref name="sourceName"/> by <paramref name="route"/> (<c>grant</c> or <c>refresh</c>), with its span and its count
    /// in <c>oauth2.token.requests</c>, as a source does for its own requests. For the functions of a source made with
    /// <see cref="TokenSourceOptions.RequestsMeasuredByFunctions"/> (e.g. a store shared by a fleet, which sends a request
    /// only on some calls). <paramref name="route"/> is <c>refresh</c> or (anything else) <c>grant</c>. A request that throws or
    /// gives no result (a default value) gives (and counts as) a <c>transport_failure</c>; a <c>null</c> one is an
    /// <see cref="OAuthError.InvalidArgument"/>, not counted. Never throws.</summary>
    public static EitherAsync<OAuthError, AccessToken> MeasureTokenRequest(string sourceName, string route, Func<EitherAsync<OAuthError, AccessToken>> request) =>
        request is null
            ? LeftAsync<OAuthError, AccessToken>(OAuthError.Argument("request", "is required"))
            : LifecycleTelemetry.Measure(sourceName ?? "default", new(LifecycleTelemetry.SourceTag, sourceName ?? "default"),
                route == "refresh" ? "refresh" : "grant", Guarded(request)).ToAsync(); // the route tag is one of two values, never caller text

    private static Func<Task<Either<OAuthError, AccessToken>>> Guarded(Func<EitherAsync<OAuthError, AccessToken>> request) => async () =>
    {
        try
        {
            var result = await request().ToEither().ConfigureAwait(false);
            return result.IsBottom
                ? Left<OAuthError, AccessToken>(new OAuthError.TransportFailure("the token request returned no result", "Bottom"))
                : result;
        }
        catch (Exception e)
        {
            return Left<OAuthError, AccessToken>(new OAuthError.TransportFailure("the token request threw instead of returning a result", e.GetType().Name));
        }
    };
}

/// <summary>The instruments themselves (one set per process, as .NET's guidance asks for static meters).</summary>
internal static class LifecycleTelemetry
{
    private static readonly string? Version = typeof(LifecycleTelemetry).Assembly.GetName().Version?.ToString();

    public static readonly Meter Meter = new(OAuthTelemetry.MeterName, Version);
    public static readonly ActivitySource Source = new(OAuthTelemetry.ActivitySourceName, Version);

    public static readonly Counter<long> Requests =
        Meter.CreateCounter<long>("oauth2.token.requests", "{request}", "Token requests sent by token sources, by outcome");
    public static readonly Counter<long> CacheHits =
        Meter.CreateCounter<long>("oauth2.token.cache_hits", "{read}", "Token reads answered from the cache");
    public static readonly Counter<long> Renewals =
        Meter.CreateCounter<long>("oauth2.token.renewals", "{renewal}", "Renewals started, ahead of expiry or on demand");
    public static readonly Histogram<double> RenewalDuration =
        Meter.CreateHistogram<double>("oauth2.token.renewal.duration", "s", "How long a renewal took, all its requests included");

    public const string SourceTag = "oauth2.source";
    public const string RouteTag = "oauth2.route";
    public const string OutcomeTag = "oauth2.outcome";
    public const string RenewalTag = "oauth2.renewal";

    /// <summary>One token request, with its span and its count by outcome.</summary>
    public static async Task<Either<OAuthError, AccessToken>> Measure(
        string name, KeyValuePair<string, object?> sourceTag, string route, Func<Task<Either<OAuthError, AccessToken>>> request)
    {
        using var activity = Source.StartActivity("oauth2.token_request", ActivityKind.Client);
        activity?.SetTag(SourceTag, name);
        activity?.SetTag(RouteTag, route);
        var result = await request().ConfigureAwait(false);
        var outcome = result.Match(_ => "success", e => e.Code);
        activity?.SetTag(OutcomeTag, outcome);
        if (result.IsLeft) activity?.SetStatus(ActivityStatusCode.Error, outcome);
        Requests.Add(1, sourceTag, new(RouteTag, route), new(OutcomeTag, outcome));
        return result;
    }
}
