namespace OAuth2.Functional;

/// <summary>
/// A client authentication method at the token endpoint, as named in an authorization server's metadata
/// (<c>token_endpoint_auth_methods_supported</c>, RFC 8414 §2; the IANA "OAuth Token Endpoint Authentication Methods"
/// registry). Compared by name, so <c>methods.Contains(TokenEndpointAuthMethod.PrivateKeyJwt)</c> reads as it says; a name
/// outside the registry is kept as the server sent it.
/// </summary>
/// <param name="Name">The registered name, e.g. <c>client_secret_basic</c>.</param>
public sealed record TokenEndpointAuthMethod(string Name)
{
    /// <summary><c>client_secret_basic</c>: the secret in an HTTP Basic header (RFC 6749 §2.3.1); the default when a server names none.</summary>
    public static TokenEndpointAuthMethod ClientSecretBasic { get; } = new("client_secret_basic");
    /// <summary><c>client_secret_post</c>: the secret in the request body.</summary>
    public static TokenEndpointAuthMethod ClientSecretPost { get; } = new("client_secret_post");
    /// <summary><c>client_secret_jwt</c>: a JWT signed with the secret (RFC 7523).</summary>
    public static TokenEndpointAuthMethod ClientSecretJwt { get; } = new("client_secret_jwt");
    /// <summary><c>private_key_jwt</c>: a JWT signed with the client's private key (RFC 7523).</summary>
    public static TokenEndpointAuthMethod PrivateKeyJwt { get; } = new("private_key_jwt");
    /// <summary><c>none</c>: a public client (only <c>client_id</c>).</summary>
    public static TokenEndpointAuthMethod None { get; } = new("none");
    /// <summary><c>tls_client_auth</c>: mutual TLS with a PKI certificate (RFC 8705).</summary>
    public static TokenEndpointAuthMethod TlsClientAuth { get; } = new("tls_client_auth");
    /// <summary><c>self_signed_tls_client_auth</c>: mutual TLS with a self-signed certificate (RFC 8705).</summary>
    public static TokenEndpointAuthMethod SelfSignedTlsClientAuth { get; } = new("self_signed_tls_client_auth");

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
