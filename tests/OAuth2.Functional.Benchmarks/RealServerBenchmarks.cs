using BenchmarkDotNet.Attributes;
using Duende.IdentityModel.Client;
using OAuth2.Functional.DevServer;

namespace OAuth2.Functional.Benchmarks;

/// <summary>A token from the real embedded server over loopback, ours vs Duende: shows the client's share of a round trip
/// (the server signs an RS256 JWT and stores the token; it dominates).</summary>
[MemoryDiagnoser]
public class RealServerBenchmarks
{
    private DevAuthorizationServer server = null!;
    private HttpClient http = null!;
    private ClientCredentials ours = null!;
    private string endpoint = "";

    [GlobalSetup]
    public async Task Setup()
    {
        server = await DevAuthorizationServer.StartAsync();
        http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        endpoint = new Uri(server.BaseUri, "oauth/token").AbsoluteUri;
        ours = ClientCredentials.Create(server.ConfigFor(server.Confidential), http).Match(c => c, e => throw new InvalidOperationException(e.ToString()));
        if (await Ours() is null || await Duende() is null) throw new InvalidOperationException("warm-up failed");
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public async Task<string?> Duende()
    {
        var r = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        { Address = endpoint, ClientId = "svc", ClientSecret = "svc-secret", Scope = "api" });
        return r.IsError ? null : r.AccessToken;
    }

    [Benchmark]
    public async Task<string?> Ours() =>
        (await ours.GetTokenAsync(Parameters.Empty.WithScope("api")).ToEither()).MatchUnsafe(t => t.Value.Reveal(), _ => (string?)null);
}
