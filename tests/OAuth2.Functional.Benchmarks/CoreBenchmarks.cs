using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace OAuth2.Functional.Benchmarks;

/// <summary>Interpreting a typical token response: ours vs a hand-written JsonDocument read of the same fields.</summary>
[MemoryDiagnoser]
public class InterpretBenchmarks
{
    private static readonly HttpResponseSpec Response = new(200, "OK", Seq<(string, string)>(), Some("application/json; charset=utf-8"), Bodies.Token);
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddYears(54);

    [Benchmark(Baseline = true)]
    public (string?, string?, DateTimeOffset, string?) HandWrittenJsonDocument()
    {
        using var doc = JsonDocument.Parse(Response.Body);
        var root = doc.RootElement;
        return (root.GetProperty("access_token").GetString(), root.GetProperty("token_type").GetString(),
            Now.AddSeconds(root.GetProperty("expires_in").GetInt32()), root.TryGetProperty("scope", out var s) ? s.GetString() : null);
    }

    [Benchmark]
    public Either<OAuthError, AccessToken> Ours() => Responses.InterpretToken(Response, Now);
}

/// <summary>The rest of the pure core: request building and rendering, expiry, storage, the authorize URL.</summary>
[MemoryDiagnoser]
public class PureCoreBenchmarks
{
    private static readonly ValidConfig Config = ConfigValidation.Validate(
        new OAuthConfig(new ClientSettings("svc", "svc-secret"), new AuthSettings("https://as.example")), GrantKind.AuthorizationCode)
        .Match(c => c, e => throw new InvalidOperationException(e.ToString()));
    private static readonly Parameters Scope = Parameters.Empty.WithScope("api");
    private static readonly Parameters Authorize = Parameters.Of(("redirect_uri", "https://app.example/callback"), ("state", "af0ifjsldkj")).WithScopes("openid", "api");
    private static readonly AccessToken Token = Responses.InterpretToken(
        new HttpResponseSpec(200, "OK", Seq<(string, string)>(), Some("application/json"), Bodies.Token), DateTimeOffset.UnixEpoch)
        .Match(t => t, e => throw new InvalidOperationException(e.ToString()));
    private static readonly string Stored = Token.ToJson();
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddMinutes(30);

    [Benchmark] public byte[] BuildAndRenderClientCredentials() =>
        TokenRequests.ClientCredentials(Config, Scope).Match(r => r.Body.RenderBytes(), _ => []);

    [Benchmark] public byte[] BuildAndRenderRefresh() =>
        TokenRequests.Refresh(Config, Token.WithRefreshToken(Secret.Of("rt-123"))).Match(r => r.Body.RenderBytes(), _ => []);

    [Benchmark] public bool IsExpired() => Token.IsExpired(Now, TimeSpan.FromMinutes(5));

    [Benchmark] public string ToJson() => Token.ToJson();

    [Benchmark] public Either<OAuthError, AccessToken> FromJson() => AccessToken.FromJson(Stored, Now);

    [Benchmark] public string AuthorizeUrl() => AuthorizeUrls.Build(Config, Authorize).Match(u => u, e => e.Code);
}
