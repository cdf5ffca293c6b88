using System.Net;
using BenchmarkDotNet.Attributes;

namespace OAuth2.Functional.Benchmarks;

/// <summary>A client-credentials token request by each contender, against whatever the canned handler answers.</summary>
[MemoryDiagnoser]
public abstract class ClientCredentialsBenchmarks(HttpStatusCode status, byte[] body)
{
    private readonly Contenders c = new(new CannedHandler(status, body));

    [Benchmark(Baseline = true)] public Task<string?> HandWritten() => c.HandWrittenClientCredentialsAsync();
    [Benchmark] public Task<string?> Duende() => c.DuendeClientCredentialsAsync();
    [Benchmark] public Task<string?> Ours() => c.OursClientCredentialsAsync();
}

/// <summary>Client-credentials token through a canned in-memory handler (~1 KB JWT).</summary>
public class TokenFetchBenchmarks() : ClientCredentialsBenchmarks(HttpStatusCode.OK, Bodies.Token);

/// <summary>The error path: a 401 invalid_client.</summary>
public class ErrorPathBenchmarks() : ClientCredentialsBenchmarks(HttpStatusCode.Unauthorized, Bodies.InvalidClient);

/// <summary>Refresh through a canned handler (the answer carries a new refresh token).</summary>
[MemoryDiagnoser]
public class RefreshBenchmarks
{
    private readonly Contenders c = new(new CannedHandler(HttpStatusCode.OK, Bodies.RefreshedToken));

    [Benchmark(Baseline = true)] public Task<string?> HandWritten() => c.HandWrittenRefreshAsync();
    [Benchmark] public Task<string?> Duende() => c.DuendeRefreshAsync();
    [Benchmark] public Task<string?> Ours() => c.OursRefreshAsync();
}
