using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace OAuth2.Functional;

/// <summary>Checks the <c>state</c> a callback returned against the one sent (RFC 6749 §10.12, RFC 9700 §4.7).</summary>
public static class StateCheck
{
    /// <summary>Right when <paramref name="returned"/> is exactly <paramref name="expected"/>, compared as UTF-16 code units in
    /// constant time (for a given length), so two different strings never compare equal after an encoding step (lone
    /// surrogates included). A missing or empty expected state is an error: it would accept a forged callback.</summary>
    public static Either<OAuthError, Unit> Verify(string? expected, string? returned)
    {
        if (string.IsNullOrEmpty(expected))
            return OAuthError.Argument("expected", "is missing or empty; a state must be sent with the authorize request and kept to check the callback");
        if (returned is null) return OAuthError.Argument("state", "is missing from the callback");
        return CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(expected.AsSpan()), MemoryMarshal.AsBytes(returned.AsSpan()))
            ? Right<OAuthError, Unit>(unit)
            : Left<OAuthError, Unit>(OAuthError.Argument("state", "does not match the state sent with the authorize request"));
    }
}
