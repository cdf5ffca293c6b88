using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace OAuth2.Functional.Hosting;

/// <summary>Registers named OAuth clients and attaches their tokens to <c>HttpClient</c>s.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Adds OAuth client <paramref name="name"/> configured in code; its options are checked at start-up
    /// (every problem listed). Returns the builder of the token endpoint's <c>HttpClient</c>, for resilience handlers, which
    /// also extends the client (see <see cref="OAuth2ClientBuilder"/>).</summary>
    public static OAuth2ClientBuilder AddOAuth2Client(this IServiceCollection services, string name, Action<OAuth2ClientOptions> configure) =>
        services.AddClient(name, b => b.Configure(configure));

    /// <summary>Adds OAuth client <paramref name="name"/> bound to a configuration section (e.g. <c>OAuth2:Clients:api</c>).</summary>
    public static OAuth2ClientBuilder AddOAuth2Client(this IServiceCollection services, string name, IConfiguration section) =>
        services.AddClient(name, b => b.Bind(section));

    private static OAuth2ClientBuilder AddClient(this IServiceCollection services, string name, Action<OptionsBuilder<OAuth2ClientOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        configure(services.AddOptions<OAuth2ClientOptions>(name));
        services.AddOptions<OAuth2ClientOptions>(name).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OAuth2ClientOptions>>(new ClientOptionsValidator(name));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OAuth2Clients>();
        return new OAuth2ClientBuilder(name, services.AddHttpClient(OAuth2Clients.TokenEndpointClientName(name))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All })
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan));
    }

    /// <summary>Attaches the tokens of OAuth client <paramref name="clientName"/> to this <c>HttpClient</c>'s requests
    /// (see <see cref="OAuthTokenHandler"/>). The token goes only to the client's <c>BaseAddress</c> origin, plus any
    /// origins <paramref name="configure"/> adds. A token that cannot be obtained throws <see cref="OAuthTokenException"/>.</summary>
    public static IHttpClientBuilder AddOAuth2Token(this IHttpClientBuilder builder, string clientName,
        Func<OAuthTokenHandlerOptions, OAuthTokenHandlerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var httpName = builder.Name;
        return builder.AddHttpMessageHandler(services =>
        {
            var source = services.GetRequiredService<OAuth2Clients>().TokenSource(clientName)
                .Match(s => s, e => throw new OAuthTokenException(e));
            var factoryOptions = services.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(httpName);
            var options = new OAuthTokenHandlerOptions { AllowedOrigins = BaseAddress(factoryOptions) };
            return new OAuthTokenHandler(source, configure is null ? options : configure(options));
        });
    }

    /// <summary>The BaseAddress the client's own configuration actions set, found by running them on a scratch client.</summary>
    private static Seq<Uri> BaseAddress(HttpClientFactoryOptions options)
    {
        using var probe = new HttpClient();
        foreach (var action in options.HttpClientActions) action(probe);
        return probe.BaseAddress is { } b ? Seq1(b) : Seq<Uri>();
    }
}
