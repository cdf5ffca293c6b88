namespace OAuth2.Functional;

/// <summary>
/// A <c>grant_type</c> value: one of the names registered with IANA (RFC 6749 §4, <see cref="ClientCredentials"/>,
/// <see cref="Password"/>, <see cref="AuthorizationCode"/>, <see cref="RefreshToken"/>), or an extension grant's absolute URI
/// (RFC 6749 §4.5: <see cref="DeviceCode"/>, <see cref="TokenExchange"/>, <see cref="JwtBearer"/>, or any other through
/// <see cref="Of"/>). Compares by value; prints the value (it is public).
/// </summary>
public sealed record GrantType
{
    private static readonly string[] RegisteredNames = ["authorization_code", "client_credentials", "password", "refresh_token"];

    private GrantType(string value) => Value = value;

    /// <summary>The value sent as <c>grant_type</c>.</summary>
    public string Value { get; }

    /// <summary><c>client_credentials</c> (RFC 6749 §4.4).</summary>
    public static GrantType ClientCredentials { get; } = new("client_credentials");

    /// <summary><c>password</c> (RFC 6749 §4.3).</summary>
    public static GrantType Password { get; } = new("password");

    /// <summary><c>authorization_code</c> (RFC 6749 §4.1).</summary>
    public static GrantType AuthorizationCode { get; } = new("authorization_code");

    /// <summary><c>refresh_token</c> (RFC 6749 §6).</summary>
    public static GrantType RefreshToken { get; } = new("refresh_token");

    /// <summary><c>urn:ietf:params:oauth:grant-type:device_code</c> (RFC 8628).</summary>
    public static GrantType DeviceCode { get; } = new(DeviceRequests.GrantType);

    /// <summary><c>urn:ietf:params:oauth:grant-type:token-exchange</c> (RFC 8693).</summary>
    public static GrantType TokenExchange { get; } = new("urn:ietf:params:oauth:grant-type:token-exchange");

    /// <summary><c>urn:ietf:params:oauth:grant-type:jwt-bearer</c> (RFC 7523 §2.1).</summary>
    public static GrantType JwtBearer { get; } = new("urn:ietf:params:oauth:grant-type:jwt-bearer");

    /// <summary>A grant type from its value: a registered name (<c>authorization_code</c>, <c>client_credentials</c>,
    /// <c>password</c>, <c>refresh_token</c>) or an absolute URI. Anything else is an <see cref="OAuthError.InvalidArgument"/>
    /// naming <c>grantType</c>.</summary>
    public static Either<OAuthError, GrantType> Of(string? value) =>
        value is not null && (System.Array.IndexOf(RegisteredNames, value) >= 0 || UriRules.IsAbsolute(value))
            ? new GrantType(value)
            : OAuthError.Argument("grantType",
                "must be a registered grant type name (authorization_code, client_credentials, password, refresh_token) or an absolute URI (RFC 6749 §4.5)");

    /// <summary>The value.</summary>
    public override string ToString() => Value;
}
