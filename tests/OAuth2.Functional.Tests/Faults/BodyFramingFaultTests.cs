using System.IO.Compression;
using System.Text;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Faults;

/// <summary>Large, chunked and compressed bodies over real sockets with the default transport (the shared client
/// decompresses gzip, deflate and brotli). Results are asserted, never times.</summary>
[Collection(nameof(AllocationSensitive))]
public class BodyFramingFaultTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private const int Cap = 1024 * 1024;

    private static Task<Either<OAuthError, AccessToken>> Fetch(MisbehavingServer server) =>
        Right(ClientCredentials.Create(new OAuthConfig(new ClientSettings("id", "secret"), new AuthSettings(server.BaseUri.AbsoluteUri))))
            .GetTokenAsync().ToEither().WaitAsync(Bound);

    private static MisbehavingServer Serving(byte[] head, byte[] body) =>
        new(async (_, stream, ct) =>
        {
            await stream.WriteAsync(head, ct);
            await stream.WriteAsync(body, ct);
            await stream.FlushAsync(ct);
        });

    private static byte[] Head(string headers) => Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n{headers}Connection: close\r\n\r\n");

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize)) gzip.Write(data);
        return output.ToArray();
    }

    [Fact]
    public async Task A_1_MiB_body_of_tiny_members_is_read_whole_with_the_duplicate_rule()
    {
        var json = new StringBuilder("{\"access_token\":\"first\",\"token_type\":\"Bearer\"");
        var members = 0;
        while (json.Length < Cap - 64) json.Append(",\"m").Append(members++).Append("\":").Append(members % 10);
        json.Append(",\"access_token\":\"last\"}");
        var body = Encoding.UTF8.GetBytes(json.ToString());
        Assert.InRange(body.Length, Cap - 128, Cap);
        await using var server = MisbehavingServer.Answering(MisbehavingServer.Response(200, "OK", "application/json", json.ToString()));
        var token = Right(await Fetch(server));
        Assert.Equal("last", token.Value.Reveal());
        Assert.Equal(members + 2, token.Fields.Count);
        Assert.Equal(("access_token", "token_type", "m0"), (token.Fields[0].Name, token.Fields[1].Name, token.Fields[2].Name));
        Assert.Equal(Some($"{members % 10}"), token.Field($"m{members - 1}"));
    }

    [Fact]
    public async Task A_chunked_body_is_reassembled()
    {
        var json = "{\"access_token\":\"chunked-token\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"pad\":\"" + new string('p', 40_000) + "\"}";
        var chunked = new StringBuilder();
        for (var at = 0; at < json.Length; at += 777)
        {
            var piece = json.Substring(at, Math.Min(777, json.Length - at));
            chunked.Append($"{piece.Length:x}\r\n{piece}\r\n");
        }
        chunked.Append("0\r\n\r\n");
        await using var server = Serving(Head("Transfer-Encoding: chunked\r\n"), Encoding.ASCII.GetBytes(chunked.ToString()));
        var token = Right(await Fetch(server));
        Assert.Equal(("chunked-token", Some(40_002)), (token.Value.Reveal(), token.Field("pad").Map(p => p.Length)));
    }

    [Fact]
    public async Task A_chunked_body_over_the_cap_is_refused()
    {
        var chunk = new string('a', 64 * 1024);
        const string open = "{\"access_token\":\"";
        var body = new StringBuilder($"{open.Length:x}\r\n{open}\r\n");
        for (var i = 0; i < 20; i++) body.Append($"{chunk.Length:x}\r\n{chunk}\r\n");
        body.Append("2\r\n\"}\r\n0\r\n\r\n");
        await using var server = Serving(Head("Transfer-Encoding: chunked\r\n"), Encoding.ASCII.GetBytes(body.ToString()));
        Assert.Equal(new OAuthError.ResponseTooLarge(Cap), Left(await Fetch(server)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_gzip_body_is_decompressed(bool announcedLength)
    {
        var gz = Gzip(Encoding.UTF8.GetBytes("{\"access_token\":\"gzip-token\",\"token_type\":\"Bearer\",\"pad\":\"" + new string('z', 100_000) + "\"}"));
        var headers = "Content-Encoding: gzip\r\n" + (announcedLength ? $"Content-Length: {gz.Length}\r\n" : "");
        await using var server = Serving(Head(headers), gz);
        var token = Right(await Fetch(server));
        Assert.Equal(("gzip-token", Some(100_002)), (token.Value.Reveal(), token.Field("pad").Map(p => p.Length)));
        Assert.Contains("gzip", server.Heads.Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_gzip_bomb_is_refused_at_the_cap_with_bounded_memory(bool announcedLength)
    {
        const int expanded = 50 * 1024 * 1024;
        byte[] bomb;
        using (var compressed = new MemoryStream())
        {
            using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize))
            {
                gzip.Write("{\"access_token\":\""u8);
                var block = new byte[64 * 1024];
                System.Array.Fill(block, (byte)'a');
                for (var written = 0; written < expanded; written += block.Length) gzip.Write(block);
                gzip.Write("\"}"u8);
            }
            bomb = compressed.ToArray();
        }
        Assert.InRange(bomb.Length, 1, 100 * 1024);
        var headers = "Content-Encoding: gzip\r\n" + (announcedLength ? $"Content-Length: {bomb.Length}\r\n" : "");
        await using var server = Serving(Head(headers), bomb);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await Fetch(server);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"{bomb.Length:N0} gzip bytes expanding to {expanded:N0}: {allocated:N0} bytes allocated while fetching");

        Assert.Equal(new OAuthError.ResponseTooLarge(Cap), Left(result));
        Assert.True(allocated < 16L * 1024 * 1024, $"reading the bomb allocated {allocated:N0} bytes; it expands to {expanded:N0}");
    }
}

/// <summary>Tests that measure the process's allocations run alone, so other tests' allocations do not count.</summary>
[CollectionDefinition(nameof(AllocationSensitive), DisableParallelization = true)]
public class AllocationSensitive;
