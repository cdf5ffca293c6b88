using System.Security.Cryptography;

namespace OAuth2.Functional;

/// <summary>
/// A PKCE pair (RFC 7636): the secret <see cref="Verifier"/> and its S256 <see cref="Challenge"/>. Pure: make one from a
/// verifier you hold with <see cref="FromVerifier"/>, or a fresh random one with <see cref="PkceGenerator.New"/>.
/// </summary>
public sealed record Pkce
{
    private Pkce(Secret verifier, string challenge)
    {
        Verifier = verifier;
        Challenge = challenge;
    }

    /// <summary>The code verifier (secret: sent only to the token endpoint).</summary>
    public Secret Verifier { get; }

    /// <summary><c>BASE64URL(SHA256(verifier))</c>, sent in the authorize URL.</summary>
    public string Challenge { get; }

    /// <summary>Always <c>S256</c> (the <c>plain</c> method is not offered).</summary>
    public string Method => "S256";

    /// <summary>Checks a verifier (43–128 characters of <c>A–Z a–z 0–9 - . _ ~</c>, RFC 7636 §4.1) and derives its challenge.</summary>
    public static Either<OAuthError, Pkce> FromVerifier(string? verifier) =>
        verifier is null || verifier.Length is < 43 or > 128 || !verifier.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
            ? Left<OAuthError, Pkce>(OAuthError.Argument("verifier", "must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~ (RFC 7636 section 4.1)"))
            : Right<OAuthError, Pkce>(Unchecked(verifier));

    internal static Pkce Unchecked(string verifier) =>
        new(Secret.Of(verifier), Base64Url(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))));

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Adds <c>code_challenge</c> and <c>code_challenge_method=S256</c> (for the authorize URL).</summary>
    public Parameters AddChallenge(Parameters? parameters) =>
        (parameters ?? Parameters.Empty).Add("code_challenge", Challenge).Add("code_challenge_method", Method);

    /// <summary>Adds <c>code_verifier</c> (for the code-for-token request).</summary>
    public Parameters AddVerifier(Parameters? parameters) => (parameters ?? Parameters.Empty).Add("code_verifier", Verifier.Reveal());

    /// <summary>The challenge only; the verifier is redacted.</summary>
    public override string ToString() => $"Pkce(Challenge = {Challenge}, Method = S256, Verifier = [redacted])";
}
