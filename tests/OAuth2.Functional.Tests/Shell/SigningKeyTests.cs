using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Shell;

/// <summary>Keys from each source, checked against their algorithm; bad keys are a Left naming the cause; signed
/// assertions verify with Microsoft.IdentityModel against the public key alone.</summary>
public class SigningKeyTests
{
    private static string Reason(Either<OAuthError, SigningKey> key) => LeftOf<OAuthError.InvalidArgument, SigningKey>(key).Reason;

    [Fact]
    public void Bad_keys_are_refused_with_the_cause()
    {
        using var small = RSA.Create(1024);
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var rsa = RSA.Create(2048);
        Assert.Equal("RSA keys must have at least 2048 bits", Reason(SigningKey.FromPem(small.ExportPkcs8PrivateKeyPem())));
        Assert.Equal("ES256 needs a key on the P-256 curve", Reason(SigningKey.FromPem(p384.ExportPkcs8PrivateKeyPem(), "ES256")));
        Assert.Equal("the RSA key has no private part", Reason(SigningKey.FromPem(rsa.ExportSubjectPublicKeyInfoPem())));
        Assert.Equal("the PEM text holds no EC key", Reason(SigningKey.FromPem(rsa.ExportPkcs8PrivateKeyPem(), "ES256")));
        Assert.Equal("the algorithm must be one of RS256, PS256, ES256", Reason(SigningKey.FromPem(rsa.ExportPkcs8PrivateKeyPem(), "HS256")));
        Assert.Equal("the PEM text holds no RSA key", Reason(SigningKey.FromPem("-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----")));
        Assert.Equal("the JWK is not a JSON object with JWK members", Reason(SigningKey.FromJwk("{not json")));
        var publicOnly = Right(SigningKey.Generate()).PublicJwk();
        Assert.Equal("the EC key has no private part", Reason(SigningKey.FromJwk(publicOnly)));
        Assert.Equal("the JWK's kty must be RSA or EC (a symmetric key belongs in client_secret_jwt)", Reason(SigningKey.FromJwk("{\"kty\":\"oct\",\"k\":\"AAAA\"}")));
        Assert.Equal("the certificate is required", Reason(SigningKey.FromCertificate(null)));
    }

    [Fact]
    public void A_key_prints_and_publishes_no_private_material()
    {
        var key = Right(SigningKey.Generate("RS256"));
        Assert.Equal($"SigningKey(RS256, kid {key.KeyId})", key.ToString());
        var jwk = new JsonWebKey(key.PublicJwk());
        Assert.False(jwk.HasPrivateKey);
        Assert.Equal(key.KeyId, jwk.Kid);
        Assert.Equal(key.Thumbprint(), Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint()));
    }

    [Theory]
    [InlineData("ES256")]
    [InlineData("PS256")]
    public async Task A_signed_assertion_verifies_with_the_public_key_and_carries_the_core_claims(string algorithm)
    {
        var key = Right(SigningKey.Generate(algorithm));
        var config = Valid(new OAuthConfig(new ClientSettings("cid") { Authentication = new ClientAuthMethod.PrivateKeyJwt(key) { Issuer = "https://as.example/" } }, new AuthSettings(Host)));
        var request = Right(TokenRequests.ClientCredentials(config, null));
        var signed = Right(ClientAssertionSigner.Complete(request, Jan1, "jti-7"));
        var assertion = signed.Body.Pairs.Find(p => p.Name == "client_assertion").Map(p => p.Value).IfNone("");
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            IssuerSigningKey = new JsonWebKey(key.PublicJwk()), ValidIssuer = "cid", ValidAudience = "https://as.example/",
            ValidTypes = ["client-authentication+jwt"], ValidateLifetime = false,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal(("cid", "jti-7", algorithm), (jwt.Subject, jwt.Id, jwt.Alg));
        Assert.Equal((Jan1.UtcDateTime, Jan1.UtcDateTime.AddSeconds(60)), (jwt.IssuedAt, jwt.ValidTo));
        Assert.Equal(signed, Right(ClientAssertionSigner.Complete(signed, Jan1, "unused")));
    }
}
