namespace OAuth2.Functional.Encodings;

/// <summary>Resolves an endpoint path against its host as <c>new URL(path, host)</c> does (RFC 3986 §5.2).</summary>
internal static class UrlResolution
{
    /// <summary>True for an absolute http or https URL with a host.</summary>
    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && IsHttp(uri);

    /// <summary>The resolved URL, or <c>None</c> when it cannot be resolved or is not http(s).</summary>
    public static Option<Uri> Resolve(Uri host, string path) =>
        Uri.TryCreate(host, path, out var uri) && IsHttp(uri) ? Some(uri) : None;

    private static bool IsHttp(Uri uri) =>
        (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0;
}
