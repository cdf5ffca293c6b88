using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using OAuth2.Functional.DevServer;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Integration;

/// <summary>DPoP (RFC 9449) against the dev server, whose verifier checks proofs with Microsoft.IdentityModel: tokens
/// bound to the proof key (cnf.jkt, token_type DPoP), the nonce round trip at the token endpoint and at the resource,
/// a replayed proof refused, and a token bound to key A refused with a proof from key B.</summary>
[Collection("devserver")]
public class DPoPTests(DevServerFixture fixture)
{
    private DevAuthorizationServer Server => fixture.Server;

    private (ClientCredentials Client, DPoPKey Key, ConcurrentQueue<(HttpRequestSpec Request, int Status)> Sent) Client()
    {
        var key = Right(DPoPKey.Generate());
        var sent = new ConcurrentQueue<(HttpRequestSpec, int)>();
        var inner = HttpClientTransport.Create(null, HttpSettings.Default with { Timeout = DevAuthorizationServer.FirstUseTimeout });
        OAuthTransport recording = (request, ct) => inner(request, ct).Map(r => { sent.Enqueue((request, r.Status)); return r; });
        var client = Right(ClientCredentials.Create(Server.ConfigFor(Server.Confidential) with { DPoP = key }, transport: recording));
        return (client, key, sent);
    }

    private static JsonWebToken Proof(HttpRequestSpec request) => new(request.Header("DPoP").IfNone(""));

    private static string Cnf(AccessToken token) =>
        new JsonWebToken(token.Value.Reveal()).GetPayloadValue<JsonElement>("cnf").GetProperty("jkt").GetString()!;

    [Fact]
    public async Task A_token_request_carries_a_proof_retries_once_for_the_nonce_and_gets_a_bound_token()
    {
        var (client, key, sent) = Client();
        var token = Right(await client.GetTokenAsync(Parameters.Empty.WithScope("api")));
        Assert.Equal(Some("DPoP"), token.TokenType);
        Assert.Equal(key.Thumbprint, Cnf(token));
        var attempts = sent.ToArray();
        Assert.Equal(new[] { 400, 200 }, attempts.Select(a => a.Status));
        var (first, second) = (Proof(attempts[0].Request), Proof(attempts[1].Request));
        Assert.False(first.TryGetPayloadValue<string>("nonce", out _));
        Assert.Equal(Server.DPoP.Nonce, second.GetPayloadValue<string>("nonce"));
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(("dpop+jwt", "ES256", "POST"), (second.Typ, second.Alg, second.GetPayloadValue<string>("htm")));
        Assert.Equal(new Uri(Server.BaseUri, "oauth/token").AbsoluteUri, second.GetPayloadValue<string>("htu"));
        Assert.False(second.TryGetPayloadValue<string>("ath", out _));
        var jwk = second.GetHeaderValue<JsonElement>("jwk");
        Assert.False(jwk.TryGetProperty("d", out _));
        Assert.Equal(key.Thumbprint, Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(new Microsoft.IdentityModel.Tokens.JsonWebKey(jwk.GetRawText()).ComputeJwkThumbprint()));

        // The nonce is remembered for the origin: the next request carries it at once.
        Right(await client.GetTokenAsync());
        Assert.Equal(3, sent.Count);
    }

    [Fact]
    public async Task The_handler_sends_the_bound_token_with_a_fresh_proof_and_follows_a_new_nonce()
    {
        var (client, _, _) = Client();
        var source = Right(TokenSource.Create(client));
        using var http = new HttpClient(new OAuthTokenHandler(source, Server.BaseUri) { InnerHandler = new HttpClientHandler() });
        var first = await http.GetAsync(new Uri(Server.DPoPResourceUri, "?page=1#top"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Server.DPoP.RotateNonce();
        var challenges = Server.DPoP.NonceChallenges;
        var second = await http.PostAsync(Server.DPoPResourceUri, new StringContent("body"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(challenges + 1, Server.DPoP.NonceChallenges);
        Assert.Equal("ok dpop", await second.Content.ReadAsStringAsync());
    }

    private async Task<(AccessToken Token, DPoPKey Key)> BoundTokenAsync()
    {
        var (client, key, _) = Client();
        return (Right(await client.GetTokenAsync()), key);
    }

    private async Task<HttpResponseMessage> SendWithProofAsync(AccessToken token, string proof)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Server.DPoPResourceUri);
        request.Headers.Authorization = new AuthenticationHeaderValue("DPoP", token.Value.Reveal());
        request.Headers.Add("DPoP", proof);
        return await http.SendAsync(request);
    }

    private string ProofFor(DPoPKey key, AccessToken token)
    {
        key.Remember(Server.DPoPResourceUri, Server.DPoP.Nonce);
        return Right(key.Proof("GET", Server.DPoPResourceUri, DateTimeOffset.UtcNow, Some(token.Value.Reveal())));
    }

    [Fact]
    public async Task A_replayed_proof_is_refused()
    {
        var (token, key) = await BoundTokenAsync();
        var proof = ProofFor(key, token);
        Assert.Equal(HttpStatusCode.OK, (await SendWithProofAsync(token, proof)).StatusCode);
        var replay = await SendWithProofAsync(token, proof);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Contains("invalid_dpop_proof", replay.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_token_bound_to_key_a_is_refused_with_a_proof_from_key_b()
    {
        var (token, _) = await BoundTokenAsync();
        var other = Right(DPoPKey.Generate());
        var refused = await SendWithProofAsync(token, ProofFor(other, token));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("bound to another key", refused.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_refresh_carries_a_proof_and_the_new_token_is_bound_too()
    {
        var key = Right(DPoPKey.Generate());
        var client = Right(ResourceOwnerPassword.Create(Server.ConfigFor(Server.Confidential) with { DPoP = key }));
        var token = Right(await client.GetTokenAsync(Parameters.Of(("username", Server.User.Username), ("password", Server.User.Password)).WithScopes("api", "offline_access")));
        var refreshed = Right(await client.RefreshAsync(token));
        Assert.Equal((Some("DPoP"), key.Thumbprint), (refreshed.TokenType, Cnf(refreshed)));
        Assert.True(Right(await client.IntrospectAsync(refreshed)).Active);
    }

    [Fact]
    public async Task An_authorization_code_asked_for_with_dpop_jkt_is_redeemed_with_a_proof_for_a_bound_token()
    {
        var key = Right(DPoPKey.Generate());
        var client = Right(AuthorizationCode.Create(Server.ConfigFor(Server.Public) with { DPoP = key }));
        var pkce = PkceGenerator.New();
        var url = Right(client.AuthorizeUrl(pkce.AddChallenge(Parameters.Of(("redirect_uri", DevAuthorizationServer.CallbackUri), ("state", "st")).WithScope("api"))));
        Assert.Contains("dpop_jkt=" + key.Thumbprint, url);
        var callback = Right(await UserAgent.FollowAuthorizeAsync(url, CallbackExpectation.ForState("st")));
        var token = Right(await client.GetTokenAsync(pkce.AddVerifier(callback.ToParameters().Add("redirect_uri", DevAuthorizationServer.CallbackUri))));
        Assert.Equal((Some("DPoP"), key.Thumbprint), (token.TokenType, Cnf(token)));
    }

    [Fact]
    public async Task A_code_bound_to_one_key_with_dpop_jkt_is_refused_when_redeemed_with_another_keys_proof()
    {
        var keyA = Right(DPoPKey.Generate());
        var keyB = Right(DPoPKey.Generate());
        var asker = Right(AuthorizationCode.Create(Server.ConfigFor(Server.Public) with { DPoP = keyA }));
        var redeemer = Right(AuthorizationCode.Create(Server.ConfigFor(Server.Public) with { DPoP = keyB }));
        var pkce = PkceGenerator.New();
        var url = Right(asker.AuthorizeUrl(pkce.AddChallenge(Parameters.Of(("redirect_uri", DevAuthorizationServer.CallbackUri), ("state", "jkt")).WithScope("api"))));
        var callback = Right(await UserAgent.FollowAuthorizeAsync(url, CallbackExpectation.ForState("jkt")));
        var refused = Left(await redeemer.GetTokenAsync(pkce.AddVerifier(callback.ToParameters().Add("redirect_uri", DevAuthorizationServer.CallbackUri))));
        Assert.Equal("invalid_grant", Assert.IsType<OAuthError.ProtocolError>(refused).Error);
    }
}
