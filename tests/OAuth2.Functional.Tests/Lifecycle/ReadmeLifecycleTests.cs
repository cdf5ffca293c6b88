using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OAuth2.Functional.DevServer;
using OAuth2.Functional.Tests.Integration;
using OAuth2.Functional.Tests.Readme;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Lifecycle;

/// <summary>The README sections for the token lifecycle (in README.md; ReadmeTests checks every block is in ReadmeExamples): every
/// csharp block is compiled in ReadmeExamples, and each one runs against the server here.</summary>
[Collection("devserver")]
public sealed class ReadmeLifecycleTests : IDisposable
{
    private readonly DevAuthorizationServer server;

    public ReadmeLifecycleTests(DevServerFixture fixture)
    {
        server = fixture.Server;
        server.TokenEndpoint.Reset();
    }

    public void Dispose() => server.TokenEndpoint.Reset();

    private static string Normalize(string code) => Regex.Replace(code, @"\s+", " ").Trim();

    private OAuthConfig Config => server.ConfigFor(server.Confidential);

    [Fact]
    public async Task The_token_source_examples_store_and_seed()
    {
        var stored = new List<string>();
        var source = Right(ReadmeExamples.ApiTokens(Config, json => { lock (stored) stored.Add(json); return Task.CompletedTask; }));
        var token = Right(await source.GetTokenAsync());
        for (var i = 0; i < 100 && stored.Count == 0; i++) await Task.Delay(10);
        Assert.Equal(token.ToJson(), Assert.Single(stored));
        var seeded = Right(ReadmeExamples.FromStored(Config, stored[0]));
        Assert.Equal(token.Value.Reveal(), Right(await seeded.GetTokenAsync()).Value.Reveal());
        Assert.Equal(1, server.TokenEndpoint.Total);
    }

    [Fact]
    public async Task The_handler_and_functional_send_examples_reach_the_resource()
    {
        var source = Right(ReadmeExamples.ApiTokens(Config, _ => Task.CompletedTask));
        using var api = ReadmeExamples.ApiClient(source, server.BaseUri);
        using (var response = await api.GetAsync("api/resource")) Assert.Equal("ok 0", await response.Content.ReadAsStringAsync());
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        Assert.Equal(200, Right(await ReadmeExamples.ResourceStatus(http, source).ToEither()));
    }

    [Fact]
    public async Task The_hosting_and_metrics_examples_work_together()
    {
        var outcomes = new List<string>();
        using var listener = ReadmeExamples.ListenToTokenRequests(o => { lock (outcomes) outcomes.Add(o); });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OAuth2:Clients:api:ClientId"] = server.Confidential.Id,
            ["OAuth2:Clients:api:ClientSecret"] = server.Confidential.Secret,
            ["OAuth2:Clients:api:TokenHost"] = server.BaseUri.AbsoluteUri,
            ["OAuth2:Clients:api:Scope"] = "api",
            ["OAuth2:Clients:api:Skew"] = "00:00:00.2",
            ["Resource:BaseAddress"] = server.BaseUri.AbsoluteUri,
        }).Build();
        await using var provider = ReadmeExamples.AddApi(new ServiceCollection(), configuration).BuildServiceProvider();
        using var response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient("resource").GetAsync("api/resource");
        Assert.Equal("ok 0", await response.Content.ReadAsStringAsync());
        lock (outcomes) Assert.Contains("success", outcomes);
    }
}
