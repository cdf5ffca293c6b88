using System.Net;
using System.Net.Http.Headers;

namespace OAuth2.Functional;

/// <summary>What the handler and the functional send share: the origin check, attaching the token, and when to retry.</summary>
internal static class BearerRules
{
    public static bool SameOrigin(Uri? a, Uri? b) =>
        a is { IsAbsoluteUri: true } && b is { IsAbsoluteUri: true } &&
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    public static Option<OAuthError> Refusal(Uri? target, Seq<Uri> allowed) =>
        target is not null && allowed.Exists(origin => SameOrigin(origin, target))
            ? None
            : Some(OAuthError.Argument("request.RequestUri",
                $"the origin {(target is { IsAbsoluteUri: true } ? $"{target.Scheme}://{target.IdnHost}:{target.Port}" : "(none)")} is not allowed to receive the token"));

    public static void Attach(HttpRequestMessage request, AccessToken token) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value.Reveal());

    /// <summary>A DPoP-bound token (token type <c>DPoP</c>, and the source has the key) goes as <c>Authorization: DPoP</c> with a
    /// fresh proof bound to this request and token (RFC 9449 §7); any other token as a bearer token.</summary>
    public static Option<OAuthError> Attach(HttpRequestMessage request, AccessToken token, TokenSource source)
    {
        if (ExchangedToken.IsNotApplicable(token))
            // RFC 8693 §2.2.1: an exchanged token of type N_A (an ID token, say) is not an access token.
            return OAuthError.Argument("token", "is not an access token (token_type N_A, RFC 8693 §2.2.1), so it is never sent as one");
        if (IsDPoP(token) && source.DPoP.IsNone)
            // A DPoP-bound token is useless without a proof, and sent as a bearer token it would be a downgrade.
            return OAuthError.Argument("token", "is DPoP-bound (token_type DPoP), but the token source has no DPoP key to prove possession (TokenSourceOptions.DPoP)");
        if (source.DPoP.Case is not DPoPKey key || !IsDPoP(token) || request.RequestUri is not { IsAbsoluteUri: true } url)
        {
            Attach(request, token);
            return None;
        }
        DateTimeOffset now;
        try
        {
            now = source.Time.GetUtcNow();
        }
        catch (Exception e)
        {
            return OAuthError.Argument("timeProvider", $"threw {e.GetType().Name} while the DPoP proof was signed");
        }
        var proof = key.Proof(request.Method.Method, url, now, Some(token.Value.Reveal()));
        if (proof.Case is not string signed) return (OAuthError)proof.Case!;
        request.Headers.Authorization = new AuthenticationHeaderValue(DPoPProofClaims.TokenType, token.Value.Reveal());
        request.Headers.Remove("DPoP");
        request.Headers.TryAddWithoutValidation("DPoP", signed);
        return None;
    }

    public static bool IsDPoP(AccessToken token) =>
        token.TokenType.Map(t => string.Equals(t, DPoPProofClaims.TokenType, StringComparison.OrdinalIgnoreCase)).IfNone(false);

    /// <summary>Remembers a <c>DPoP-Nonce</c> the resource server sent, and says whether it asked for the request again with it
    /// (401 with a <c>WWW-Authenticate: DPoP error="use_dpop_nonce"</c> challenge, RFC 9449 §9).
    /// A redirect followed below the caller moves the request: a nonce from an origin that is not allowed is neither
    /// remembered nor answered, so the token never goes there.</summary>
    public static bool AsksForDPoPNonce(HttpResponseMessage response, HttpRequestMessage request, TokenSource source, Seq<Uri> allowed)
    {
        if (Refusal(request.RequestUri, allowed).IsSome || Refusal(response.RequestMessage?.RequestUri ?? request.RequestUri, allowed).IsSome) return false;
        if (source.DPoP.Case is not DPoPKey key || request.RequestUri is not { IsAbsoluteUri: true } url ||
            !response.Headers.TryGetValues("DPoP-Nonce", out var values) || values.FirstOrDefault() is not { Length: > 0 } nonce) return false;
        key.Remember(url, nonce);
        return response.StatusCode == HttpStatusCode.Unauthorized && DPoPChallenges.ChallengeAsks(response.Headers.WwwAuthenticate.Select(h => h.ToString()));
    }

    public static bool ShouldRetry(HttpResponseMessage response, bool any401) =>
        response.StatusCode == HttpStatusCode.Unauthorized &&
        (any401 || BearerChallenge.IsInvalidToken(response.Headers.WwwAuthenticate.Select(h => h.ToString())));

    /// <summary>Content that can be sent twice: none, or buffered bytes (string, form, byte array, memory).</summary>
    public static bool Replayable(HttpContent? content) => content is null or ByteArrayContent or ReadOnlyMemoryContent;
}
