using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OAuth2.Functional;

/// <summary>
/// What every grant client shares: getting a token with its grant, refresh, revoke, revoke-all, introspection,
/// restoring a stored token and the expiry check. Generic code over any grant takes a <see cref="GrantClient"/>. Every
/// operation goes one way: validate → build (pure) → one guarded send → interpret (pure, with the clock read once when
/// the response arrives). Nothing here throws: every failure is a <c>Left</c>.
/// </summary>
public abstract class GrantClient
{
    private readonly string grantType;
    private readonly Func<ValidConfig, Parameters?, RequestOptions?, Either<OAuthError, HttpRequestSpec>> build;
    private readonly GuardedSend send;
    private readonly TimeProvider clock;
    private readonly ILogger logger;

    private protected GrantClient(string grantType, ValidConfig config, SendHttp send, TimeProvider? timeProvider, ILogger? logger)
        : this(grantType, (c, p, o) => TokenRequests.ForGrant(c, grantType, p, o), config, send, timeProvider, logger) { }

    /// <summary>A client whose <see cref="GetTokenAsync"/> builds its request with <paramref name="build"/> (the extension grants,
    /// which refuse parameters that would change the grant type or the client credentials).</summary>
    private protected GrantClient(string grantType, Func<ValidConfig, Parameters?, RequestOptions?, Either<OAuthError, HttpRequestSpec>> build,
        ValidConfig config, SendHttp send, TimeProvider? timeProvider, ILogger? logger)
    {
        this.grantType = grantType;
        this.build = build;
        Config = config;
        clock = timeProvider ?? TimeProvider.System;
        this.logger = logger ?? NullLogger.Instance;
        this.send = new GuardedSend(send, clock, this.logger);
    }

    /// <summary>The validated configuration, with its resolved endpoint URLs.</summary>
    public ValidConfig Config { get; }

    /// <summary>The clock and logger this client was made with (token sources over it share them).</summary>
    internal TimeProvider Time => clock;
    internal ILogger Logger => logger;

    /// <summary>Requests a token with this client's grant: <c>grant_type</c> first, then <paramref name="parameters"/>
    /// (client credentials: <c>scope</c>; password: <c>username</c>, <c>password</c>, <c>scope</c>; authorization code:
    /// <c>code</c>, <c>redirect_uri</c>, <c>code_verifier</c>). Generic code over any grant can call it on <see cref="GrantClient"/>.</summary>
    public EitherAsync<OAuthError, AccessToken> GetTokenAsync(Parameters? parameters = null, RequestOptions? requestOptions = null,
        CancellationToken cancellationToken = default) =>
        send.ExchangeAsync(grantType, build(Config, parameters, requestOptions), InterpretToken, cancellationToken).ToAsync();

    /// <summary>Restores a token from JSON (simple-oauth2's <c>createToken</c>), e.g. one stored with <see cref="AccessToken.ToJson"/>.</summary>
    public Either<OAuthError, AccessToken> CreateToken(string? json) => AccessToken.FromJson(json, clock.GetUtcNow());

    /// <summary>True when the token expires within <paramref name="window"/> of the client's clock (edge inclusive).
    /// A token without expiry never expires; a <c>null</c> token counts as expired.</summary>
    public bool IsExpired(AccessToken? token, TimeSpan window = default) => token?.IsExpired(clock.GetUtcNow(), window) ?? true;

    /// <summary>Refreshes a token. The result is a new token built from the response; what the response leaves out is
    /// carried over: the old <c>refresh_token</c> (no rotation), and for <c>scope</c> the scope this refresh asked for
    /// (RFC 6749 §5.1), or the old token's when it asked for none (§6: the scope originally granted).</summary>
    public EitherAsync<OAuthError, AccessToken> RefreshAsync(AccessToken? token, Parameters? parameters = null,
        RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        send.ExchangeAsync("refresh", TokenRequests.Refresh(Config, token, parameters, requestOptions),
            (response, receivedAt) => Responses.InterpretToken(response, receivedAt).Map(fresh => fresh.CarryOver(token, RequestedScope(parameters))),
            cancellationToken).ToAsync();

    /// <summary>Revokes the access or the refresh token (RFC 7009). Any 2xx answer is success.</summary>
    public EitherAsync<OAuthError, Unit> RevokeAsync(AccessToken? token, TokenKind kind, RequestOptions? requestOptions = null,
        CancellationToken cancellationToken = default) =>
        send.ExchangeAsync("revoke " + TokenRequests.Hint(kind), TokenRequests.Revoke(Config, token, kind, requestOptions),
            static (response, _) => Responses.InterpretRevocation(response), cancellationToken).ToAsync();

    /// <summary>Asks the server whether the access or refresh token is active (RFC 7662 introspection).</summary>
    public EitherAsync<OAuthError, Introspection> IntrospectAsync(AccessToken? token, TokenKind kind = TokenKind.AccessToken,
        RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        send.ExchangeAsync("introspect " + TokenRequests.Hint(kind), TokenRequests.Introspect(Config, token, kind, requestOptions),
            static (response, _) => Responses.InterpretIntrospection(response), cancellationToken).ToAsync();

    /// <summary>Revokes the refresh token first (the long-lived one), then the access token, always attempting both.
    /// <c>Right</c> only when every revocation succeeded; otherwise <see cref="OAuthError.RevocationFailed"/> lists each
    /// failure with its token kind. (simple-oauth2 revokes the access token first and stops at the first failure, which can
    /// leave the refresh token alive.)</summary>
    public EitherAsync<OAuthError, Unit> RevokeAllAsync(AccessToken? token, RequestOptions? requestOptions = null,
        CancellationToken cancellationToken = default) =>
        RevokeAllCoreAsync(token, requestOptions, cancellationToken).ToAsync();

    private async Task<Either<OAuthError, Unit>> RevokeAllCoreAsync(AccessToken? token, RequestOptions? requestOptions, CancellationToken ct)
    {
        if (token is null) return OAuthError.Argument("token", "is required");
        var kinds = token.RefreshToken.IsSome ? Seq(TokenKind.RefreshToken, TokenKind.AccessToken) : Seq1(TokenKind.AccessToken);
        var failures = Seq<TokenRevocationFailure>();
        foreach (var kind in kinds)
        {
            if (ct.IsCancellationRequested) return new OAuthError.Cancelled();
            var outcome = await RevokeAsync(token, kind, requestOptions, ct).ToEither().ConfigureAwait(false);
            failures = outcome.Match(_ => failures, e => failures.Add(new TokenRevocationFailure(kind, e)));
        }
        if (ct.IsCancellationRequested && failures.Exists(f => f.Error is OAuthError.Cancelled)) return new OAuthError.Cancelled();
        return failures.IsEmpty ? Right<OAuthError, Unit>(unit) : Left<OAuthError, Unit>(new OAuthError.RevocationFailed(failures));
    }

    private Option<string> RequestedScope(Parameters? parameters) =>
        Optional(parameters).Bind(p => p.Items.Find(i => i.Name == "scope")).Bind(i => Optional(i.Value))
            .Map(v => v.Render(Config.Config.Options.ScopeSeparator));

    /// <summary>The one guarded send, for operations that live in derived clients (device authorization, …).</summary>
    private protected Task<Either<OAuthError, T>> ExchangeAsync<T>(string operation, Either<OAuthError, HttpRequestSpec> request,
        Func<HttpResponseSpec, DateTimeOffset, Either<OAuthError, T>> interpret, CancellationToken cancellationToken) =>
        send.ExchangeAsync(operation, request, interpret, cancellationToken);

    /// <summary>The client's clock, for operations that wait (device polling).</summary>
    private protected TimeProvider Clock => clock;

    private static Either<OAuthError, AccessToken> InterpretToken(HttpResponseSpec response, DateTimeOffset receivedAt) =>
        Responses.InterpretToken(response, receivedAt);

    /// <summary>Validates the configuration and picks the transport: a given one, else one over the given or shared client.</summary>
    private protected static Either<OAuthError, (ValidConfig Config, SendHttp Transport)> Prepare(
        OAuthConfig? config, GrantKind grant, HttpClient? httpClient, OAuthTransport? transport) =>
        httpClient is not null && transport is not null
            ? OAuthError.Argument("transport", "give an HttpClient or a transport, not both")
            : ConfigValidation.Validate(config, grant).Map(valid => (valid, transport is null
                ? HttpClientTransport.Sender(httpClient, valid.Config.Http)
                : GuardedSend.FromTransport(transport)));
}
