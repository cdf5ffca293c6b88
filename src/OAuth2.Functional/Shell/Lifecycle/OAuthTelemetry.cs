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
}
