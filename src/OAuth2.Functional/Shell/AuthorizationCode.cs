using Microsoft.Extensions.Logging;

namespace OAuth2.Functional;

/// <summary>The authorization code grant (RFC 6749 §4.1), simple-oauth2's <c>AuthorizationCode</c>.</summary>
public sealed class AuthorizationCode : GrantClient
{
    private AuthorizationCode(ValidConfig config, SendHttp send, TimeProvider? clock, ILogger? logger)
        : base("authorization_code", config, send, clock, logger) { }

    /// <summary>Validates <paramref name="config"/> for this grant (every problem reported) and makes a client over
    /// <paramref name="httpClient"/>, or over a shared client with redirects off.</summary>
    public static Either<OAuthError, AuthorizationCode> Create(OAuthConfig config, HttpClient? httpClient = null,
        TimeProvider? clock = null, ILogger? logger = null) =>
        Prepare(config, GrantKind.AuthorizationCode, httpClient, null).Map(p => new AuthorizationCode(p.Config, p.Transport, clock, logger));

    /// <summary>Validates <paramref name="config"/> and makes a client that sends through <paramref name="transport"/>.</summary>
    public static Either<OAuthError, AuthorizationCode> Create(OAuthConfig config, OAuthTransport transport,
        TimeProvider? clock = null, ILogger? logger = null) =>
        Prepare(config, GrantKind.AuthorizationCode, null, transport).Map(p => new AuthorizationCode(p.Config, p.Transport, clock, logger));


    /// <summary>The URL to send the user agent to: <c>response_type=code</c>, the client id, then <paramref name="parameters"/>
    /// (<c>redirect_uri</c>, <c>scope</c>, <c>state</c>, <c>code_challenge</c>, …). The exact text is <see cref="Uri.OriginalString"/>.</summary>
    public Either<OAuthError, Uri> AuthorizeUrl(Parameters? parameters = null) => AuthorizeUrls.Build(Config, parameters);
}
