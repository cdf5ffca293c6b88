using System.Net;
using System.Text;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Shell;

/// <summary>The default transport over a fake <see cref="HttpMessageHandler"/> (unit level; the real-socket faults are in Faults/).</summary>
public class HttpClientTransportTests
{
    private sealed class Handler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        public List<(HttpRequestMessage Request, byte[] Body)> Seen { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Seen.Add((request, request.Content is null ? System.Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(ct)));
            var response = await answer(request, ct);
            response.RequestMessage ??= request;
            return response;
        }
    }

    private static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static ClientCredentials Client(Handler handler, HttpSettings? http = null) =>
        Right(ClientCredentials.Create(DefaultConfig() with { Http = http ?? HttpSettings.Default }, new HttpClient(handler)));

    [Fact]
    public async Task The_wire_request_carries_the_exact_headers_and_body()
    {
        var handler = new Handler((_, _) => Task.FromResult(Json("{\"access_token\":\"a\"}")));
        Assert.True((await Client(handler).GetTokenAsync(Parameters.Empty.WithScope("x y"))).IsRight);
        var (request, body) = Assert.Single(handler.Seen);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://authorization-server.org/oauth/token", request.RequestUri!.AbsoluteUri);
        Assert.Equal("application/json", string.Join(",", request.Headers.GetValues("Accept")));
        Assert.Equal("Basic dGhlK2NsaWVudCtpZDp0aGUrY2xpZW50K3NlY3JldA==", string.Join(",", request.Headers.GetValues("Authorization")));
        Assert.Equal("application/x-www-form-urlencoded", string.Join(",", request.Content!.Headers.GetValues("Content-Type")));
        Assert.Equal("grant_type=client_credentials&scope=x%20y", Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task The_response_status_reason_and_content_type_reach_the_error()
    {
        var handler = new Handler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadGateway)
        { ReasonPhrase = "Bad Gateway", Content = new StringContent("<h1>oops</h1>", Encoding.UTF8, "text/html") }));
        var e = Assert.IsType<OAuthError.HttpError>(Left(await Client(handler).GetTokenAsync()));
        Assert.Equal(502, e.Status);
        Assert.Equal("Bad Gateway", e.ReasonPhrase);
        Assert.Equal(Some("text/html; charset=utf-8"), e.ContentType);
        Assert.Equal("<h1>oops</h1>", e.BodyExcerpt);
    }

    [Fact]
    public async Task A_body_over_the_cap_is_refused_whether_announced_or_streamed()
    {
        var big = new string('x', 2000);
        var announced = new Handler((_, _) => Task.FromResult(Json(big)));
        Assert.Equal(new OAuthError.ResponseTooLarge(1000), Left(await Client(announced, new HttpSettings { MaxResponseBytes = 1000 }).GetTokenAsync()));
        var streamed = new Handler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big))) }));
        Assert.Equal(new OAuthError.ResponseTooLarge(1000), Left(await Client(streamed, new HttpSettings { MaxResponseBytes = 1000 }).GetTokenAsync()));
    }

    [Fact]
    public async Task The_timeout_and_the_callers_cancellation_are_kept_apart()
    {
        var slow = new Handler(async (_, ct) => { await Task.Delay(TimeSpan.FromSeconds(30), ct); return Json("{}"); });
        var timeout = Left(await Client(slow, new HttpSettings { Timeout = TimeSpan.FromMilliseconds(100) }).GetTokenAsync());
        Assert.Equal(new OAuthError.Timeout(TimeSpan.FromMilliseconds(100)), timeout);

        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var cancelled = Left(await Client(slow).GetTokenAsync(cancellationToken: cts.Token));
        Assert.IsType<OAuthError.Cancelled>(cancelled);

        Assert.IsType<OAuthError.Cancelled>(Left(await Client(slow).GetTokenAsync(cancellationToken: new CancellationToken(true))));
    }

    [Fact]
    public async Task A_users_httpclient_timeout_is_a_timeout()
    {
        var slow = new Handler(async (_, ct) => { await Task.Delay(TimeSpan.FromSeconds(30), ct); return Json("{}"); });
        var client = Right(ClientCredentials.Create(DefaultConfig(), new HttpClient(slow) { Timeout = TimeSpan.FromMilliseconds(100) }));
        Assert.IsType<OAuthError.Timeout>(Left(await client.GetTokenAsync()));
    }

    [Fact]
    public async Task Transport_exceptions_become_transport_failures()
    {
        var refused = new Handler((_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        var e = Assert.IsType<OAuthError.TransportFailure>(Left(await Client(refused).GetTokenAsync()));
        Assert.Equal("HttpRequestException", e.ExceptionType);
        Assert.StartsWith("ConnectionError", e.Reason);
    }

    [Fact]
    public async Task A_user_client_that_followed_a_redirect_is_detected()
    {
        var followed = new Handler((_, _) =>
        {
            var r = Json("{\"access_token\":\"a\"}");
            r.RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://elsewhere.example/token");
            return Task.FromResult(r);
        });
        var e = Assert.IsType<OAuthError.UnexpectedRedirect>(Left(await Client(followed).GetTokenAsync()));
        Assert.Equal(Some("https://elsewhere.example/token"), e.Location);
    }

    [Fact]
    public async Task A_handler_that_rewrites_the_uri_is_not_a_redirect()
    {
        // Service discovery or a gateway: same request object, same method, content and headers, another URI.
        var rewriting = new Handler((request, _) =>
        {
            request.RequestUri = new Uri("http://10.0.0.5:8080/oauth/token");
            return Task.FromResult(Json("{\"access_token\":\"a\"}"));
        });
        Assert.Equal("a", Right(await Client(rewriting).GetTokenAsync()).Value.Reveal());
    }

    [Fact]
    public async Task A_followed_307_is_detected_by_the_dropped_authorization_header()
    {
        var followed = new Handler((request, _) =>
        {
            request.RequestUri = new Uri("https://elsewhere.example/token");
            request.Headers.Authorization = null; // what .NET's redirect handler does on every redirect
            return Task.FromResult(Json("{\"access_token\":\"a\"}"));
        });
        Assert.IsType<OAuthError.UnexpectedRedirect>(Left(await Client(followed).GetTokenAsync()));
    }

    /// <summary>Content whose stream keeps the token it was read with, as a lazy stream can.</summary>
    private sealed class TokenKeepingContent : HttpContent
    {
        private readonly byte[] body;
        private readonly List<CancellationToken> kept;

        public TokenKeepingContent(byte[] body, List<CancellationToken> kept)
        {
            (this.body, this.kept) = (body, kept);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(body).AsTask();
        protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken)
        {
            kept.Add(cancellationToken);
            return Task.FromResult<Stream>(new MemoryStream(body));
        }
        protected override bool TryComputeLength(out long length) { length = body.Length; return true; }
    }

    [Fact]
    public async Task One_requests_timeout_never_cancels_what_an_earlier_request_still_holds()
    {
        var kept = new List<CancellationToken>();
        var quick = new Handler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new TokenKeepingContent(Encoding.UTF8.GetBytes("{\"access_token\":\"a\"}"), kept),
        }));
        var settings = new HttpSettings { Timeout = TimeSpan.FromMilliseconds(200) };
        Assert.True((await Client(quick, settings).GetTokenAsync()).IsRight);
        var earlier = Assert.Single(kept);
        Assert.True(earlier.CanBeCanceled);

        var hanging = new Handler(async (_, ct) => { await Task.Delay(Timeout.Infinite, ct); return Json("{}"); });
        for (var i = 0; i < 3; i++) Assert.IsType<OAuthError.Timeout>(Left(await Client(hanging, settings).GetTokenAsync()));
        Assert.False(earlier.IsCancellationRequested, "a later request's timeout cancelled a token an earlier exchange handed out");
    }
}
