using System.Net;
using BenchmarkDotNet.Attributes;

namespace OAuth2.Functional.Benchmarks;

/// <summary>The cost of each client authentication method, and of DPoP, on a client-credentials token fetch through the
/// canned in-memory handler: what signing an assertion or a proof adds to a request that sends a secret.</summary>
[MemoryDiagnoser]
public class ClientAuthenticationBenchmarks
{
    private const string Issuer = "https://as.example/";
    private readonly ClientCredentials basic, secretJwt, es256, rs256, dpop;

    public ClientAuthenticationBenchmarks()
    {
        var http = new HttpClient(new CannedHandler(HttpStatusCode.OK, Bodies.Token));
        ClientCredentials Make(ClientAuthMethod? method, DPoPKey? key = null) =>
            ClientCredentials.Create(new OAuthConfig(
                    method is null ? new ClientSettings("svc", "svc-secret") : new ClientSettings("svc") { Authentication = method },
                    new AuthSettings("https://as.example")) { DPoP = key }, http)
                .Match(c => c, e => throw new InvalidOperationException(e.ToString()));
        static T Ok<T>(Either<OAuthError, T> e) => e.Match(v => v, error => throw new InvalidOperationException(error.ToString()));
        basic = Make(null);
        secretJwt = Make(new ClientAuthMethod.ClientSecretJwt("svc-secret-that-is-at-least-32-bytes-long") { Issuer = Issuer });
        es256 = Make(new ClientAuthMethod.PrivateKeyJwt(Ok(SigningKey.Generate("ES256"))) { Issuer = Issuer });
        rs256 = Make(new ClientAuthMethod.PrivateKeyJwt(Ok(SigningKey.Generate("RS256"))) { Issuer = Issuer });
        dpop = Make(null, Ok(DPoPKey.Generate()));
    }

    private static async Task<string?> Fetch(ClientCredentials client) =>
        (await client.GetTokenAsync(Parameters.Empty.WithScope("api")).ToEither()).Match(t => t.Value.Reveal(), e => e.Code);

    [Benchmark(Baseline = true)] public Task<string?> SecretBasic() => Fetch(basic);
    [Benchmark] public Task<string?> ClientSecretJwtHs256() => Fetch(secretJwt);
    [Benchmark] public Task<string?> PrivateKeyJwtEs256() => Fetch(es256);
    [Benchmark] public Task<string?> PrivateKeyJwtRs256() => Fetch(rs256);
    [Benchmark] public Task<string?> SecretBasicWithDPoPEs256() => Fetch(dpop);
}

/// <summary>One DPoP proof, as the token handler makes one per resource request (with <c>ath</c>).</summary>
[MemoryDiagnoser]
public class DPoPProofBenchmarks
{
    private static readonly Uri Api = new("https://api.example/orders?page=2");
    private readonly DPoPKey es256 = DPoPKey.Generate("ES256").Match(k => k, e => throw new InvalidOperationException(e.ToString()));
    private readonly DPoPKey rs256 = DPoPKey.Generate("RS256").Match(k => k, e => throw new InvalidOperationException(e.ToString()));
    private readonly DateTimeOffset now = DateTimeOffset.UtcNow;

    [Benchmark(Baseline = true)] public bool ProofEs256() => es256.Proof("GET", Api, now, Some(Bodies.Jwt)).IsRight;
    [Benchmark] public bool ProofRs256() => rs256.Proof("GET", Api, now, Some(Bodies.Jwt)).IsRight;
}
