using Microsoft.Extensions.Logging;

namespace OAuth2.Functional;

/// <summary>The resource owner password credentials grant (RFC 6749 §4.3), simple-oauth2's <c>ResourceOwnerPassword</c>.</summary>
public sealed class ResourceOwnerPassword : GrantClient
{
    private ResourceOwnerPassword(ValidConfig config, SendHttp send, TimeProvider? timeProvider, ILogger? logger)
        : base("password", config, send, timeProvider, logger) { }

    /// <summary>Validates <paramref name="config"/> for this grant (every problem reported at once) and makes a client.
    /// It sends over <paramref name="httpClient"/> (redirects should be off), or over one shared client with redirects off
    /// when none is given, or through <paramref name="transport"/> (give one or the other, not both).
    /// <paramref name="timeProvider"/> is the clock (default: the system's); <paramref name="logger"/> gets debug lines
    /// without secrets.</summary>
    public static Either<OAuthError, ResourceOwnerPassword> Create(OAuthConfig? config, HttpClient? httpClient = null,
        TimeProvider? timeProvider = null, ILogger? logger = null, OAuthTransport? transport = null) =>
        Prepare(config, GrantKind.ResourceOwnerPassword, httpClient, transport).Map(p => new ResourceOwnerPassword(p.Config, p.Transport, timeProvider, logger));
}
