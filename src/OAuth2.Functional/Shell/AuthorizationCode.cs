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

    /// <summary>Pushes the authorization parameters to the server (RFC 9126 §2) with the client's authentication: the
    /// <c>request_uri</c> to refer to them, and its expiry. Needs <see cref="AuthSettings.PushedAuthorizationPath"/>. The
    /// parameters are those of <see cref="AuthorizeUrl"/>; they travel in a POST body, not through the user agent.</summary>
    public EitherAsync<OAuthError, PushedAuthorization> PushAuthorizationAsync(Parameters? parameters = null, RequestOptions? requestOptions = null,
        CancellationToken cancellationToken = default) =>
        ExchangeAsync("pushed authorization request", PushedAuthorizationRequests.Push(Config, parameters, requestOptions),
            PushedAuthorizationRequests.Interpret, cancellationToken).ToAsync();

    /// <summary>The authorize URL after a push: only the client id and the <c>request_uri</c> (see <see cref="AuthorizeUrls.Pushed"/>).</summary>
    public Either<OAuthError, string> PushedAuthorizeUrl(PushedAuthorization? pushed) => AuthorizeUrls.Pushed(Config, pushed);

    /// <summary>The URL to send the user agent to, pushing first when the server requires it: with
    /// <see cref="AuthSettings.RequirePushedAuthorizationRequests"/> (set from the metadata's
    /// <c>require_pushed_authorization_requests</c> by <see cref="Discovery.ConfigFor"/>) the parameters are pushed and the URL
    /// carries only the client id and the <c>request_uri</c>; otherwise it is <see cref="AuthorizeUrl"/>, with no request.</summary>
    public EitherAsync<OAuthError, string> AuthorizeUrlAsync(Parameters? parameters = null, RequestOptions? requestOptions = null,
        CancellationToken cancellationToken = default) =>
        Config.Config.Auth.RequirePushedAuthorizationRequests
            ? PushAuthorizationAsync(parameters, requestOptions, cancellationToken).Bind(pushed => PushedAuthorizeUrl(pushed).ToAsync())
            : AuthorizeUrl(parameters).ToAsync();
}
