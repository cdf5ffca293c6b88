using Microsoft.Extensions.DependencyInjection;

namespace OAuth2.Functional.Hosting;

/// <summary>
/// What <c>AddOAuth2Client</c> returns: the builder of the client's token-endpoint <c>HttpClient</c> (add resilience
/// handlers to it as to any <see cref="IHttpClientBuilder"/>), which also knows the OAuth client's name, so that packages
/// can extend the client itself (e.g. <c>UseRedis</c> in OAuth2.Functional.Redis). Call such extensions before
/// extensions that return a plain <see cref="IHttpClientBuilder"/>.
/// </summary>
public sealed class OAuth2ClientBuilder : IHttpClientBuilder
{
    private readonly IHttpClientBuilder http;

    internal OAuth2ClientBuilder(string clientName, IHttpClientBuilder http)
    {
        ClientName = clientName;
        this.http = http;
    }

    /// <summary>The OAuth client's name (as given to <c>AddOAuth2Client</c>).</summary>
    public string ClientName { get; }

    /// <summary>The name of the token endpoint's <c>HttpClient</c> (<see cref="OAuth2Clients.TokenEndpointClientName"/>).</summary>
    public string Name => http.Name;

    /// <summary>The service collection.</summary>
    public IServiceCollection Services => http.Services;

    /// <summary>Replaces how this client's <see cref="TokenSource"/> is made (see <see cref="OAuth2TokenSourceFactory"/>);
    /// the last call wins. The extension point for packages that change where tokens come from.</summary>
    public OAuth2ClientBuilder WithTokenSourceFactory(Func<IServiceProvider, OAuth2TokenSourceFactory> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.AddOptions<OAuth2TokenSourceFactoryOptions>(ClientName).Configure<IServiceProvider>((o, sp) => o.Factory = factory(sp));
        return this;
    }
}
