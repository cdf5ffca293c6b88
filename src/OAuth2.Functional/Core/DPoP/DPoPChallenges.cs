using System.Text.Json;

namespace OAuth2.Functional;

/// <summary>Reads a server's demand for a DPoP nonce (RFC 9449 §8 and §9): <c>error=use_dpop_nonce</c> in a token
/// endpoint's JSON error body or in a resource server's <c>WWW-Authenticate: DPoP</c> challenge, with the new nonce in
/// the <c>DPoP-Nonce</c> header.</summary>
public static class DPoPChallenges
{
    /// <summary>The <c>DPoP-Nonce</c> header's value, if the response carries one.</summary>
    public static Option<string> Nonce(HttpResponseSpec? response) =>
        Optional(response).Bind(r => r.Header("DPoP-Nonce")).Filter(n => n.Length > 0);

    /// <summary>True when the response asks for the request again with the nonce it carries: a 400 or 401 whose JSON body's
    /// <c>error</c> or whose <c>WWW-Authenticate</c> challenge says <c>use_dpop_nonce</c>, and a <c>DPoP-Nonce</c> header.</summary>
    public static bool AsksForNonce(HttpResponseSpec? response) =>
        response is { Status: 400 or 401 } r && Nonce(r).IsSome &&
        (ChallengeAsks(r.Headers.Filter(h => string.Equals(h.Name, "WWW-Authenticate", StringComparison.OrdinalIgnoreCase)).Map(h => h.Value)) || BodyAsks(r));

    /// <summary>True when a <c>WWW-Authenticate</c> value is a DPoP challenge whose <c>error</c> is <c>use_dpop_nonce</c>
    /// (quoted or a bare token, RFC 9110 §11.2).</summary>
    public static bool ChallengeAsks(IEnumerable<string>? challenges) =>
        challenges is not null && challenges.Any(c => c is not null && c.TrimStart().StartsWith("DPoP", StringComparison.OrdinalIgnoreCase) &&
                            BearerChallenge.Error(c).Exists(e => e == "use_dpop_nonce"));

    private static bool BodyAsks(HttpResponseSpec response)
    {
        if (response.Body.Length == 0 || response.Body.Span[0] != (byte)'{') return false;
        try
        {
            using var doc = JsonDocument.Parse(response.Body);
            // ValueEquals compares the raw UTF-8: an error member that is not valid UTF-8 is simply not this one.
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var e) &&
                   e.ValueKind == JsonValueKind.String && e.ValueEquals("use_dpop_nonce"u8);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }
}
