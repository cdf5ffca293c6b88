using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Review;

/// <summary>
/// Outside review (issue 10): the handler promises a token never goes to an origin that is not allowed. An allowed
/// resource that redirects (307) to a foreign origin: .NET's redirect handler strips <c>Authorization</c> on the hop, but
/// when the foreign origin answers 401 with a <c>DPoP-Nonce</c> and <c>use_dpop_nonce</c>, the handler's nonce retry
/// re-attaches the token to the request, whose <c>RequestUri</c> is now the foreign one, and sends it there.
/// These tests assert the promised behaviour; they FAIL while the bug is present.
/// </summary>
public sealed class RedirectLeakReviewTests
{
    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>A tiny HTTP server on loopback: answers with <paramref name="answer"/> and records the Authorization headers.</summary>
    private sealed class Origin : IDisposable
    {
        private readonly HttpListener listener = new();
        public ConcurrentQueue<string> Authorizations { get; } = new();
        public Uri Base { get; }
        private int count;

        public Origin(Action<int, HttpListenerContext> answer)
        {
            Base = new Uri($"http://127.0.0.1:{FreePort()}/");
            listener.Prefixes.Add(Base.AbsoluteUri);
            listener.Start();
            _ = Task.Run(async () =>
            {
                while (listener.IsListening)
                {
                    HttpListenerContext ctx;
                    try { ctx = await listener.GetContextAsync(); } catch { return; }
                    Authorizations.Enqueue(ctx.Request.Headers["Authorization"] ?? "");
                    answer(Interlocked.Increment(ref count), ctx);
                    ctx.Response.Close();
                }
            });
        }

        public void Dispose() => listener.Close();
    }

    private static TokenSource DPoPSource(string tokenType)
    {
        var key = Right(DPoPKey.Generate());
        var client = Right(ClientCredentials.Create(DefaultConfig() with { DPoP = key }, transport: (_, _) =>
            LeftAsync<OAuthError, HttpResponseSpec>(OAuthError.Argument("transport", "not used"))));
        var token = Right(AccessToken.FromJson($"{{\"access_token\":\"SECRET-TOKEN-VALUE\",\"token_type\":\"{tokenType}\",\"expires_in\":3600}}", DateTimeOffset.UtcNow));
        return Right(TokenSource.FromToken(client, token));
    }

    [Theory]
    [InlineData("Bearer")] // the server did not bind the token (RFC 9449 §5 allows it): a plain bearer token leaks
    [InlineData("DPoP")]
    public async Task A_redirect_to_a_foreign_origin_that_asks_for_a_dpop_nonce_never_receives_the_token(string tokenType)
    {
        using var foreign = new Origin((n, ctx) =>
        {
            if (n == 1)
            {
                ctx.Response.StatusCode = 401;
                ctx.Response.Headers["DPoP-Nonce"] = "evil-nonce";
                ctx.Response.Headers["WWW-Authenticate"] = "DPoP error=\"use_dpop_nonce\"";
            }
            else ctx.Response.StatusCode = 200;
        });
        using var allowed = new Origin((_, ctx) =>
        {
            ctx.Response.StatusCode = 307;
            ctx.Response.Headers["Location"] = new Uri(foreign.Base, "steal").AbsoluteUri;
        });
        var source = DPoPSource(tokenType);
        using var api = new HttpClient(new OAuthTokenHandler(source, allowed.Base) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = true } });

        try { using var _ = await api.GetAsync(new Uri(allowed.Base, "resource")); }
        catch (OAuthTokenException) { } // refusing is fine

        Assert.NotEmpty(foreign.Authorizations); // the redirect was followed
        Assert.All(foreign.Authorizations, a => Assert.DoesNotContain("SECRET-TOKEN-VALUE", a));
    }

    [Fact]
    public async Task AuthorizedHttp_answers_a_401_from_a_foreign_redirect_target_as_it_is_without_renewing_or_resending()
    {
        using var foreign = new Origin((_, ctx) =>
        {
            ctx.Response.StatusCode = 401;
            ctx.Response.Headers["WWW-Authenticate"] = "Bearer error=\"invalid_token\"";
        });
        using var allowed = new Origin((_, ctx) =>
        {
            ctx.Response.StatusCode = 307;
            ctx.Response.Headers["Location"] = new Uri(foreign.Base, "elsewhere").AbsoluteUri;
        });
        var grants = 0;
        var tokens = Right(TokenSource.FromFunctions(_ => RightAsync<OAuthError, AccessToken>(Right(AccessToken.FromJson(
            $"{{\"access_token\":\"TOKEN-{Interlocked.Increment(ref grants)}\",\"expires_in\":3600}}", DateTimeOffset.UtcNow))), null));
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true }) { BaseAddress = allowed.Base };

        var response = Right(await http.SendAsync(tokens, () => new HttpRequestMessage(HttpMethod.Get, "resource")).ToEither());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, grants); // the token was not dropped and renewed for a 401 that says nothing about it
        Assert.Single(allowed.Authorizations); // and the request was not sent again
        Assert.All(foreign.Authorizations, a => Assert.DoesNotContain("TOKEN-", a));
    }
}
