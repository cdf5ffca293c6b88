using OAuth2.Functional.DevServer;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Integration;

/// <summary>Pushed authorization requests (RFC 9126) against OpenIddict's own pushed authorization endpoint: push → authorize
/// with only <c>client_id</c> and <c>request_uri</c> → code → token, for a public (PKCE) and a confidential (Basic) client.</summary>
[Collection("devserver")]
public class PushedAuthorizationTests(DevServerFixture fixture)
{
    private DevAuthorizationServer Server => fixture.Server;

    private AuthorizationCode ClientFor(DevClient c) =>
        Right(AuthorizationCode.Create(Server.ConfigFor(c) with
        {
            Auth = Server.ConfigFor(c).Auth with { PushedAuthorizationPath = DevAuthorizationServer.PushedAuthorizationPath },
        }));

    private static Parameters Request(string state) =>
        Parameters.Of(("redirect_uri", DevAuthorizationServer.CallbackUri), ("state", state)).WithScope("api");

    [Fact]
    public async Task A_public_client_pushes_then_authorizes_with_only_client_id_and_request_uri()
    {
        var client = ClientFor(Server.Public);
        var pkce = PkceGenerator.New();
        var pushed = Right(await client.PushAuthorizationAsync(pkce.AddChallenge(Request("p-1"))));
        Assert.True(pushed.ExpiresAt > DateTimeOffset.UtcNow);
        var url = Right(client.PushedAuthorizeUrl(pushed));
        Assert.Equal(new[] { "client_id", "request_uri" }, new Uri(url).Query.TrimStart('?').Split('&').Select(p => p.Split('=')[0]));
        var callback = Right(await UserAgent.FollowAuthorizeAsync(url, CallbackExpectation.ForState("p-1").WithIssuer(Server.Issuer, required: true)));
        Assert.True(Right(await client.GetTokenAsync(pkce.AddVerifier(callback.ToParameters().Add("redirect_uri", DevAuthorizationServer.CallbackUri)))).ExpiresAt.IsSome);
        // A request_uri is single-use.
        Assert.Equal(400, Assert.IsType<OAuthError.HttpError>(Left(await UserAgent.FollowAuthorizeAsync(url, CallbackExpectation.ForState("p-1")))).Status);
    }

    [Fact]
    public async Task A_confidential_client_authenticates_its_push_with_Basic()
    {
        var client = ClientFor(Server.Web);
        var pushed = Right(await client.PushAuthorizationAsync(Request("p-2")));
        var callback = Right(await UserAgent.FollowAuthorizeAsync(Right(client.PushedAuthorizeUrl(pushed)), CallbackExpectation.ForState("p-2")));
        Assert.True((await client.GetTokenAsync(callback.ToParameters().Add("redirect_uri", DevAuthorizationServer.CallbackUri))).IsRight);
    }

    [Fact]
    public async Task A_client_with_a_DPoP_key_proves_it_on_the_push_and_redeems_the_code_for_a_DPoP_bound_token()
    {
        var key = Right(DPoPKey.Generate());
        var config = Server.ConfigFor(Server.Public);
        var client = Right(AuthorizationCode.Create(config with
        {
            Auth = config.Auth with { PushedAuthorizationPath = DevAuthorizationServer.PushedAuthorizationPath },
            DPoP = key,
        }));
        var before = Server.DPoP.PushedProofs;
        var pkce = PkceGenerator.New();
        // RFC 9449 §10.1: the push carries a proof for the PAR endpoint (the server demands a nonce first: answered once).
        var pushed = Right(await client.PushAuthorizationAsync(pkce.AddChallenge(Request("p-dpop"))));
        Assert.Equal(before + 1, Server.DPoP.PushedProofs);
        var callback = Right(await UserAgent.FollowAuthorizeAsync(Right(client.PushedAuthorizeUrl(pushed)), CallbackExpectation.ForState("p-dpop")));
        var token = Right(await client.GetTokenAsync(pkce.AddVerifier(callback.ToParameters().Add("redirect_uri", DevAuthorizationServer.CallbackUri))));
        Assert.Equal("DPoP", token.TokenType.IfNone(""));
    }

    [Fact]
    public async Task A_push_with_a_wrong_secret_is_the_servers_invalid_client()
    {
        var wrong = Server.Web with { Secret = "not-the-secret" };
        var client = ClientFor(wrong);
        Assert.Equal("invalid_client", ServerError(Left(await client.PushAuthorizationAsync(Request("p-3")))));
    }

    [Fact]
    public async Task A_push_with_a_redirect_uri_the_client_did_not_register_is_the_servers_error()
    {
        var client = ClientFor(Server.Public);
        var error = Left(await client.PushAuthorizationAsync(PkceGenerator.New().AddChallenge(
            Parameters.Of(("redirect_uri", "http://127.0.0.1/elsewhere"), ("state", "p-4")))));
        Assert.Equal(400, Assert.IsType<OAuthError.ProtocolError>(error).Status);
    }
}

/// <summary>A server that requires PAR (its own instance: the requirement is server-wide) and a client configured from its
/// metadata, which pushes without being told to.</summary>
public class RequiredPushedAuthorizationTests : IAsyncLifetime
{
    private DevAuthorizationServer server = null!;

    public async Task InitializeAsync() =>
        server = await DevAuthorizationServer.StartAsync(DevServerOptions.Default with { RequirePushedAuthorizationRequests = true });

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Metadata_that_requires_PAR_makes_the_client_push_and_the_plain_URL_is_refused()
    {
        var discovery = Right(DiscoveryClient.Create(server.Issuer, MetadataDocument.OAuthAuthorizationServer,
            http: HttpSettings.Default with { Timeout = DevAuthorizationServer.FirstUseTimeout }));
        var m = Right(await discovery.FetchAsync());
        Assert.True(m.RequirePushedAuthorizationRequests);
        var config = Right(Discovery.ConfigFor(m, GrantKind.AuthorizationCode, new ClientSettings(server.Public.Id),
            http: HttpSettings.Default with { Timeout = DevAuthorizationServer.FirstUseTimeout }));
        Assert.True(config.Auth.RequirePushedAuthorizationRequests);
        var client = Right(AuthorizationCode.Create(config));
        var pkce = PkceGenerator.New();
        var parameters = pkce.AddChallenge(Parameters.Of(("redirect_uri", DevAuthorizationServer.CallbackUri), ("state", "r-1")).WithScope("api"));

        Assert.Equal("config", LeftOf<OAuthError.InvalidArgument, string>(client.AuthorizeUrl(parameters)).Name);

        var url = Right(await client.AuthorizeUrlAsync(parameters));
        Assert.Contains("request_uri=", url);
        var callback = Right(await UserAgent.FollowAuthorizeAsync(url, m.CallbackExpectation("r-1")));
        Assert.True((await client.GetTokenAsync(pkce.AddVerifier(callback.ToParameters().Add("redirect_uri", DevAuthorizationServer.CallbackUri)))).IsRight);

        // The server enforces it too: an authorize URL that was not pushed is refused.
        var plain = Right(AuthorizationCode.Create(server.ConfigFor(server.Public))).AuthorizeUrl(parameters.Add("state", "r-2"));
        // OpenIddict answers with its error page (400) rather than redirecting.
        Assert.Equal(400, Assert.IsType<OAuthError.HttpError>(Left(await UserAgent.FollowAuthorizeAsync(Right(plain), CallbackExpectation.ForState("r-2")))).Status);
    }
}
