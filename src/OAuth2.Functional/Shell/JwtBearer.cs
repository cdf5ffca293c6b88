using Microsoft.Extensions.Logging;

namespace OAuth2.Functional;

/// <summary>
/// The JWT bearer grant (RFC 7523 §2.1): a signed JWT assertion, made by the caller, is exchanged for an access token. The
/// assertion is a secret (it is never printed or logged). Client authentication is the configured one.
/// </summary>
public sealed class JwtBearer : GrantClient
{
    private JwtBearer(ValidConfig config, SendHttp send, TimeProvider? timeProvider, ILogger? logger)
        : base(GrantType.JwtBearer.Value, (c, p, o) => ExtensionGrants.Request(c, GrantType.JwtBearer, p, o), config, send, timeProvider, logger) { }

    /// <summary>Validates <paramref name="config"/> and makes a client; the other arguments are as for <see cref="ClientCredentials.Create"/>.</summary>
    public static Either<OAuthError, JwtBearer> Create(OAuthConfig? config, HttpClient? httpClient = null,
        TimeProvider? timeProvider = null, ILogger? logger = null, OAuthTransport? transport = null) =>
        Prepare(config, GrantKind.Extension, httpClient, transport).Map(p => new JwtBearer(p.Config, p.Transport, timeProvider, logger));

    /// <summary>Requests a token for <paramref name="assertion"/> with <paramref name="parameters"/> (usually <c>scope</c>), as
    /// <see cref="ExtensionGrants.JwtBearer"/> builds it. (<see cref="GrantClient.GetTokenAsync"/> without an assertion sends the
    /// parameters as given, so a token source can pass a fresh <c>assertion</c> parameter.)</summary>
    public EitherAsync<OAuthError, AccessToken> GetTokenAsync(Secret? assertion, Parameters? parameters = null,
        RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ExchangeAsync("jwt bearer", ExtensionGrants.JwtBearer(Config, assertion, parameters, requestOptions), Responses.InterpretToken,
            cancellationToken).ToAsync();
}
