using OAuth2.Functional.DevServer;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Lifecycle;

/// <summary>The handler and the functional send against the DevServer's protected resource, over real HTTP.</summary>
[Collection("lifecycle-server")]
public sealed class HandlerTests : IDisposable
{
    private readonly DevAuthorizationServer server;
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider frozen = new(); // tokens stay good unless a test says otherwise

    public HandlerTests(LifecycleServerFixture fixture)
    {
        server = fixture.Server;
        server.TokenEndpoint.Reset();
    }

    public void Dispose() => server.TokenEndpoint.Reset();

    private TokenSource Source(string? secret = null) =>
        Right(TokenSource.Create(Right(ClientCredentials.Create(server.ConfigFor(server.Confidential with { Secret = secret ?? server.Confidential.Secret }),
                (HttpClient?)null, frozen)),
            Parameters.Empty.WithScope("api"), new TokenSourceOptions { Renewal = new RenewalOptions { Skew = TimeSpan.FromMilliseconds(200) } }));

    private HttpClient Api(TokenSource source, OAuthTokenHandlerOptions? options = null) =>
        new(new OAuthTokenHandler(source, options ?? OAuthTokenHandlerOptions.For(server.BaseUri)) { InnerHandler = new SocketsHttpHandler() })
        { BaseAddress = server.BaseUri };

    /// <summary>The same server under another origin (host name instead of IP): a request there would reach the resource.</summary>
    private Uri Elsewhere => new UriBuilder(server.ResourceUri) { Host = "localhost" }.Uri;

    [Fact]
    public void Allowed_origins_come_from_any_dotnet_collection_and_nulls_or_relative_uris_name_none()
    {
        var list = new List<Uri?> { new("https://a.example/x"), null, new("/relative", UriKind.Relative), new("https://b.example:8443/") };
        var options = OAuthTokenHandlerOptions.ForOrigins(list);
        Assert.Equal(new[] { "https://a.example/x", "https://b.example:8443/" }, options.AllowedOrigins.Map(u => u.AbsoluteUri).ToArray());
        Assert.True(OAuthTokenHandlerOptions.ForOrigins(null).AllowedOrigins.IsEmpty);
        Assert.True(OAuthTokenHandlerOptions.For(null!).AllowedOrigins.IsEmpty);
    }

    [Fact]
    public async Task The_handler_attaches_the_token_to_the_allowed_origin()
    {
        var source = Source();
        using var api = Api(source);
        using var response = await api.GetAsync(server.ResourceUri);
        Assert.Equal("ok 0", await response.Content.ReadAsStringAsync());
        Assert.Equal(Right(await source.GetTokenAsync()).Value.Reveal(), server.Resource.Seen[^1]);
    }

    [Fact]
    public async Task A_request_to_another_origin_is_refused_and_never_sent()
    {
        using var api = Api(Source());
        var before = server.Resource.Requests;
        var e = await Assert.ThrowsAsync<OAuthTokenException>(() => api.GetAsync(Elsewhere));
        Assert.IsType<OAuthError.InvalidArgument>(e.Error);
        Assert.Equal(before, server.Resource.Requests);
        Assert.Equal(0, server.TokenEndpoint.Total);
    }

    [Fact]
    public async Task A_401_invalid_token_drops_that_token_renews_once_and_retries_replayable_content()
    {
        var source = Source();
        using var api = Api(source);
        var old = Right(await source.GetTokenAsync()).Value.Reveal();
        server.Resource.Reject(old);
        using var response = await api.PostAsync(server.ResourceUri, new StringContent("hello"));
        Assert.Equal("ok 5", await response.Content.ReadAsStringAsync());
        var fresh = Right(await source.GetTokenAsync()).Value.Reveal();
        Assert.NotEqual(old, fresh);
        Assert.Equal(new[] { old, fresh }, server.Resource.Seen.TakeLast(2));
        Assert.Equal(2, server.TokenEndpoint.Total);
    }

    [Fact]
    public async Task Content_that_cannot_be_replayed_is_not_retried()
    {
        var source = Source();
        using var api = Api(source, OAuthTokenHandlerOptions.For(server.BaseUri) with { RetryOnAny401 = true });
        var old = Right(await source.GetTokenAsync()).Value.Reveal();
        server.Resource.Reject(old);
        var before = server.Resource.Requests;
        using var response = await api.PostAsync(server.ResourceUri, new StreamContent(new MemoryStream("hello"u8.ToArray())));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before + 1, server.Resource.Requests);
    }

    [Fact]
    public async Task A_token_that_cannot_be_obtained_surfaces_as_an_HttpRequestException_carrying_the_error()
    {
        using var api = Api(Source(secret: "wrong"));
        var e = await Assert.ThrowsAsync<OAuthTokenException>(() => api.GetAsync(server.ResourceUri));
        Assert.IsAssignableFrom<HttpRequestException>(e);
        Assert.Equal("invalid_client", Assert.IsType<OAuthError.ProtocolError>(e.Error).Error);
        Assert.DoesNotContain("wrong", e.ToString());
    }

    [Fact]
    public async Task The_functional_send_returns_values_for_success_retry_and_every_failure()
    {
        var source = Source();
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        var ok = Right(await http.SendAsync(source, () => new HttpRequestMessage(HttpMethod.Get, ResourceEndpoint.Path.TrimStart('/'))).ToEither());
        Assert.Equal("ok 0", await ok.Content.ReadAsStringAsync());

        server.Resource.Reject(Right(await source.GetTokenAsync()).Value.Reveal());
        var retried = Right(await http.SendAsync(source, () => new HttpRequestMessage(HttpMethod.Post, server.ResourceUri) { Content = new StringContent("abc") }).ToEither());
        Assert.Equal("ok 3", await retried.Content.ReadAsStringAsync());

        var before = server.Resource.Requests;
        Assert.IsType<OAuthError.InvalidArgument>(Left(await http.SendAsync(source, () => new HttpRequestMessage(HttpMethod.Get, Elsewhere)).ToEither()));
        Assert.Equal(before, server.Resource.Requests);

        Assert.IsType<OAuthError.ProtocolError>(Left(await http.SendAsync(Source(secret: "wrong"), () => new HttpRequestMessage(HttpMethod.Get, server.ResourceUri)).ToEither()));

        using var nowhere = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:1/") };
        Assert.IsType<OAuthError.TransportFailure>(Left(await nowhere.SendAsync(source, () => new HttpRequestMessage(HttpMethod.Get, "x")).ToEither()));

        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        Assert.IsType<OAuthError.Cancelled>(Left(await http.SendAsync(source, () => new HttpRequestMessage(HttpMethod.Get, server.ResourceUri), default, cts.Token).ToEither()));
    }
}
