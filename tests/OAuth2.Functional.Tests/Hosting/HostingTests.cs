using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OAuth2.Functional.DevServer;
using OAuth2.Functional.Hosting;
using OAuth2.Functional.Tests.Lifecycle;

namespace OAuth2.Functional.Tests.Hosting;

/// <summary>The DI package against the DevServer: clients from code and from configuration, start-up validation, the
/// token endpoint's named HttpClient, the container's clock, and the handler on an <c>AddHttpClient</c> client.</summary>
[Collection("lifecycle-server")]
public sealed class HostingTests : IDisposable
{
    private readonly DevAuthorizationServer server;

    public HostingTests(LifecycleServerFixture fixture)
    {
        server = fixture.Server;
        server.TokenEndpoint.Reset();
    }

    public void Dispose() => server.TokenEndpoint.Reset();

    private sealed class Counting : DelegatingHandler
    {
        public int Sent;
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Sent);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private void Api(OAuth2ClientOptions o)
    {
        o.ClientId = server.Confidential.Id;
        o.ClientSecret = server.Confidential.Secret;
        o.TokenHost = server.BaseUri.AbsoluteUri;
        o.Scope = "api";
        o.Skew = TimeSpan.FromMilliseconds(200);
    }

    [Fact]
    public async Task A_client_from_code_attaches_tokens_through_the_factory_clients_with_the_containers_clock()
    {
        var counting = new Counting();
        var clock = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);
        services.AddOAuth2Client("api", Api).AddHttpMessageHandler(() => counting);
        services.AddHttpClient("resource", c => c.BaseAddress = server.BaseUri).AddOAuth2Token("api");
        await using var provider = services.BuildServiceProvider();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("resource");

        for (var i = 0; i < 3; i++)
        {
            using var response = await http.GetAsync(ResourceEndpoint.Path.TrimStart('/'));
            Assert.Equal("ok 0", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(1, counting.Sent); // the token request went through the named factory client, once
        clock.Advance(TimeSpan.FromSeconds(5)); // the container's clock decides expiry
        using (var again = await http.GetAsync(ResourceEndpoint.Path.TrimStart('/'))) Assert.True(again.IsSuccessStatusCode);
        Assert.Equal(2, counting.Sent);
        Assert.Equal(2, server.TokenEndpoint.Total);

        await Assert.ThrowsAsync<OAuthTokenException>(() => http.GetAsync(new UriBuilder(server.ResourceUri) { Host = "localhost" }.Uri));
    }

    [Fact]
    public async Task A_client_from_a_configuration_section_works()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OAuth2:Clients:api:ClientId"] = server.Confidential.Id,
            ["OAuth2:Clients:api:ClientSecret"] = server.Confidential.Secret,
            ["OAuth2:Clients:api:TokenHost"] = server.BaseUri.AbsoluteUri,
            ["OAuth2:Clients:api:Scope"] = "api",
            ["OAuth2:Clients:api:Skew"] = "00:00:00.2",
        }).Build();
        var services = new ServiceCollection();
        services.AddOAuth2Client("api", configuration.GetSection("OAuth2:Clients:api"));
        await using var provider = services.BuildServiceProvider();
        var source = provider.GetRequiredService<OAuth2Clients>().TokenSource("api").Match(s => s, e => throw new Xunit.Sdk.XunitException(e.ToString()));
        Assert.Same(source, provider.GetRequiredService<OAuth2Clients>().TokenSource("api").Match(s => s, e => throw new Xunit.Sdk.XunitException(e.ToString())));
        var token = TestSupport.Right(await source.GetTokenAsync());
        Assert.Equal("api", TokenSourceTests.ScopeClaim(token));
    }

    [Fact]
    public async Task A_private_key_jwt_client_with_dpop_from_configuration_reaches_the_dpop_resource()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OAuth2:Clients:jwt:ClientId"] = server.EcKeyClient.Id,
            ["OAuth2:Clients:jwt:AuthenticationMethod"] = "private_key_jwt",
            ["OAuth2:Clients:jwt:PrivateKey"] = server.EcKeyClient.PrivateKeyPem,
            ["OAuth2:Clients:jwt:SigningAlgorithm"] = "ES256",
            ["OAuth2:Clients:jwt:Issuer"] = server.Issuer,
            ["OAuth2:Clients:jwt:DPoP"] = "true",
            ["OAuth2:Clients:jwt:TokenHost"] = server.BaseUri.AbsoluteUri,
        }).Build();
        var services = new ServiceCollection();
        services.AddOAuth2Client("jwt", configuration.GetSection("OAuth2:Clients:jwt"));
        services.AddHttpClient("dpop", c => c.BaseAddress = server.BaseUri).AddOAuth2Token("jwt");
        await using var provider = services.BuildServiceProvider();
        Assert.DoesNotContain("PRIVATE KEY", provider.GetRequiredService<IOptionsMonitor<OAuth2ClientOptions>>().Get("jwt").ToString());
        using var response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient("dpop").GetAsync(server.DPoPResourceUri);
        Assert.Equal("ok dpop", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_jwt_method_without_a_usable_key_fails_at_start_up_naming_the_field()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddOAuth2Client("jwt", o =>
        {
            o.ClientId = "c";
            o.TokenHost = "https://as.example";
            o.AuthenticationMethod = "private_key_jwt";
            o.PrivateKey = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----";
        });
        using var host = builder.Build();
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("\"privateKey\"", string.Join("\n", e.Failures));
    }

    [Fact]
    public async Task Start_up_fails_listing_every_problem_of_the_configuration()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddOAuth2Client("broken", o =>
        {
            o.Grant = "implicit";
            o.TokenHost = "not a url";
            o.Skew = TimeSpan.FromSeconds(-1);
            o.AheadFraction = 2;
        });
        using var host = builder.Build();
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        var text = string.Join("\n", e.Failures);
        Assert.Contains("\"grant\"", text);
        Assert.Contains("\"client.id\"", text);
        Assert.Contains("\"auth.tokenHost\"", text);
        Assert.Contains("\"renewal.skew\"", text);
        Assert.Contains("\"renewal.aheadFraction\"", text);
    }

    [Fact]
    public void The_core_package_has_no_hosting_dependency()
    {
        var references = typeof(TokenSource).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.DoesNotContain(references, n => n.StartsWith("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal)
            || n.StartsWith("Microsoft.Extensions.Http", StringComparison.Ordinal) || n.StartsWith("Microsoft.Extensions.Options", StringComparison.Ordinal)
            || n.StartsWith("Microsoft.Extensions.Configuration", StringComparison.Ordinal) || n.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal));
        var csproj = File.ReadAllText(Path.Combine(TestSupport.RepoRoot(), "src", "OAuth2.Functional", "OAuth2.Functional.csproj"));
        Assert.DoesNotContain("Hosting", csproj);
    }
}
