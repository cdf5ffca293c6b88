using Microsoft.Extensions.Logging;

namespace OAuth2.Functional;

/// <summary>The resource owner password credentials grant (RFC 6749 §4.3), simple-oauth2's <c>ResourceOwnerPassword</c>.</summary>
public sealed class ResourceOwnerPassword : GrantClient
{
    private ResourceOwnerPassword(ValidConfig config, SendHttp send, TimeProvider? clock, ILogger? logger)
        : base("password", config, send, clock, logger) { }

    /// <summary>Validates <paramref name="config"/> for this grant (every problem reported) and makes a client over
    /// <paramref name="httpClient"/>, or over a shared client with redirects off.</summary>
    public static Either<OAuthError, ResourceOwnerPassword> Create(OAuthConfig config, HttpClient? httpClient = null,
        TimeProvider? clock = null, ILogger? logger = null) =>
        Prepare(config, GrantKind.ResourceOwnerPassword, httpClient, null).Map(p => new ResourceOwnerPassword(p.Config, p.Transport, clock, logger));

    /// <summary>Validates <paramref name="config"/> and makes a client that sends through <paramref name="transport"/>.</summary>
    public static Either<OAuthError, ResourceOwnerPassword> Create(OAuthConfig config, OAuthTransport transport,
        TimeProvider? clock = null, ILogger? logger = null) =>
        Prepare(config, GrantKind.ResourceOwnerPassword, null, transport).Map(p => new ResourceOwnerPassword(p.Config, p.Transport, clock, logger));
}
