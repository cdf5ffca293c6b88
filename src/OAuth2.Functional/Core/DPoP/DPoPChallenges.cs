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
        (ChallengeAsks(r.Headers.Filter(h => h.Name.Equals("WWW-Authenticate", StringComparison.OrdinalIgnoreCase)).Map(h => h.Value)) || BodyAsks(r));

    /// <summary>True when a <c>WWW-Authenticate</c> value is a DPoP challenge with <c>error="use_dpop_nonce"</c>.</summary>
    public static bool ChallengeAsks(IEnumerable<string>? challenges) =>
        challenges is not null && challenges.Any(c => c is not null && c.TrimStart().StartsWith("DPoP", StringComparison.OrdinalIgnoreCase) &&
                            c.Contains("error=\"use_dpop_nonce\"", StringComparison.Ordinal));

    private static bool BodyAsks(HttpResponseSpec response)
    {
        if (response.Body.Length == 0 || response.Body.Span[0] != (byte)'{') return false;
        try
        {
            using var doc = JsonDocument.Parse(response.Body);
            return doc.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String && e.GetString() == "use_dpop_nonce";
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
