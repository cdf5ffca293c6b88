using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace OAuth2.Functional.Benchmarks;

/// <summary>Interpreting token responses from 1 KB to 1 MiB, shaped as a few large members or as many tiny ones: ours
/// vs a hand-written <see cref="JsonDocument"/> read of the same four fields (the floor), and vs a hand-written read that
/// keeps every member as ours does. Linear code keeps the ratios flat as the size grows; a quadratic step shows up as a
/// ratio that grows with the size.</summary>
[MemoryDiagnoser]
public class ResponseSizeBenchmarks
{
    /// <summary>How the bytes are spent: a few long string members, or a great many one-digit members.</summary>
    public enum Shape { FewLarge, ManyTiny }

    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddYears(54);
    private HttpResponseSpec response = HttpResponseSpec.Of(200, "application/json", "{}");

    /// <summary>The body size in bytes (the last is 1 MiB, the default transport's cap).</summary>
    [Params(1_024, 10_240, 102_400, 1_048_576)]
    public int Bytes { get; set; } = 1_024;

    [Params(Shape.FewLarge, Shape.ManyTiny)]
    public Shape Members { get; set; } = Shape.ManyTiny;

    [GlobalSetup]
    public void Setup() => response = new(200, "OK", Seq<(string, string)>(), Some("application/json"), Body(Bytes, Members));

    [Benchmark(Baseline = true)]
    public (string?, string?, DateTimeOffset, string?) HandWrittenJsonDocument()
    {
        using var doc = JsonDocument.Parse(response.Body);
        var root = doc.RootElement;
        return (root.GetProperty("access_token").GetString(), root.GetProperty("token_type").GetString(),
            Now.AddSeconds(root.GetProperty("expires_in").GetInt32()), root.TryGetProperty("scope", out var s) ? s.GetString() : null);
    }

    /// <summary>A hand-written read that, like ours, keeps every member (name and value text), so it pays the same
    /// per-member allocations; it does not handle repeated names.</summary>
    [Benchmark]
    public (string?, string?, DateTimeOffset, string?) HandWrittenKeepEveryMember()
    {
        using var doc = JsonDocument.Parse(response.Body);
        var members = new List<(string Name, string Value)>();
        string? access = null, type = null, scope = null;
        var expiresAt = DateTimeOffset.MinValue;
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            var value = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
            members.Add((p.Name, value));
            switch (p.Name)
            {
                case "access_token": access = value; break;
                case "token_type": type = value; break;
                case "scope": scope = value; break;
                case "expires_in": expiresAt = Now.AddSeconds(p.Value.GetInt32()); break;
            }
        }
        return members.Count > 0 ? (access, type, expiresAt, scope) : default;
    }

    [Benchmark]
    public (string?, string?, DateTimeOffset, string?) Ours() =>
        Responses.InterpretToken(response, Now).Match(
            t => (t.Value.Reveal(), t.TokenType.MatchUnsafe(x => x, () => null), t.ExpiresAt.IfNone(DateTimeOffset.MinValue), t.Scope.MatchUnsafe(x => x, () => null)),
            e => throw new InvalidOperationException(e.ToString()));

    /// <summary>A token response of at most <paramref name="size"/> bytes (and within 16 bytes of it).</summary>
    public static byte[] Body(int size, Shape shape)
    {
        var json = new StringBuilder(size).Append("{\"access_token\":\"at-5f0e4c2a9b7d4e1f8a3c6b2d9e0f1a2b\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"api\"");
        if (shape == Shape.ManyTiny)
        {
            for (var i = 0; json.Length + 16 < size; i++) json.Append(",\"m").Append(i).Append("\":").Append(i % 10);
        }
        else
        {
            const int count = 4;
            var each = (size - json.Length - 2) / count - 10;
            for (var i = 0; i < count; i++) json.Append(",\"x").Append(i).Append("\":\"").Append('q', Math.Max(1, each)).Append('"');
        }
        return Encoding.UTF8.GetBytes(json.Append('}').ToString());
    }
}
