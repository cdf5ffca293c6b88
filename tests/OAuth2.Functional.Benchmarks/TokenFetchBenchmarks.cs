using System.Net;
using BenchmarkDotNet.Attributes;

namespace OAuth2.Functional.Benchmarks;

/// <summary>Client-credentials token through a canned in-memory handler (~1 KB JWT).</summary>
[MemoryDiagnoser]
public class TokenFetchBenchmarks
{
    private readonly Contenders c = new(new CannedHandler(HttpStatusCode.OK, Bodies.Token));

    [Benchmark(Baseline = true)] public Task<string?> HandWritten() => c.HandWrittenClientCredentialsAsync();
    [Benchmark] public Task<string?> Duende() => c.DuendeClientCredentialsAsync();
    [Benchmark] public Task<string?> Ours() => c.OursClientCredentialsAsync();
}

/// <summary>Refresh through a canned handler (the answer carries a new refresh token).</summary>
[MemoryDiagnoser]
public class RefreshBenchmarks
{
    private readonly Contenders c = new(new CannedHandler(HttpStatusCode.OK, Bodies.RefreshedToken));

    [Benchmark(Baseline = true)] public Task<string?> HandWritten() => c.HandWrittenRefreshAsync();
    [Benchmark] public Task<string?> Duende() => c.DuendeRefreshAsync();
    [Benchmark] public Task<string?> Ours() => c.OursRefreshAsync();
}

/// <summary>The error path: a 401 invalid_client.</summary>
[MemoryDiagnoser]
public class ErrorPathBenchmarks
{
    private readonly Contenders c = new(new CannedHandler(HttpStatusCode.Unauthorized, Bodies.InvalidClient));

    [Benchmark(Baseline = true)] public Task<string?> HandWritten() => c.HandWrittenClientCredentialsAsync();
    [Benchmark] public Task<string?> Duende() => c.DuendeClientCredentialsAsync();
    [Benchmark] public Task<string?> Ours() => c.OursClientCredentialsAsync();
}
