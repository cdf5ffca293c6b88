using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OAuth2.Functional;

/// <summary>
/// What every grant client shares: refresh, revoke, revoke-all, restoring a stored token and the expiry check. Each
/// call is validate → build (pure) → send (the only effect) → interpret (pure, with the clock read once when the
/// response arrives). Nothing here throws: every failure is a <c>Left</c>.
/// </summary>
public abstract class GrantClient
{
    private readonly SendHttp send;
    private readonly TimeProvider clock;
    private readonly ILogger logger;

    private readonly string grantType;

    private protected GrantClient(string grantType, ValidConfig config, SendHttp send, TimeProvider? clock, ILogger? logger)
    {
        this.grantType = grantType;
        Config = config;
        this.send = send;
        this.clock = clock ?? TimeProvider.System;
        this.logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The validated configuration, with its resolved endpoint URLs.</summary>
    public ValidConfig Config { get; }

    /// <summary>The clock and logger this client was made with (token sources over it share them).</summary>
    internal TimeProvider Time => clock;
    internal ILogger Logger => logger;
    internal string GrantType => grantType;

    /// <summary>Requests a token with this client's grant: <c>grant_type</c> first, then <paramref name="parameters"/>
    /// (client credentials: <c>scope</c>; password: <c>username</c>, <c>password</c>, <c>scope</c>; authorization code:
    /// <c>code</c>, <c>redirect_uri</c>, <c>code_verifier</c>). Generic code over any grant can call it on <see cref="GrantClient"/>.</summary>
    public EitherAsync<OAuthError, AccessToken> GetTokenAsync(Parameters? parameters = null, RequestOptions? requestOptions = null,
        CancellationToken cancellationToken = default) =>
        TokenAsync(grantType, TokenRequests.ForGrant(Config, grantType, parameters, requestOptions), cancellationToken, null).ToAsync();

    /// <summary>Restores a token from JSON (simple-oauth2's <c>createToken</c>), e.g. one stored with <see cref="AccessToken.ToJson"/>.</summary>
    public Either<OAuthError, AccessToken> CreateToken(string? json) => AccessToken.FromJson(json, clock.GetUtcNow());

    /// <summary>True when the token expires within <paramref name="window"/> of the client's clock (edge inclusive).
    /// A token without expiry never expires; a <c>null</c> token counts as expired.</summary>
    public bool IsExpired(AccessToken? token, TimeSpan window = default) => token?.IsExpired(clock.GetUtcNow(), window) ?? true;

    /// <summary>Refreshes a token. The result is a new token built from the response; when the response has no
    /// <c>refresh_token</c>, the old one is kept.</summary>
    public EitherAsync<OAuthError, AccessToken> RefreshAsync(AccessToken? token, Parameters? parameters = null,
        RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        TokenAsync("refresh", TokenRequests.Refresh(Config, token, parameters, requestOptions), cancellationToken, token).ToAsync();

    /// <summary>Revokes the access or the refresh token (RFC 7009). Any 2xx answer is success.</summary>
    public EitherAsync<OAuthError, Unit> RevokeAsync(AccessToken? token, TokenKind kind, RequestOptions? requestOptions = null,
        CancellationToken cancellationToken = default) =>
        from request in TokenRequests.Revoke(Config, token, kind, requestOptions).ToAsync()
        from response in SendAsync("revoke " + TokenRequests.Hint(kind), request, cancellationToken)
        from result in Log("revoke " + TokenRequests.Hint(kind), Responses.InterpretRevocation(response)).ToAsync()
        select result;

    /// <summary>Asks the server whether the access or refresh token is active (RFC 7662 introspection).</summary>
    public EitherAsync<OAuthError, Introspection> IntrospectAsync(AccessToken? token, TokenKind kind = TokenKind.AccessToken,
        RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        from request in TokenRequests.Introspect(Config, token, kind, requestOptions).ToAsync()
        from response in SendAsync("introspect " + TokenRequests.Hint(kind), request, cancellationToken)
        from result in Log("introspect " + TokenRequests.Hint(kind), Responses.InterpretIntrospection(response)).ToAsync()
        select result;

    /// <summary>Revokes the access token, then the refresh token if there is one; stops at the first failure.</summary>
    public EitherAsync<OAuthError, Unit> RevokeAllAsync(AccessToken? token, RequestOptions? requestOptions = null,
        CancellationToken cancellationToken = default) =>
        from access in RevokeAsync(token, TokenKind.AccessToken, requestOptions, cancellationToken)
        from refresh in token is not null && token.RefreshToken.IsSome
            ? RevokeAsync(token, TokenKind.RefreshToken, requestOptions, cancellationToken)
            : RightAsync<OAuthError, Unit>(unit)
        select unit;

    /// <summary>Build → send → interpret; for a refresh (<paramref name="refreshed"/> given), a response without a
    /// <c>refresh_token</c> keeps the old one.</summary>
    private async Task<Either<OAuthError, AccessToken>> TokenAsync(string operation, Either<OAuthError, HttpRequestSpec> request, CancellationToken ct,
        AccessToken? refreshed)
    {
        if (request.Case is OAuthError invalid) return Log(operation, Left<OAuthError, AccessToken>(invalid));
        var spec = (HttpRequestSpec)request.Case!;
        LogSend(operation, spec);
        Either<OAuthError, HttpResponseSpec> response;
        try
        {
            response = await send(spec, ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            response = Caught(e, ct);
        }
        if (response.Case is OAuthError failed) return Log(operation, Left<OAuthError, AccessToken>(failed));
        var token = Responses.InterpretToken((HttpResponseSpec)response.Case!, clock.GetUtcNow());
        return Log(operation, refreshed is null ? token : token.Map(fresh => KeepRefreshToken(fresh, refreshed)));
    }

    private static AccessToken KeepRefreshToken(AccessToken fresh, AccessToken old) =>
        fresh.RefreshToken.IsNone && old.RefreshToken.Case is Secret previous ? fresh.WithRefreshToken(previous) : fresh;

    private EitherAsync<OAuthError, HttpResponseSpec> SendAsync(string operation, HttpRequestSpec request, CancellationToken ct) =>
        SendCoreAsync(operation, request, ct).ToAsync();

    private Task<Either<OAuthError, HttpResponseSpec>> SendCoreAsync(string operation, HttpRequestSpec request, CancellationToken ct)
    {
        LogSend(operation, request);
        return Guarded(request, ct);
    }

    private void LogSend(string operation, HttpRequestSpec request)
    {
        if (logger.IsEnabled(LogLevel.Debug))
            logger.LogDebug("OAuth2.Functional {Operation}: POST {Endpoint}", operation, request.Url.GetLeftPart(UriPartial.Path));
    }

    private async Task<Either<OAuthError, HttpResponseSpec>> Guarded(HttpRequestSpec request, CancellationToken ct)
    {
        try
        {
            return await send(request, ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return Caught(e, ct);
        }
    }

    /// <summary>A transport that throws anyway (a caller's own): the caller's cancellation, or a transport failure.</summary>
    private static OAuthError Caught(Exception e, CancellationToken ct) =>
        e is OperationCanceledException && ct.IsCancellationRequested
            ? new OAuthError.Cancelled()
            : new OAuthError.TransportFailure(e.Message, e.GetType().Name);

    private Either<OAuthError, T> Log<T>(string operation, Either<OAuthError, T> outcome)
    {
        if (!logger.IsEnabled(LogLevel.Debug)) return outcome;
        outcome.Match(
            _ => logger.LogDebug("OAuth2.Functional {Operation}: succeeded", operation),
            e => logger.LogDebug("OAuth2.Functional {Operation}: failed with {Code}, status {Status}", operation, e.Code,
                e.StatusCode.Match(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture), () => "none")));
        return outcome;
    }

    /// <summary>Validates the configuration and picks the transport: a given one, else one over the given or shared client.</summary>
    private protected static Either<OAuthError, (ValidConfig Config, SendHttp Transport)> Prepare(
        OAuthConfig? config, GrantKind grant, HttpClient? httpClient, OAuthTransport? transport) =>
        ConfigValidation.Validate(config, grant).Map(valid => (valid, transport is null
            ? HttpClientTransport.Sender(httpClient, valid.Config.Http)
            : (request, ct) => transport(request, ct).ToEither()));
}
