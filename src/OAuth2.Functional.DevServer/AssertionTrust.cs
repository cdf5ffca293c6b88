using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace OAuth2.Functional.DevServer;

/// <summary>
/// Whom the server trusts to sign JWT bearer assertions (RFC 7523): the issuer, and an ES256 key made when the server starts.
/// Tests and the demo sign assertions with <see cref="SigningKey"/>; the server verifies them with the same key, the issuer,
/// its token endpoint as audience, and the lifetime.
/// </summary>
public sealed class AssertionTrust
{
    /// <summary>The <c>iss</c> an assertion must carry.</summary>
    public string Issuer { get; } = "https://assertion-issuer.dev.test";

    /// <summary>The ES256 key (private part included, for signing in tests).</summary>
    public SecurityKey SigningKey { get; } = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "dev-assertion-key" };

    /// <summary>Credentials to sign an assertion with <see cref="SigningKey"/>.</summary>
    public SigningCredentials SigningCredentials => new(SigningKey, SecurityAlgorithms.EcdsaSha256);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTime> seen = new(StringComparer.Ordinal);

    /// <summary>True the first time <paramref name="jwtId"/> is presented; entries are forgotten once their assertion
    /// (valid until <paramref name="validTo"/>, plus the skew) could no longer be accepted anyway.</summary>
    internal bool FirstUse(string jwtId, DateTime validTo)
    {
        var now = DateTime.UtcNow;
        foreach (var old in seen.Where(e => e.Value < now)) seen.TryRemove(old);
        return seen.TryAdd(jwtId, validTo > DateTime.MaxValue.AddSeconds(-30) ? DateTime.MaxValue : validTo.AddSeconds(30));
    }

    /// <summary>Prints the issuer only.</summary>
    public override string ToString() => $"AssertionTrust({Issuer})";

    internal TokenValidationParameters ValidationParameters(Uri audience) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = audience.AbsoluteUri,
        IssuerSigningKey = SigningKey,
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}
