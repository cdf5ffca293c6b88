using Microsoft.Extensions.Logging;

namespace OAuth2.Functional;

/// <summary>
/// The token exchange grant (RFC 8693): trade a subject token (and optionally an actor token) for a new token for another
/// audience or resource, with narrower scope, or of another type. The request is a <see cref="TokenExchangeRequest"/>; the
/// result keeps the <c>issued_token_type</c>. Client authentication is the configured one; every request goes through the
/// same guarded send as the other grants.
/// </summary>
public sealed class TokenExchange : GrantClient
{
    private TokenExchange(ValidConfig config, SendHttp send, TimeProvider? timeProvider, ILogger? logger)
        : base(GrantType.TokenExchange.Value, (c, p, o) => ExtensionGrants.Request(c, GrantType.TokenExchange, p, o), config, send, timeProvider, logger) { }

    /// <summary>Validates <paramref name="config"/> and makes a client; the other arguments are as for <see cref="ClientCredentials.Create"/>.</summary>
    public static Either<OAuthError, TokenExchange> Create(OAuthConfig? config, HttpClient? httpClient = null,
        TimeProvider? timeProvider = null, ILogger? logger = null, OAuthTransport? transport = null) =>
        Prepare(config, GrantKind.Extension, httpClient, transport).Map(p => new TokenExchange(p.Config, p.Transport, timeProvider, logger));

    /// <summary>Exchanges a token (RFC 8693 §2): the request as <see cref="TokenExchangeRequests.Exchange"/> builds it, the
    /// response as <see cref="TokenExchangeResponses.Interpret"/> reads it (an error response is a
    /// <see cref="OAuthError.ProtocolError"/>, e.g. <c>invalid_target</c>).</summary>
    public EitherAsync<OAuthError, ExchangedToken> ExchangeAsync(TokenExchangeRequest? request, RequestOptions? requestOptions = null,
        CancellationToken cancellationToken = default) =>
        ExchangeAsync("token exchange", TokenExchangeRequests.Exchange(Config, request, requestOptions), TokenExchangeResponses.Interpret,
            cancellationToken).ToAsync();
}
