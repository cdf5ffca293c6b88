using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OAuth2.Functional;

/// <summary>
/// Fetches an authorization server's metadata (RFC 8414 or OpenID Connect Discovery) for one issuer: builds the well-known URL
/// (<see cref="Discovery.WellKnownUrl"/>), GETs it through the same guarded send as every other operation (no redirects
/// followed, size and time bounded, failures as values) and interprets it with <see cref="Discovery.Interpret"/> (the issuer
/// must be the one requested). For repeated use put a <see cref="MetadataCache"/> in front of it.
/// </summary>
public sealed class DiscoveryClient
{
    private readonly GuardedSend send;
    private readonly bool allowInsecureHttp;
    private readonly HttpRequestSpec request;

    private DiscoveryClient(string issuer, Uri url, HttpRequestSpec request, bool allowInsecureHttp, SendHttp transport, TimeProvider? timeProvider, ILogger? logger)
    {
        Issuer = issuer;
        Url = url;
        this.request = request;
        this.allowInsecureHttp = allowInsecureHttp;
        Time = timeProvider ?? TimeProvider.System;
        Logger = logger ?? NullLogger.Instance;
        send = new GuardedSend(transport, Time, Logger);
    }

    /// <summary>The issuer whose metadata this client fetches (and which the document must state exactly).</summary>
    public string Issuer { get; }

    /// <summary>The well-known URL it fetches.</summary>
    public Uri Url { get; }

    internal TimeProvider Time { get; }
    internal ILogger Logger { get; }

    /// <summary>Checks <paramref name="issuer"/> (an absolute https URL, http only on loopback or with
    /// <paramref name="allowInsecureHttp"/>, no user info, query or fragment) and makes a client for its
    /// <paramref name="document"/>. It sends over <paramref name="httpClient"/> or one shared client with redirects off, or through
    /// <paramref name="transport"/> (not both); <paramref name="http"/> bounds time and size as for the grant clients.</summary>
    public static Either<OAuthError, DiscoveryClient> Create(string? issuer, MetadataDocument document, HttpClient? httpClient = null,
        TimeProvider? timeProvider = null, ILogger? logger = null, OAuthTransport? transport = null, HttpSettings? http = null,
        bool allowInsecureHttp = false)
    {
        if (httpClient is not null && transport is not null) return OAuthError.Argument("transport", "give an HttpClient or a transport, not both");
        return Discovery.Request(issuer, document, allowInsecureHttp).Map(request => new DiscoveryClient(issuer!, request.Url, request, allowInsecureHttp,
            transport is null ? HttpClientTransport.Sender(httpClient, http ?? HttpSettings.Default) : GuardedSend.FromTransport(transport),
            timeProvider, logger));
    }

    /// <summary>GETs and interprets the document: the metadata, or the failure (transport, HTTP status, content, or an
    /// <see cref="OAuthError.MalformedMetadata"/> naming the member).</summary>
    public EitherAsync<OAuthError, AuthorizationServerMetadata> FetchAsync(CancellationToken cancellationToken = default) =>
        FetchCoreAsync(cancellationToken).ToAsync();

    internal Task<Either<OAuthError, AuthorizationServerMetadata>> FetchCoreAsync(CancellationToken cancellationToken) =>
        send.ExchangeAsync("discovery", Right<OAuthError, HttpRequestSpec>(request),
            (response, _) => Discovery.Interpret(response, Issuer, allowInsecureHttp), cancellationToken);
}
