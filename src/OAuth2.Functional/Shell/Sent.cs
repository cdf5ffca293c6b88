namespace OAuth2.Functional;

/// <summary>
/// What the transport sent, to tell a redirect that a caller's <see cref="HttpClient"/> followed from a request that a
/// handler merely rewrote (service discovery, gateways). .NET's redirect handler leaves marks a rewrite does not: it
/// switches a redirected POST to GET and drops its content (301, 302, 303), and it always removes the
/// <c>Authorization</c> header. A rewritten URI alone is not a redirect. Undetectable: a 307/308 followed from a request
/// without an <c>Authorization</c> header (body credentials), since method, content and headers are kept; that is why
/// the library's own client never follows redirects.
/// </summary>
internal readonly record struct Sent(HttpMethod Method, Uri? Url, bool HadAuthorization, bool HadContent)
{
    public static Sent Of(HttpRequestMessage message) =>
        new(message.Method, message.RequestUri, message.Headers.Authorization is not null || message.Headers.Contains("Authorization"),
            message.Content is not null);

    /// <summary>True when <paramref name="final"/> (the response's request) shows a followed redirect.</summary>
    public bool WasRedirected(HttpRequestMessage? final) =>
        final is not null && final.RequestUri != Url &&
        (final.Method != Method ||
         (HadContent && final.Content is null) ||
         (HadAuthorization && final.Headers.Authorization is null && !final.Headers.Contains("Authorization")));
}
