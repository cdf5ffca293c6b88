using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using OAuth2.Functional.DevServer;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Integration;

/// <summary><c>private_key_jwt</c> and <c>client_secret_jwt</c> (RFC 7523) against the real OpenIddict server over real
/// HTTP: each key source and algorithm accepted, a wrong key refused, every operation authenticated by a fresh assertion.</summary>
[Collection("devserver")]
public class JwtClientAuthenticationTests(DevServerFixture fixture)
{
    private DevAuthorizationServer Server => fixture.Server;

    private OAuthConfig SecretJwtConfig(string? secret = null) =>
        Server.ConfigFor(new DevClient(Server.SecretJwt.Id, null, null)) is var c
            ? c with { Client = c.Client with { Authentication = new ClientAuthMethod.ClientSecretJwt(secret ?? Server.SecretJwt.Secret!) { Issuer = Server.Issuer } } }
            : c;

    /// <summary>The default transport, recording every request as it left (assertion signed).</summary>
    private static (OAuthTransport Transport, ConcurrentQueue<HttpRequestSpec> Sent) Recording()
    {
        var sent = new ConcurrentQueue<HttpRequestSpec>();
        var inner = HttpClientTransport.Create(null, HttpSettings.Default with { Timeout = DevAuthorizationServer.FirstUseTimeout });
        return ((request, ct) => { sent.Enqueue(request); return inner(request, ct); }, sent);
    }

    private static string Assertion(HttpRequestSpec request) => request.Body.Pairs.Find(p => p.Name == "client_assertion").Map(p => p.Value).IfNone("");

    private static JsonWebToken Read(HttpRequestSpec request) => new(Assertion(request));

    private static string RsaPrivateJwk(string pem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var p = rsa.ExportParameters(true);
        static string B(byte[]? b) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(b);
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "RSA", ["n"] = B(p.Modulus), ["e"] = B(p.Exponent), ["d"] = B(p.D), ["p"] = B(p.P), ["q"] = B(p.Q),
            ["dp"] = B(p.DP), ["dq"] = B(p.DQ), ["qi"] = B(p.InverseQ),
        });
    }

    public static TheoryData<string> KeySources => new() { "rsa-pem-RS256", "rsa-pem-PS256", "rsa-jwk", "rsa-certificate", "ec-pem-ES256" };

    private SigningKey KeyFor(string source) => source switch
    {
        "rsa-pem-RS256" => Right(SigningKey.FromPem(Server.RsaKeyClient.PrivateKeyPem, "RS256")),
        "rsa-pem-PS256" => Right(SigningKey.FromPem(Server.RsaKeyClient.PrivateKeyPem, "PS256")),
        "rsa-jwk" => Right(SigningKey.FromJwk(RsaPrivateJwk(Server.RsaKeyClient.PrivateKeyPem))),
        "rsa-certificate" => Right(SigningKey.FromCertificate(SelfSigned(Server.RsaKeyClient.PrivateKeyPem))),
        _ => Right(SigningKey.FromPem(Server.EcKeyClient.PrivateKeyPem, "ES256")),
    };

    private static X509Certificate2 SelfSigned(string pem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var request = new CertificateRequest("CN=jwt-rsa", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    [Theory]
    [MemberData(nameof(KeySources))]
    public async Task Private_key_jwt_from_each_key_source_and_algorithm_is_accepted(string source)
    {
        var client = source.StartsWith("ec", StringComparison.Ordinal) ? Server.EcKeyClient : Server.RsaKeyClient;
        var key = KeyFor(source);
        var (transport, sent) = Recording();
        var cc = Right(ClientCredentials.Create(client.ConfigFor(Server, key: key), transport: transport));
        var token = Right(await cc.GetTokenAsync(Parameters.Empty.WithScope("api")));
        Assert.Equal(Some("Bearer"), token.TokenType);
        var request = Assert.Single(sent);
        Assert.True(request.Header("Authorization").IsNone);
        Assert.Equal(Some(ClientAssertionClaims.AssertionType), request.Body.Pairs.Find(p => p.Name == "client_assertion_type").Map(p => p.Value));
        var jwt = Read(request);
        Assert.Equal(key.Algorithm, jwt.Alg);
        Assert.Equal(client.Id, jwt.Issuer);
        Assert.Equal(client.Id, jwt.Subject);
        Assert.Equal(Server.Issuer, Assert.Single(jwt.Audiences));
        Assert.Equal("client-authentication+jwt", jwt.Typ);
        Assert.Equal(60, (jwt.ValidTo - jwt.IssuedAt).TotalSeconds);
        Assert.Equal(key.KeyId, jwt.Kid);
    }

    [Fact]
    public async Task Client_secret_jwt_signs_with_hs256_and_is_accepted()
    {
        var (transport, sent) = Recording();
        var cc = Right(ClientCredentials.Create(SecretJwtConfig(), transport: transport));
        Assert.True((await cc.GetTokenAsync()).IsRight);
        var request = Assert.Single(sent);
        Assert.Equal("HS256", Read(request).Alg);
        Assert.DoesNotContain(Server.SecretJwt.Secret!, request.Body.Render());
    }

    /// <summary>Without an issuer, the assertion is RFC 7523's classic one (aud: the token endpoint URL, typ: JWT). OpenIddict 7.8
    /// follows draft-ietf-oauth-rfc7523bis and refuses it (a generic typ); configuring the issuer is what makes it pass.</summary>
    [Fact]
    public async Task Without_an_issuer_the_classic_assertion_is_sent_and_openiddict_refuses_it()
    {
        var (transport, sent) = Recording();
        var config = Server.EcKeyClient.ConfigFor(Server) is var c
            ? c with { Client = c.Client with { Authentication = new ClientAuthMethod.PrivateKeyJwt(Server.EcKeyClient.Key) } }
            : c;
        var cc = Right(ClientCredentials.Create(config, transport: transport));
        Assert.Equal("invalid_client", LeftOf<OAuthError.ProtocolError, AccessToken>(await cc.GetTokenAsync()).Error);
        var jwt = Read(Assert.Single(sent));
        Assert.Equal(new Uri(Server.BaseUri, "oauth/token").AbsoluteUri, Assert.Single(jwt.Audiences));
        Assert.Equal("JWT", jwt.Typ);
    }

    [Fact]
    public async Task A_key_the_server_does_not_hold_is_invalid_client()
    {
        var stranger = Right(SigningKey.Generate("ES256"));
        var cc = Right(ClientCredentials.Create(Server.EcKeyClient.ConfigFor(Server, key: stranger)));
        var refused = LeftOf<OAuthError.ProtocolError, AccessToken>(await cc.GetTokenAsync());
        Assert.Equal("invalid_client", refused.Error);
        var wrongSecret = Right(ClientCredentials.Create(SecretJwtConfig("another-secret-that-is-long-enough-0123456789")));
        Assert.Equal("invalid_client", LeftOf<OAuthError.ProtocolError, AccessToken>(await wrongSecret.GetTokenAsync()).Error);
    }

    [Fact]
    public async Task An_audience_of_another_server_is_refused()
    {
        var config = Server.EcKeyClient.ConfigFor(Server) is var c
            ? c with { Client = c.Client with { Authentication = new ClientAuthMethod.PrivateKeyJwt(Server.EcKeyClient.Key) { Issuer = "https://other.example/" } } }
            : c;
        Assert.IsType<OAuthError.ProtocolError>(Left(await Right(ClientCredentials.Create(config)).GetTokenAsync()));
    }

    [Fact]
    public async Task Token_refresh_introspect_and_revoke_each_carry_a_fresh_assertion()
    {
        var (transport, sent) = Recording();
        var client = Right(ResourceOwnerPassword.Create(Server.RsaKeyClient.ConfigFor(Server), transport: transport));
        var token = Right(await client.GetTokenAsync(Parameters.Of(("username", Server.User.Username), ("password", Server.User.Password)).WithScopes("api", "offline_access")));
        var refreshed = Right(await client.RefreshAsync(token));
        Assert.True(Right(await client.IntrospectAsync(refreshed)).Active);
        Right(await client.RevokeAsync(refreshed, TokenKind.RefreshToken));
        Assert.IsType<OAuthError.ProtocolError>(Left(await client.RefreshAsync(refreshed)));
        var requests = sent.ToArray();
        Assert.Equal(5, requests.Length);
        Assert.All(requests, r => Assert.True(r.Header("Authorization").IsNone && r.PendingAssertion.IsNone && Assertion(r).Length > 0));
        Assert.Equal(5, requests.Select(r => Read(r).Id).Distinct().Count());
    }

    /// <summary>OpenIddict 7.8 does not remember assertion ids: the same assertion, sent again within its lifetime, is
    /// accepted. The library never sends one twice (each request gets its own jti), and the short default lifetime
    /// (60 s) bounds the window a captured assertion is useful in.</summary>
    [Fact]
    public async Task A_replayed_assertion_is_accepted_by_openiddict_so_the_client_never_reuses_one()
    {
        var (transport, sent) = Recording();
        var cc = Right(ClientCredentials.Create(Server.EcKeyClient.ConfigFor(Server), transport: transport));
        Right(await cc.GetTokenAsync());
        var first = Assert.Single(sent);
        var replay = await transport(first, CancellationToken.None).ToEither();
        Assert.Equal(200, Right(replay).Status);
        Right(await cc.GetTokenAsync());
        Assert.NotEqual(Read(sent.ToArray()[0]).Id, Read(sent.ToArray()[2]).Id);
    }
}
