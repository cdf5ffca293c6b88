namespace OAuth2.Functional;

/// <summary>Chooses the client authentication method from a server's metadata (RFC 8414
/// <c>token_endpoint_auth_methods_supported</c>) and the credentials the client holds.</summary>
public static class ClientAuthSelection
{
    /// <summary>
    /// The strongest method both sides have: <c>private_key_jwt</c> (with a key), then <c>client_secret_jwt</c> (with a
    /// secret of at least 32 bytes), <c>client_secret_basic</c>, <c>client_secret_post</c> (with a secret), then <c>none</c>
    /// (a client with neither). An empty list means the RFC 8414 default, <c>client_secret_basic</c>. JWT methods address
    /// <paramref name="issuer"/> when given. A <c>Left</c> names what the server supports when nothing fits.
    /// </summary>
    public static Either<OAuthError, ClientAuthMethod> Choose(Seq<string> supported, Secret? secret, SigningKey? key, string? issuer = null)
    {
        var offered = supported.IsEmpty ? Seq1("client_secret_basic") : supported;
        bool Has(string name) => offered.Exists(m => m == name);
        if (key is not null && Has("private_key_jwt")) return new ClientAuthMethod.PrivateKeyJwt(key) { Issuer = issuer };
        if (secret is not null && Has("client_secret_jwt") && System.Text.Encoding.UTF8.GetByteCount(secret.Reveal()) >= ClientAuthMethods.MinHmacSecretBytes)
            return new ClientAuthMethod.ClientSecretJwt(secret) { Issuer = issuer };
        if (secret is not null && Has("client_secret_basic")) return new ClientAuthMethod.ClientSecretBasic(secret);
        if (secret is not null && Has("client_secret_post")) return new ClientAuthMethod.ClientSecretPost(secret);
        if (secret is null && key is null && Has("none")) return new ClientAuthMethod.None();
        return OAuthError.Argument("token_endpoint_auth_methods_supported",
            $"no method fits the client's credentials ({(key is null ? "no key" : "a key")}, {(secret is null ? "no secret" : "a secret")}); the server offers: {string.Join(", ", offered.Take(8).Map(m => ServerText.Printable(Optional(m))))}");
    }
}
