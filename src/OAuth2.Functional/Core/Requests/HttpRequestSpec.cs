namespace OAuth2.Functional;

/// <summary>An HTTP request to send, as plain data: the pure core builds it, the shell sends it.</summary>
/// <param name="Method">Always <c>POST</c> for token, refresh and revoke requests.</param>
/// <param name="Url">The absolute endpoint URL.</param>
/// <param name="Headers">Headers in wire order (<c>Content-Type</c> included; may hold the Basic credentials).</param>
/// <param name="Body">The body.</param>
public sealed record HttpRequestSpec(string Method, Uri Url, Seq<(string Name, string Value)> Headers, RequestBody Body)
{
    /// <summary>A client assertion the shell signs and appends just before sending (<c>client_secret_jwt</c>,
    /// <c>private_key_jwt</c>); <c>None</c> for every other method and once signed.</summary>
    public Option<PendingClientAssertion> PendingAssertion { get; init; }

    /// <summary>The DPoP key whose fresh proof the shell adds as the <c>DPoP</c> header just before sending (token and
    /// refresh requests of a configuration with <see cref="OAuthConfig.DPoP"/>); <c>None</c> otherwise.</summary>
    public Option<DPoPKey> PendingDPoPProof { get; init; }

    /// <summary>The value of a header (first match, ignoring case).</summary>
    public Option<string> Header(string name) =>
        Headers.Find(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Map(h => h.Value);

    /// <summary>The request as HTTP/1.1 text (request line, headers, blank line, body), for exact comparisons in tests.</summary>
    public string Render() =>
        $"{Method} {Url.PathAndQuery} HTTP/1.1\r\nHost: {Url.Authority}\r\n" +
        string.Concat(Headers.Map(h => $"{h.Name}: {h.Value}\r\n")) + "\r\n" + Body.Render();

    /// <summary>Method, URL and header names only: header values and the body can hold secrets.</summary>
    public override string ToString() =>
        $"HttpRequestSpec({Method} {UrlText.WithoutSecrets(Url)}; headers: {string.Join(", ", Headers.Map(h => h.Name))}; {Body?.ToString() ?? "no body"}{(PendingAssertion.IsSome ? "; client assertion pending" : "")}{(PendingDPoPProof.IsSome ? "; DPoP proof pending" : "")})";
}
