using Microsoft.Extensions.Logging;

namespace OAuth2.Functional;

/// <summary>The client credentials grant (RFC 6749 §4.4), simple-oauth2's <c>ClientCredentials</c>.</summary>
public sealed class ClientCredentials : GrantClient
{
    private ClientCredentials(ValidConfig config, SendHttp send, TimeProvider? clock, ILogger? logger)
        : base("client_credentials", config, send, clock, logger) { }

    /// <summary>Validates <paramref name="config"/> for this grant (every problem reported) and makes a client over
    /// <paramref name="httpClient"/>, or over a shared client with redirects off.</summary>
    public static Either<OAuthError, ClientCredentials> Create(OAuthConfig config, HttpClient? httpClient = null,
        TimeProvider? clock = null, ILogger? logger = null) =>
        Prepare(config, GrantKind.ClientCredentials, httpClient, null).Map(p => new ClientCredentials(p.Config, p.Transport, clock, logger));

    /// <summary>Validates <paramref name="config"/> and makes a client that sends through <paramref name="transport"/>.</summary>
    public static Either<OAuthError, ClientCredentials> Create(OAuthConfig config, OAuthTransport transport,
        TimeProvider? clock = null, ILogger? logger = null) =>
        Prepare(config, GrantKind.ClientCredentials, null, transport).Map(p => new ClientCredentials(p.Config, p.Transport, clock, logger));
}
