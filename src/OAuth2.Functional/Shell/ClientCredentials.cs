using Microsoft.Extensions.Logging;

namespace OAuth2.Functional;

/// <summary>The client credentials grant (RFC 6749 §4.4), simple-oauth2's <c>ClientCredentials</c>.</summary>
public sealed class ClientCredentials : GrantClient
{
    private ClientCredentials(ValidConfig config, SendHttp send, TimeProvider? timeProvider, ILogger? logger)
        : base("client_credentials", config, send, timeProvider, logger) { }

    /// <summary>Validates <paramref name="config"/> for this grant (every problem reported at once) and makes a client.
    /// It sends over <paramref name="httpClient"/> (redirects should be off), or over one shared client with redirects off
    /// when none is given, or through <paramref name="transport"/> (give one or the other, not both).
    /// <paramref name="timeProvider"/> is the clock (default: the system's); <paramref name="logger"/> gets debug lines
    /// without secrets.</summary>
    public static Either<OAuthError, ClientCredentials> Create(OAuthConfig? config, HttpClient? httpClient = null,
        TimeProvider? timeProvider = null, ILogger? logger = null, OAuthTransport? transport = null) =>
        Prepare(config, GrantKind.ClientCredentials, httpClient, transport).Map(p => new ClientCredentials(p.Config, p.Transport, timeProvider, logger));
}
