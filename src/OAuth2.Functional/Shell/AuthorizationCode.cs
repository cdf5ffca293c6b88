using Microsoft.Extensions.Logging;

namespace OAuth2.Functional;

/// <summary>The authorization code grant (RFC 6749 §4.1), simple-oauth2's <c>AuthorizationCode</c>.</summary>
public sealed class AuthorizationCode : GrantClient
{
    private AuthorizationCode(ValidConfig config, SendHttp send, TimeProvider? timeProvider, ILogger? logger)
        : base("authorization_code", config, send, timeProvider, logger) { }

    /// <summary>Validates <paramref name="config"/> for this grant (every problem reported at once) and makes a client.
    /// It sends over <paramref name="httpClient"/> (redirects should be off), or over one shared client with redirects off
    /// when none is given, or through <paramref name="transport"/> (give one or the other, not both).
    /// <paramref name="timeProvider"/> is the clock (default: the system's); <paramref name="logger"/> gets debug lines
    /// without secrets.</summary>
    public static Either<OAuthError, AuthorizationCode> Create(OAuthConfig? config, HttpClient? httpClient = null,
        TimeProvider? timeProvider = null, ILogger? logger = null, OAuthTransport? transport = null) =>
        Prepare(config, GrantKind.AuthorizationCode, httpClient, transport).Map(p => new AuthorizationCode(p.Config, p.Transport, timeProvider, logger));

    /// <summary>The URL to send the user agent to: <c>response_type=code</c>, the client id, then <paramref name="parameters"/>
    /// (<c>redirect_uri</c>, <c>scope</c>, <c>state</c>, <c>code_challenge</c>, …), as its exact text (see <see cref="AuthorizeUrls.Build"/>).</summary>
    public Either<OAuthError, string> AuthorizeUrl(Parameters? parameters = null) => AuthorizeUrls.Build(Config, parameters);
}
