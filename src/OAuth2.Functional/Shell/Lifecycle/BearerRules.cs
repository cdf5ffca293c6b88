using System.Net;
using System.Net.Http.Headers;

namespace OAuth2.Functional;

/// <summary>What the handler and the functional send share: the origin check, attaching the token, and when to retry.</summary>
internal static class BearerRules
{
    public static bool SameOrigin(Uri a, Uri b) =>
        a.IsAbsoluteUri && b.IsAbsoluteUri &&
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    public static Option<OAuthError> Refusal(Uri? target, Seq<Uri> allowed) =>
        target is not null && allowed.Exists(origin => SameOrigin(origin, target))
            ? None
            : Some(OAuthError.Argument("request.RequestUri",
                $"the origin {(target is { IsAbsoluteUri: true } ? $"{target.Scheme}://{target.IdnHost}:{target.Port}" : "(none)")} is not allowed to receive the token"));

    public static void Attach(HttpRequestMessage request, AccessToken token) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value.Reveal());

    public static bool ShouldRetry(HttpResponseMessage response, bool any401) =>
        response.StatusCode == HttpStatusCode.Unauthorized &&
        (any401 || BearerChallenge.IsInvalidToken(response.Headers.WwwAuthenticate.Select(h => h.ToString())));

    /// <summary>Content that can be sent twice: none, or buffered bytes (string, form, byte array, memory).</summary>
    public static bool Replayable(HttpContent? content) => content is null or ByteArrayContent or ReadOnlyMemoryContent;
}
