using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace OAuth2.Functional.Hosting;

/// <summary>
/// The named clients' token sources, made once per name from the validated options: the token endpoint is reached
/// through the named <c>HttpClient</c> <see cref="TokenEndpointClientName"/> from <see cref="IHttpClientFactory"/>
/// (add resilience handlers to it), and the clock and logger come from the container.
/// </summary>
public sealed class OAuth2Clients
{
    private readonly IOptionsMonitor<OAuth2ClientOptions> options;
    private readonly IHttpClientFactory http;
    private readonly TimeProvider clock;
    private readonly ILoggerFactory loggers;
    private readonly IOptionsMonitor<OAuth2TokenSourceFactoryOptions>? factories;
    private readonly ConcurrentDictionary<string, Lazy<Either<OAuthError, TokenSource>>> sources = new();

    /// <summary>Made by the container; <paramref name="factories"/> hold the token-source factories set per client name
    /// with <see cref="OAuth2ClientBuilder.WithTokenSourceFactory"/>.</summary>
    public OAuth2Clients(IOptionsMonitor<OAuth2ClientOptions> options, IHttpClientFactory http, TimeProvider? clock = null, ILoggerFactory? loggers = null,
        IOptionsMonitor<OAuth2TokenSourceFactoryOptions>? factories = null)
    {
        this.options = options;
        this.http = http;
        this.clock = clock ?? TimeProvider.System;
        this.loggers = loggers ?? NullLoggerFactory.Instance;
        this.factories = factories;
    }

    /// <summary>The name of the <c>HttpClient</c> that carries a client's token requests.</summary>
    public static string TokenEndpointClientName(string name) => "OAuth2.Functional.TokenEndpoint." + name;

    /// <summary>The token source of client <paramref name="name"/> (the same one on every call), or why there is none.</summary>
    public Either<OAuthError, TokenSource> TokenSource(string name) =>
        sources.GetOrAdd(name, n => new Lazy<Either<OAuthError, TokenSource>>(() => Guarded(n))).Value;

    // A token-source factory (e.g. UseRedis) or an options callback that throws becomes a Left, never an exception that
    // the Lazy would then rethrow on every call. Only the exception's type is named: its message may quote a secret.
    private Either<OAuthError, TokenSource> Guarded(string name)
    {
        try
        {
            return Make(name);
        }
        catch (Exception e)
        {
            return Left<OAuthError, TokenSource>(OAuthError.Config(Seq1(new ConfigProblem(name,
                $"could not be made: its options or token-source factory threw {e.GetType().Name}"))));
        }
    }

    private Either<OAuthError, TokenSource> Make(string name)
    {
        var o = options.Get(name);
        var logger = loggers.CreateLogger("OAuth2.Functional." + name);
        var sourceOptions = new TokenSourceOptions { Name = name, Renewal = ClientOptionsMapping.Renewal(o), TimeProvider = clock, Logger = logger };
        OAuth2TokenSourceFactory factory = factories?.Get(name).Factory ?? (p => OAuth2.Functional.TokenSource.Create(p.Client, p.Parameters, p.Options));
        return from mapped in ClientOptionsMapping.Config(o)
               from dpop in o.DPoP ? DPoPKey.Generate().Map(Optional) : Right<OAuthError, Option<DPoPKey>>(None)
               let config = mapped with { DPoP = dpop.MatchUnsafe(k => k, () => null) }
               let transport = (OAuthTransport)((request, ct) => HttpClientTransport.Create(http.CreateClient(TokenEndpointClientName(name)), config.Http)(request, ct))
               from grant in ClientOptionsMapping.Grant(o)
               from client in grant == GrantKind.ResourceOwnerPassword
                   ? ResourceOwnerPassword.Create(config, null, clock, logger, transport).Map(c => (GrantClient)c)
                   : ClientCredentials.Create(config, null, clock, logger, transport).Map(c => (GrantClient)c)
               from source in factory(new OAuth2TokenSourceParts(name, client, ClientOptionsMapping.Parameters(o), sourceOptions))
               select source;
    }
}
