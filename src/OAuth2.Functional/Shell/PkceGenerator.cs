using System.Security.Cryptography;

namespace OAuth2.Functional;

/// <summary>Fresh random values for the authorization-code flow (the effectful half of <see cref="Pkce"/>).</summary>
public static class PkceGenerator
{
    /// <summary>A new PKCE pair from 32 random bytes (a 43-character verifier).</summary>
    public static Pkce New() => Pkce.Unchecked(Pkce.Base64Url(RandomNumberGenerator.GetBytes(32)));

    /// <summary>A new random <c>state</c> value (128 bits, base64url).</summary>
    public static string NewState() => Pkce.Base64Url(RandomNumberGenerator.GetBytes(16));
}
