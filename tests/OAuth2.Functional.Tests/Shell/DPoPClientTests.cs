using Microsoft.IdentityModel.JsonWebTokens;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Shell;

/// <summary>The client's half of DPoP without a server: which requests carry a proof, what it claims, and the
/// use_dpop_nonce retry (once, only when the server gave a nonce).</summary>
public class DPoPClientTests
{
    private static readonly DPoPKey Key = Right(DPoPKey.Generate());
    private const string Ok = "{\"access_token\":\"at\",\"token_type\":\"DPoP\",\"expires_in\":60}";

    private static HttpResponseSpec NonceDemand(string nonce, bool inHeader = false) =>
        new(inHeader ? 401 : 400, "", inHeader ? Seq(("DPoP-Nonce", nonce), ("WWW-Authenticate", "DPoP error=\"use_dpop_nonce\"")) : Seq1(("DPoP-Nonce", nonce)),
            Some("application/json"), System.Text.Encoding.UTF8.GetBytes(inHeader ? "" : "{\"error\":\"use_dpop_nonce\"}"));

    [Fact]
    public void A_nonce_demand_is_read_from_the_body_or_the_challenge_and_needs_the_nonce()
    {
        Assert.True(DPoPChallenges.AsksForNonce(NonceDemand("n1")));
        Assert.True(DPoPChallenges.AsksForNonce(NonceDemand("n1", inHeader: true)));
        Assert.False(DPoPChallenges.AsksForNonce(HttpResponseSpec.Of(400, "application/json", "{\"error\":\"use_dpop_nonce\"}")));
        Assert.False(DPoPChallenges.AsksForNonce(NonceDemand("n1") with { Status = 500 }));
        Assert.Equal(Some("n1"), DPoPChallenges.Nonce(NonceDemand("n1")));
    }

    [Fact]
    public void Proof_claims_drop_query_and_fragment_and_hash_the_token()
    {
        var claims = DPoPProofClaims.For("GET", new Uri("https://API.example:443/r/x?q=1#f"), "j", Jan1, Some("n"), Some("Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU"));
        Assert.Equal(new DPoPProofClaims("j", "GET", "https://api.example/r/x", 1704067200, Some("n"), Some("fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo")), claims);
    }

    [Fact]
    public async Task Token_requests_carry_a_proof_and_retry_once_with_the_servers_nonce()
    {
        var fake = new FakeTransport();
        var calls = 0;
        OAuthTransport transport = (request, ct) =>
        {
            fake.Requests.Add(request);
            return (++calls == 1 ? NonceDemand("n-1") : HttpResponseSpec.Of(200, "application/json", Ok)).AsTask().Map(Right<OAuthError, HttpResponseSpec>).ToAsync();
        };
        var client = Right(ClientCredentials.Create(DefaultConfig() with { DPoP = Key }, transport: transport));
        Assert.Equal(Some("DPoP"), Right(await client.GetTokenAsync()).TokenType);
        Assert.Equal(2, fake.Requests.Count);
        var (first, second) = (new JsonWebToken(fake.Requests[0].Header("DPoP").IfNone("")), new JsonWebToken(fake.Requests[1].Header("DPoP").IfNone("")));
        Assert.False(first.TryGetPayloadValue<string>("nonce", out _));
        Assert.Equal("n-1", second.GetPayloadValue<string>("nonce"));
        Assert.Equal(Host + "/oauth/token", second.GetPayloadValue<string>("htu"));
        Assert.True(fake.Requests.TrueForAll(r => r.PendingDPoPProof.IsNone));
    }

    [Fact]
    public async Task A_second_nonce_demand_is_the_answer_and_revocation_carries_no_proof()
    {
        var fake = new FakeTransport().Answer(200, "{}");
        var always = new List<HttpRequestSpec>();
        OAuthTransport demanding = (request, _) => { always.Add(request); return RightAsync<OAuthError, HttpResponseSpec>(NonceDemand("n-" + always.Count)); };
        var client = Right(ClientCredentials.Create(DefaultConfig() with { DPoP = Key }, transport: demanding));
        Assert.Equal("use_dpop_nonce", LeftOf<OAuthError.ProtocolError, AccessToken>(await client.GetTokenAsync()).Error);
        Assert.Equal(2, always.Count);
        var revoker = Right(ClientCredentials.Create(DefaultConfig() with { DPoP = Key }, transport: fake.Transport));
        Right(await revoker.RevokeAsync(Token("{\"access_token\":\"a\"}"), TokenKind.AccessToken));
        Assert.True(fake.Requests.Single().Header("DPoP").IsNone);
    }

    [Fact]
    public void With_a_dpop_key_the_authorize_url_binds_the_code_to_its_thumbprint()
    {
        var url = Right(AuthorizeUrls.Build(Valid(DefaultConfig() with { DPoP = Key }), Parameters.Of(("state", "s"))));
        Assert.Equal($"{Host}/oauth/authorize?response_type=code&client_id=the+client+id&dpop_jkt={Key.Thumbprint}&state=s", url);
        Assert.DoesNotContain("dpop_jkt", Right(AuthorizeUrls.Build(Valid(DefaultConfig()), null)));
    }
}
