using Microsoft.Extensions.DependencyInjection;
using OAuth2.Functional.Hosting;

namespace OAuth2.Functional.Tests.Hosting;

/// <summary>The extension hook of the hosting package (what OAuth2.Functional.Redis's <c>UseRedis</c> uses): a token-source
/// factory per client name gets the parts built from the validated options, and its result is the client's source. Pure
/// wiring: no request is sent.</summary>
public class TokenSourceFactoryTests
{
    private static OAuth2ClientBuilder Api(IServiceCollection services, string name = "api") =>
        services.AddOAuth2Client(name, o =>
        {
            o.ClientId = "svc";
            o.ClientSecret = "svc-secret";
            o.TokenHost = "https://as.example";
            o.Scope = "api";
            o.Parameters["audience"] = "orders";
            o.Skew = TimeSpan.FromSeconds(7);
        });

    [Fact]
    public void The_builder_knows_the_client_name_and_is_the_token_endpoints_http_client_builder()
    {
        var builder = Api(new ServiceCollection());
        Assert.Equal("api", builder.ClientName);
        Assert.Equal(OAuth2Clients.TokenEndpointClientName("api"), builder.Name);
    }

    [Fact]
    public void A_factory_gets_the_parts_of_its_own_client_once_and_its_source_is_the_clients()
    {
        var services = new ServiceCollection();
        var calls = new List<OAuth2TokenSourceParts>();
        Api(services).WithTokenSourceFactory(_ => parts =>
        {
            calls.Add(parts);
            return TokenSource.Create(parts.Client, parts.Parameters, parts.Options with { Name = "made-by-factory" });
        });
        Api(services, "other");
        using var provider = services.BuildServiceProvider();
        var clients = provider.GetRequiredService<OAuth2Clients>();

        var source = clients.TokenSource("api").Match(s => s, e => throw new InvalidOperationException(e.ToString()));
        Assert.Same(source, clients.TokenSource("api").Match(s => s, e => throw new InvalidOperationException(e.ToString())));
        Assert.Equal("made-by-factory", source.Name);
        var parts = Assert.Single(calls);
        Assert.Equal("api", parts.Name);
        Assert.Equal(new Uri("https://as.example/oauth/token"), parts.Client.Config.TokenUrl);
        Assert.Equal(new[] { "audience", "scope" }, parts.Parameters.Items.Map(i => i.Name).ToArray());
        Assert.Equal(TimeSpan.FromSeconds(7), parts.Options.Renewal.Skew);
        Assert.DoesNotContain("svc-secret", parts.ToString());

        Assert.Equal("other", clients.TokenSource("other").Match(s => s.Name, e => e.ToString())); // the default, untouched
        Assert.Single(calls);
    }

    [Fact]
    public void A_factorys_Left_is_what_the_client_gives()
    {
        var services = new ServiceCollection();
        Api(services).WithTokenSourceFactory(_ => _ => OAuthError.Argument("store", "is not there"));
        using var provider = services.BuildServiceProvider();
        var error = provider.GetRequiredService<OAuth2Clients>().TokenSource("api").Match(_ => null!, e => e);
        Assert.Equal("store", Assert.IsType<OAuthError.InvalidArgument>(error).Name);
    }
}
