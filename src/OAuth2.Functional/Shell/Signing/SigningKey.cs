using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace OAuth2.Functional;

/// <summary>
/// A private signing key with its JWS algorithm (RS256, PS256 or ES256), for <c>private_key_jwt</c> client assertions and
/// DPoP proofs. Made from a JWK, a PEM or an <see cref="X509Certificate2"/>, or generated. Every factory checks the key
/// against the algorithm (RSA of at least 2048 bits; ES256 on P-256) and that the private part is there, and answers a
/// <c>Left</c> naming the cause otherwise. It never prints key material: <see cref="ToString"/> shows the algorithm and
/// the key id only.
/// </summary>
public sealed class SigningKey
{
    private const string Field = "signingKey";

    /// <summary>The JWS algorithms a key can sign with.</summary>
    public static Seq<string> SupportedAlgorithms { get; } = Seq("RS256", "PS256", "ES256");

    private SigningKey(AsymmetricSecurityKey key, string algorithm, JsonWebKey publicJwk)
    {
        Key = key;
        Algorithm = algorithm;
        PublicJsonWebKey = publicJwk;
        KeyId = key.KeyId;
        Credentials = new SigningCredentials(key, algorithm);
        // A DPoP proof names its key by the jwk header alone: the same key without a kid, so no kid header is written.
        ProofCredentials = new SigningCredentials(key switch
        {
            RsaSecurityKey rsa => new RsaSecurityKey(rsa.Rsa),
            ECDsaSecurityKey ec => new ECDsaSecurityKey(ec.ECDsa),
            _ => key,
        }, algorithm);
    }

    /// <summary>The JWS algorithm (<c>alg</c>).</summary>
    public string Algorithm { get; }

    /// <summary>The key id (<c>kid</c>): the JWK's own, the one given, or else the RFC 7638 thumbprint of the public key.</summary>
    public string KeyId { get; }

    internal AsymmetricSecurityKey Key { get; }
    internal SigningCredentials Credentials { get; }
    internal SigningCredentials ProofCredentials { get; }
    internal JsonWebKey PublicJsonWebKey { get; }

    /// <summary>The public key as a JWK (JSON text with <c>kty</c>, <c>kid</c>, <c>alg</c>, <c>use: sig</c> and the public
    /// parameters only), e.g. to register it with the authorization server in the client's JWK Set.</summary>
    public string PublicJwk() => System.Text.Json.JsonSerializer.Serialize(PublicMembers(includeKid: true), SigningJson.Default.DictionaryStringString);

    /// <summary>The RFC 7638 JWK SHA-256 thumbprint of the public key, base64url (DPoP's <c>jkt</c>).</summary>
    public string Thumbprint() => Base64UrlEncoder.Encode(PublicJsonWebKey.ComputeJwkThumbprint());

    /// <summary>The members of the public JWK (for a DPoP proof's <c>jwk</c> header: no <c>kid</c>, nothing private).</summary>
    internal Dictionary<string, string> PublicMembers(bool includeKid)
    {
        var members = PublicJsonWebKey.Kty == JsonWebAlgorithmsKeyTypes.RSA
            ? new Dictionary<string, string> { ["kty"] = "RSA", ["n"] = PublicJsonWebKey.N, ["e"] = PublicJsonWebKey.E }
            : new Dictionary<string, string> { ["kty"] = "EC", ["crv"] = PublicJsonWebKey.Crv, ["x"] = PublicJsonWebKey.X, ["y"] = PublicJsonWebKey.Y };
        if (!includeKid) return members;
        members["kid"] = KeyId;
        members["alg"] = Algorithm;
        members["use"] = "sig";
        return members;
    }

    /// <summary>The algorithm and the key id; never key material.</summary>
    public override string ToString() => $"SigningKey({Algorithm}, kid {KeyId})";

    /// <summary>A new key pair made in memory (ES256 by default: small and fast; RS256/PS256 get 2048-bit RSA).</summary>
    public static Either<OAuthError, SigningKey> Generate(string algorithm = "ES256") =>
        CheckAlgorithm(algorithm).Bind(alg => alg == "ES256"
            ? Make(ECDsa.Create(ECCurve.NamedCurves.nistP256), alg, null)
            : Make(RSA.Create(2048), alg, null));

    /// <summary>A key from a private JWK (JSON text). The algorithm is <paramref name="algorithm"/>, else the JWK's
    /// <c>alg</c>, else RS256 for an RSA key and ES256 for an EC key; the JWK's <c>kid</c> is kept.</summary>
    public static Either<OAuthError, SigningKey> FromJwk(string? jwk, string? algorithm = null)
    {
        if (string.IsNullOrWhiteSpace(jwk)) return OAuthError.Argument(Field, "the JWK is required");
        JsonWebKey parsed;
        try
        {
            parsed = new JsonWebKey(jwk);
        }
        catch (Exception)
        {
            return OAuthError.Argument(Field, "the JWK is not a JSON object with JWK members");
        }
        var alg = algorithm ?? (string.IsNullOrEmpty(parsed.Alg) ? (parsed.Kty == "EC" ? "ES256" : "RS256") : parsed.Alg);
        return parsed.Kty switch
        {
            "RSA" => Guard(() => RSA.Create(new RSAParameters
            {
                Modulus = Decode(parsed.N), Exponent = Decode(parsed.E), D = Decode(parsed.D), P = Decode(parsed.P), Q = Decode(parsed.Q),
                DP = Decode(parsed.DP), DQ = Decode(parsed.DQ), InverseQ = Decode(parsed.QI),
            }), "the RSA JWK's parameters do not form a key").Bind(rsa => Make(rsa, alg, parsed.Kid)),
            "EC" when parsed.Crv != "P-256" => OAuthError.Argument(Field, "only EC keys on the P-256 curve are supported (ES256)"),
            "EC" => Guard(() => ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = Decode(parsed.X), Y = Decode(parsed.Y) }, D = Decode(parsed.D),
            }), "the EC JWK's parameters do not form a key").Bind(ec => Make(ec, alg, parsed.Kid)),
            _ => OAuthError.Argument(Field, "the JWK's kty must be RSA or EC (a symmetric key belongs in client_secret_jwt)"),
        };
    }

    /// <summary>A key from PEM text (PKCS#8 <c>PRIVATE KEY</c>, <c>RSA PRIVATE KEY</c> or <c>EC PRIVATE KEY</c>): an EC key for
    /// ES256, an RSA key for RS256/PS256.</summary>
    public static Either<OAuthError, SigningKey> FromPem(string? pem, string algorithm = "RS256", string? keyId = null)
    {
        if (string.IsNullOrWhiteSpace(pem)) return OAuthError.Argument(Field, "the PEM text is required");
        return CheckAlgorithm(algorithm).Bind(alg => alg == "ES256"
            ? Guard(() => { var ec = ECDsa.Create(); ec.ImportFromPem(pem); return ec; }, "the PEM text holds no EC key").Bind(ec => Make(ec, alg, keyId))
            : Guard(() => { var rsa = RSA.Create(); rsa.ImportFromPem(pem); return rsa; }, "the PEM text holds no RSA key").Bind(rsa => Make(rsa, alg, keyId)));
    }

    /// <summary>A key from a certificate with its private key (RSA for RS256/PS256, EC P-256 for ES256). The key id is the
    /// public key's RFC 7638 thumbprint unless <paramref name="keyId"/> is given.</summary>
    public static Either<OAuthError, SigningKey> FromCertificate(X509Certificate2? certificate, string algorithm = "RS256", string? keyId = null)
    {
        if (certificate is null) return OAuthError.Argument(Field, "the certificate is required");
        return CheckAlgorithm(algorithm).Bind(alg => alg == "ES256"
            ? Guard(() => certificate.GetECDsaPrivateKey() ?? throw new CryptographicException(), "the certificate has no EC private key").Bind(ec => Make(ec, alg, keyId))
            : Guard(() => certificate.GetRSAPrivateKey() ?? throw new CryptographicException(), "the certificate has no RSA private key").Bind(rsa => Make(rsa, alg, keyId)));
    }

    private static Either<OAuthError, string> CheckAlgorithm(string? algorithm) =>
        algorithm is not null && SupportedAlgorithms.Exists(a => a == algorithm)
            ? algorithm
            : OAuthError.Argument(Field, "the algorithm must be one of RS256, PS256, ES256");

    private static Either<OAuthError, SigningKey> Make(RSA rsa, string algorithm, string? keyId) =>
        CheckAlgorithm(algorithm).Bind(alg => alg == "ES256"
            ? OAuthError.Argument(Field, "ES256 needs an EC key; this is an RSA key")
            : rsa.KeySize < 2048
                ? OAuthError.Argument(Field, "RSA keys must have at least 2048 bits")
                : Guard(() => rsa.ExportParameters(includePrivateParameters: true), "the RSA key has no private part")
                    .Map(p => Finish(new RsaSecurityKey(rsa), alg, keyId,
                        new JsonWebKey { Kty = JsonWebAlgorithmsKeyTypes.RSA, N = Base64UrlEncoder.Encode(p.Modulus), E = Base64UrlEncoder.Encode(p.Exponent) })));

    private static Either<OAuthError, SigningKey> Make(ECDsa ec, string algorithm, string? keyId) =>
        CheckAlgorithm(algorithm).Bind(alg => alg != "ES256"
            ? OAuthError.Argument(Field, $"{alg} needs an RSA key; this is an EC key")
            : Guard(() => ec.ExportParameters(includePrivateParameters: true), "the EC key has no private part")
                .Bind(p => p.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value
                    ? OAuthError.Argument(Field, "ES256 needs a key on the P-256 curve")
                    : Right<OAuthError, SigningKey>(Finish(new ECDsaSecurityKey(ec), alg, keyId,
                        new JsonWebKey { Kty = JsonWebAlgorithmsKeyTypes.EllipticCurve, Crv = "P-256", X = Base64UrlEncoder.Encode(p.Q.X), Y = Base64UrlEncoder.Encode(p.Q.Y) }))));

    private static SigningKey Finish(AsymmetricSecurityKey key, string algorithm, string? keyId, JsonWebKey publicJwk)
    {
        key.KeyId = string.IsNullOrEmpty(keyId) ? Base64UrlEncoder.Encode(publicJwk.ComputeJwkThumbprint()) : keyId;
        publicJwk.Kid = key.KeyId;
        return new SigningKey(key, algorithm, publicJwk);
    }

    private static byte[]? Decode(string? value) => string.IsNullOrEmpty(value) ? null : Base64UrlEncoder.DecodeBytes(value);

    /// <summary>Runs a crypto call that reports bad input by throwing; the exception's text is dropped (it can quote key data).</summary>
    private static Either<OAuthError, T> Guard<T>(Func<T> make, string reason)
    {
        try
        {
            return make();
        }
        catch (Exception)
        {
            return OAuthError.Argument(Field, reason);
        }
    }
}
