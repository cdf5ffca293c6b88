using System.Collections.Concurrent;

namespace OAuth2.Functional;

/// <summary>
/// A DPoP proof key (RFC 9449) and the nonces servers gave for it, remembered per origin. Set it on
/// <see cref="OAuthConfig.DPoP"/>: token and refresh requests then carry a proof, the server binds the tokens it issues
/// to this key (<c>cnf.jkt</c>), and the token handler sends <c>Authorization: DPoP</c> with a fresh proof per request.
/// Prints its algorithm and thumbprint only.
/// </summary>
public sealed class DPoPKey
{
    private readonly ConcurrentDictionary<string, string> nonces = new(StringComparer.Ordinal);

    private DPoPKey(SigningKey key) => Key = key;

    /// <summary>The signing key (its public half goes in every proof's <c>jwk</c> header).</summary>
    public SigningKey Key { get; }

    /// <summary>The JWK SHA-256 thumbprint (<c>jkt</c>) that bound tokens carry in <c>cnf</c>.</summary>
    public string Thumbprint => Key.Thumbprint();

    /// <summary>A new key made in memory (ES256 by default, as RFC 9449 examples and most servers use).</summary>
    public static Either<OAuthError, DPoPKey> Generate(string algorithm = "ES256") => SigningKey.Generate(algorithm).Map(k => new DPoPKey(k));

    /// <summary>The caller's key (made with <see cref="SigningKey"/>'s factories).</summary>
    public static Either<OAuthError, DPoPKey> From(SigningKey? key) =>
        key is null ? OAuthError.Argument("key", "is required") : new DPoPKey(key);

    /// <summary>The last nonce the server at <paramref name="url"/>'s origin sent.</summary>
    internal Option<string> NonceFor(Uri url) => nonces.TryGetValue(DPoPProofClaims.Origin(url), out var n) ? Some(n) : None;

    internal void Remember(Uri url, string nonce) => nonces[DPoPProofClaims.Origin(url)] = nonce;

    /// <summary>A fresh proof for one request (a new <c>jti</c>, the clock read by the caller).</summary>
    internal Either<OAuthError, string> Proof(string method, Uri url, DateTimeOffset now, Option<string> accessToken) =>
        JwtSigner.SignProof(Key, DPoPProofClaims.For(method, url, JwtSigner.NewJwtId(), now, NonceFor(url), accessToken));

    /// <summary>The algorithm and the thumbprint; never key material.</summary>
    public override string ToString() => $"DPoPKey({Key.Algorithm}, jkt {Thumbprint})";
}
