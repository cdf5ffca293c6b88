using System.Security.Cryptography;

namespace OAuth2.Functional;

/// <summary>Checks the <c>state</c> a callback returned against the one sent, in constant time.</summary>
public static class StateCheck
{
    /// <summary>Right when <paramref name="returned"/> equals <paramref name="expected"/> (compared in constant time).</summary>
    public static Either<OAuthError, Unit> Verify(string? expected, string? returned) =>
        expected is not null && returned is not null &&
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(returned))
            ? Right<OAuthError, Unit>(unit)
            : Left<OAuthError, Unit>(OAuthError.Argument("state", "does not match the state sent with the authorize request"));
}
