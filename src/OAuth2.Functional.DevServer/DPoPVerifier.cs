using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OAuth2.Functional.DevServer;

/// <summary>
/// Verifies DPoP proofs (RFC 9449 §4.3) the way a server must, with Microsoft.IdentityModel doing the JWS work: one
/// <c>DPoP</c> header; <c>typ: dpop+jwt</c>; an asymmetric algorithm; a public <c>jwk</c> in the header, against which
/// <see cref="JsonWebTokenHandler.ValidateTokenAsync(string, TokenValidationParameters)"/> checks the signature; <c>htm</c>
/// and <c>htu</c> matching the request; <c>iat</c> within a minute; a <c>jti</c> never seen before (a replay cache); the
/// current server nonce; and, on resource requests, <c>ath</c> matching the access token. OpenIddict 7.8 has no DPoP
/// support of its own: the dev server verifies proofs with this at its token endpoint and its DPoP resource.
/// </summary>
public sealed class DPoPVerifier
{
    private static readonly JsonWebTokenHandler Handler = new();
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private string nonce = NewNonce();
    private int nonceChallenges;
    private int pushedProofs;

    /// <summary>The nonce proofs must carry now (RFC 9449 §8).</summary>
    public string Nonce => Volatile.Read(ref nonce);

    /// <summary>How many times a request was answered <c>use_dpop_nonce</c>.</summary>
    public int NonceChallenges => Volatile.Read(ref nonceChallenges);

    /// <summary>How many pushed authorization requests carried a valid proof (RFC 9449 §10.1).</summary>
    public int PushedProofs => Volatile.Read(ref pushedProofs);

    internal void RecordPushedProof() => Interlocked.Increment(ref pushedProofs);

    /// <summary>Issues a new nonce: proofs with the old one get <c>use_dpop_nonce</c> again.</summary>
    public void RotateNonce() => Volatile.Write(ref nonce, NewNonce());

    private static string NewNonce() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));

    /// <summary>The outcome: the proof key's JWK thumbprint, or the error (<c>invalid_dpop_proof</c> or <c>use_dpop_nonce</c>).</summary>
    public sealed record Outcome(string? Thumbprint, string? Error, string? Description);

    /// <summary>Verifies the request's proof; <paramref name="accessToken"/> is given on resource requests (then <c>ath</c> is required).</summary>
    public async Task<Outcome> VerifyAsync(HttpRequest request, string? accessToken)
    {
        var headers = request.Headers["DPoP"];
        if (headers.Count != 1 || string.IsNullOrEmpty(headers[0])) return Invalid("exactly one DPoP header is required");
        JsonWebToken proof;
        try
        {
            proof = new JsonWebToken(headers[0]);
        }
        catch (Exception)
        {
            return Invalid("the DPoP header is not a JWT");
        }
        if (!proof.TryGetHeaderValue<JsonElement>("jwk", out var jwkJson) || jwkJson.ValueKind != JsonValueKind.Object) return Invalid("the proof has no jwk header");
        var jwk = new JsonWebKey(jwkJson.GetRawText());
        if (jwk.HasPrivateKey) return Invalid("the jwk header holds a private key");
        var result = await Handler.ValidateTokenAsync(headers[0], new TokenValidationParameters
        {
            IssuerSigningKey = jwk, ValidateIssuer = false, ValidateAudience = false, ValidateLifetime = false, RequireExpirationTime = false,
            ValidTypes = ["dpop+jwt"], ValidAlgorithms = ["RS256", "PS256", "ES256"],
        });
        if (!result.IsValid) return Invalid("the proof's signature, type or algorithm is not valid");
        var claims = result.Claims;
        string? Text(string name) => claims.TryGetValue(name, out var v) ? v as string : null;
        var now = DateTimeOffset.UtcNow;
        if (Text("htm") != request.Method) return Invalid("htm does not match the request method");
        var target = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}");
        if (!Uri.TryCreate(Text("htu"), UriKind.Absolute, out var htu) || htu.GetLeftPart(UriPartial.Path) != target.GetLeftPart(UriPartial.Path))
            return Invalid("htu does not match the request URL");
        if (!claims.TryGetValue("iat", out var iatValue) || !long.TryParse(Convert.ToString(iatValue, System.Globalization.CultureInfo.InvariantCulture), out var iat) ||
            (DateTimeOffset.FromUnixTimeSeconds(iat) - now).Duration() > Skew)
            return Invalid("iat is missing or too far from the server's clock");
        if (Text("jti") is not { Length: > 0 } jti) return Invalid("jti is missing");
        if (accessToken is not null && Text("ath") != OAuth2.Functional.DPoPProofClaims.AccessTokenHashOf(accessToken))
            return Invalid("ath does not match the access token");
        if (Text("nonce") != Nonce)
        {
            Interlocked.Increment(ref nonceChallenges);
            return new Outcome(null, "use_dpop_nonce", "Authorization server requires nonce in DPoP proof");
        }
        Forget(now);
        if (!seen.TryAdd(jti, now)) return Invalid("the proof was already used (jti replay)");
        return new Outcome(Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint()), null, null);
    }

    /// <summary>Proofs older than the accepted skew can no longer pass the iat check, so their jti need not be kept.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var old in seen.Where(e => now - e.Value > Skew + Skew)) seen.TryRemove(old.Key, out _);
    }

    private static Outcome Invalid(string description) => new(null, "invalid_dpop_proof", description);
}
