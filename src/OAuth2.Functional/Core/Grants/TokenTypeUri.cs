namespace OAuth2.Functional;

/// <summary>
/// A token type identifier (RFC 8693 §3): one of the registered URNs (<see cref="AccessToken"/>, <see cref="RefreshToken"/>,
/// <see cref="IdToken"/>, <see cref="Jwt"/>, <see cref="Saml1"/>, <see cref="Saml2"/>) or any other absolute URI made with
/// <see cref="Of"/>. Compares by value; prints the URI (it is public).
/// </summary>
public sealed record TokenTypeUri
{
    private TokenTypeUri(string value) => Value = value;

    /// <summary>The URI as sent.</summary>
    public string Value { get; }

    /// <summary><c>urn:ietf:params:oauth:token-type:access_token</c>.</summary>
    public static TokenTypeUri AccessToken { get; } = new("urn:ietf:params:oauth:token-type:access_token");

    /// <summary><c>urn:ietf:params:oauth:token-type:refresh_token</c>.</summary>
    public static TokenTypeUri RefreshToken { get; } = new("urn:ietf:params:oauth:token-type:refresh_token");

    /// <summary><c>urn:ietf:params:oauth:token-type:id_token</c>.</summary>
    public static TokenTypeUri IdToken { get; } = new("urn:ietf:params:oauth:token-type:id_token");

    /// <summary><c>urn:ietf:params:oauth:token-type:jwt</c>: any JWT (RFC 7519).</summary>
    public static TokenTypeUri Jwt { get; } = new("urn:ietf:params:oauth:token-type:jwt");

    /// <summary><c>urn:ietf:params:oauth:token-type:saml1</c>: a base64url-encoded SAML 1.1 assertion.</summary>
    public static TokenTypeUri Saml1 { get; } = new("urn:ietf:params:oauth:token-type:saml1");

    /// <summary><c>urn:ietf:params:oauth:token-type:saml2</c>: a base64url-encoded SAML 2.0 assertion.</summary>
    public static TokenTypeUri Saml2 { get; } = new("urn:ietf:params:oauth:token-type:saml2");

    /// <summary>A token type from its URI: any absolute URI (a registered URN, or a custom one such as
    /// <c>https://example.com/token-type/legacy</c>). Anything else is an <see cref="OAuthError.InvalidArgument"/> naming
    /// <c>tokenType</c>.</summary>
    public static Either<OAuthError, TokenTypeUri> Of(string? uri) =>
        UriRules.IsAbsolute(uri)
            ? new TokenTypeUri(uri!)
            : OAuthError.Argument("tokenType", "must be an absolute URI (RFC 8693 §3), such as urn:ietf:params:oauth:token-type:access_token");

    /// <summary>The URI.</summary>
    public override string ToString() => Value;
}
