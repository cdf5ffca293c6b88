using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OAuth2.Functional;

/// <summary>Signs JWTs with Microsoft.IdentityModel's <see cref="JsonWebTokenHandler"/> (no hand-written JWS). The
/// times are the caller's claims: the handler adds none of its own, so the clock is read once, by the caller.</summary>
internal static class JwtSigner
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>A symmetric key is made per assertion; its provider is not cached, so the factory's cache does not grow.</summary>
    private static readonly CryptoProviderFactory Uncached = new() { CacheSignatureProviders = false };

    /// <summary>A fresh <c>jti</c>: 128 random bits, base64url.</summary>
    public static string NewJwtId() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));

    /// <summary>The compact JWS, or a <c>Left</c> naming what could not be signed (never the exception's text).</summary>
    public static Either<OAuthError, string> Sign(SigningCredentials credentials, IDictionary<string, object> claims, string? type = null,
        IDictionary<string, object>? header = null, string what = "client assertion")
    {
        try
        {
            return Handler.CreateToken(new SecurityTokenDescriptor
            {
                Claims = claims, SigningCredentials = credentials, TokenType = type, AdditionalHeaderClaims = header,
            });
        }
        catch (Exception e)
        {
            return OAuthError.Argument("signingKey", $"the {what} could not be signed ({e.GetType().Name})");
        }
    }

    /// <summary>A DPoP proof: <c>typ: dpop+jwt</c>, the public key in the <c>jwk</c> header, the Core claims.</summary>
    public static Either<OAuthError, string> SignProof(SigningKey key, DPoPProofClaims c)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["jti"] = c.JwtId, ["htm"] = c.Method, ["htu"] = c.Url, ["iat"] = c.IssuedAt };
        if (c.Nonce.Case is string nonce) claims["nonce"] = nonce;
        if (c.AccessTokenHash.Case is string ath) claims["ath"] = ath;
        var header = new Dictionary<string, object>(StringComparer.Ordinal) { ["jwk"] = key.PublicMembers(includeKid: false).ToDictionary(m => m.Key, m => (object)m.Value) };
        return Sign(key.ProofCredentials, claims, DPoPProofClaims.JwtType, header, "DPoP proof");
    }

    /// <summary>HS256 credentials keyed by the UTF-8 bytes of the client secret (<c>client_secret_jwt</c>).</summary>
    public static SigningCredentials Hmac(Secret secret) =>
        new(new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(secret.Reveal())) { CryptoProviderFactory = Uncached },
            SecurityAlgorithms.HmacSha256);
}
