using System.Net.Sockets;
using System.Text;
using static OAuth2.Functional.Tests.Faults.MisbehavingServer;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Faults;

/// <summary>One test per fault, each over real sockets with the default transport, each bounded in time.</summary>
public class FaultTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static ClientCredentials Client(Uri host, HttpSettings? http = null) =>
        Right(ClientCredentials.Create(new OAuthConfig(new ClientSettings("id", "secret"), new AuthSettings(host.AbsoluteUri)) { Http = http ?? HttpSettings.Default }));

    private static async Task<OAuthError> Fails(MisbehavingServer server, HttpSettings? http = null, CancellationToken ct = default)
    {
        var result = await Client(server.BaseUri, http).GetTokenAsync(cancellationToken: ct).ToEither().WaitAsync(Bound);
        return Left(result);
    }

    [Fact]
    public async Task Connection_refused_is_a_transport_failure()
    {
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var result = await Client(new Uri($"http://127.0.0.1:{port}/")).GetTokenAsync().ToEither().WaitAsync(Bound);
        var e = Assert.IsType<OAuthError.TransportFailure>(Left(result));
        Assert.StartsWith("ConnectionError", e.Reason);
    }

    [Fact]
    public async Task Connection_reset_mid_response_is_a_transport_failure()
    {
        await using var server = new MisbehavingServer(async (socket, stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"access_tok"), ct);
            await stream.FlushAsync(ct);
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        });
        Assert.IsType<OAuthError.TransportFailure>(await Fails(server));
    }

    [Fact]
    public async Task Headers_slower_than_the_timeout_is_a_timeout()
    {
        await using var server = new MisbehavingServer((_, _, ct) => Task.Delay(Timeout.Infinite, ct));
        Assert.Equal(new OAuthError.Timeout(TimeSpan.FromMilliseconds(300)), await Fails(server, new HttpSettings { Timeout = TimeSpan.FromMilliseconds(300) }));
    }

    [Fact]
    public async Task Body_slower_than_the_timeout_is_a_timeout()
    {
        await using var server = new MisbehavingServer(async (_, stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"access_"), ct);
            await stream.FlushAsync(ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        Assert.Equal(new OAuthError.Timeout(TimeSpan.FromMilliseconds(300)), await Fails(server, new HttpSettings { Timeout = TimeSpan.FromMilliseconds(300) }));
    }

    [Fact]
    public async Task A_body_larger_than_the_cap_is_refused()
    {
        var big = "{\"access_token\":\"" + new string('a', 2 * 1024 * 1024) + "\"}";
        await using var announced = Answering(Response(200, "OK", "application/json", big));
        Assert.Equal(new OAuthError.ResponseTooLarge(1024 * 1024), await Fails(announced));
        await using var chunked = new MisbehavingServer(async (_, stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"), ct);
            for (var i = 0; i < 40; i++) await stream.WriteAsync(new byte[64 * 1024], ct);
        });
        Assert.Equal(new OAuthError.ResponseTooLarge(1024 * 1024), await Fails(chunked));
    }

    [Theory]
    [InlineData(500, "Internal Server Error")]
    [InlineData(404, "Not Found")]
    public async Task An_html_error_page_keeps_its_status(int status, string reason)
    {
        await using var server = Answering(Response(status, reason, "text/html", "<html><body>broken</body></html>"));
        var e = Assert.IsType<OAuthError.HttpError>(await Fails(server));
        Assert.Equal((status, reason, "<html><body>broken</body></html>"), (e.Status, e.ReasonPhrase, e.BodyExcerpt));
    }

    [Fact]
    public async Task An_html_200_is_unexpected_content()
    {
        await using var server = Answering(Response(200, "OK", "text/html", "<html>login page</html>"));
        var e = Assert.IsType<OAuthError.UnexpectedContent>(await Fails(server));
        Assert.Equal((200, "the content type is not JSON"), (e.Status, e.Reason));
    }

    [Fact]
    public async Task Truncated_json_is_unexpected_content()
    {
        await using var server = Answering(Response(200, "OK", "application/json", "{\"access_token\":\"abc"));
        Assert.StartsWith("the body is not valid JSON", Assert.IsType<OAuthError.UnexpectedContent>(await Fails(server)).Reason);
    }

    [Theory]
    [InlineData("[{\"access_token\":\"a\"}]")]
    [InlineData("null")]
    public async Task A_json_array_or_null_is_a_malformed_token(string body)
    {
        await using var server = Answering(Response(200, "OK", "application/json", body));
        Assert.Equal("(body)", Assert.IsType<OAuthError.MalformedToken>(await Fails(server)).Field);
    }

    [Fact]
    public async Task An_empty_200_is_unexpected_content()
    {
        await using var server = Answering(Response(200, "OK", "application/json", ""));
        Assert.Equal("the body is empty", Assert.IsType<OAuthError.UnexpectedContent>(await Fails(server)).Reason);
    }

    [Fact]
    public async Task A_200_with_an_error_member_is_a_protocol_error()
    {
        await using var server = Answering(Response(200, "OK", "application/json", "{\"error\":\"bad_verification_code\",\"error_description\":\"The code has expired\"}"));
        Assert.Equal(new OAuthError.ProtocolError("bad_verification_code", Some("The code has expired"), None, 200), await Fails(server));
    }

    [Fact]
    public async Task A_token_with_the_wrong_content_type_is_unexpected_content()
    {
        await using var server = Answering(Response(200, "OK", "text/plain", "{\"access_token\":\"a\"}"));
        Assert.Equal(Some("text/plain"), Assert.IsType<OAuthError.UnexpectedContent>(await Fails(server)).ContentType);
    }

    [Theory]
    [InlineData(302, "Found")]
    [InlineData(307, "Temporary Redirect")]
    public async Task A_redirect_is_not_followed_and_the_target_receives_nothing(int status, string reason)
    {
        await using var target = Answering(Response(200, "OK", "application/json", "{\"access_token\":\"stolen\"}"));
        await using var server = Answering(Response(status, reason, "application/json", "{}", $"Location: {target.BaseUri}oauth/token\r\n"));
        var e = Assert.IsType<OAuthError.UnexpectedRedirect>(await Fails(server));
        Assert.Equal((status, Some($"{target.BaseUri}oauth/token")), (e.Status, e.Location));
        Assert.Equal(1, server.Requests);
        Assert.Equal(0, target.Requests);
    }

    [Fact]
    public async Task A_redirect_followed_by_the_callers_own_client_is_detected_and_carries_no_basic_credentials()
    {
        await using var target = Answering(Response(200, "OK", "application/json", "{\"access_token\":\"stolen\"}"));
        await using var server = Answering(Response(302, "Found", "application/json", "{}", $"Location: {target.BaseUri}oauth/token\r\n"));
        var following = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true });
        var client = Right(ClientCredentials.Create(new OAuthConfig(new ClientSettings("id", "secret"), new AuthSettings(server.BaseUri.AbsoluteUri)), following));
        var e = Assert.IsType<OAuthError.UnexpectedRedirect>(Left(await client.GetTokenAsync().ToEither().WaitAsync(Bound)));
        Assert.Equal(Some($"{target.BaseUri}oauth/token"), e.Location);
        Assert.Contains("Authorization: Basic", server.Heads.Single());
        Assert.DoesNotContain("Authorization", target.Heads.Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Caller_cancellation_mid_request_is_cancelled()
    {
        await using var server = new MisbehavingServer((_, _, ct) => Task.Delay(Timeout.Infinite, ct));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        Assert.IsType<OAuthError.Cancelled>(await Fails(server, ct: cts.Token));
        Assert.Equal(1, server.Requests);
    }
}
