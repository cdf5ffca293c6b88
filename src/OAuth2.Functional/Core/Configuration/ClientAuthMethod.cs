namespace OAuth2.Functional;

/// <summary>
/// How the client authenticates to the authorization server: a closed set, one case per registered method
/// (RFC 8414 <c>token_endpoint_auth_methods_supported</c> names). Set it on <see cref="ClientSettings.Authentication"/>;
/// when it is not set, <see cref="ClientSettings.Secret"/> and <see cref="OAuthOptions.AuthorizationMethod"/> choose
/// (no secret: <see cref="None"/>; header: <see cref="ClientSecretBasic"/>; body: <see cref="ClientSecretPost"/>).
/// Every case prints without its secret or key.
/// </summary>
public abstract record ClientAuthMethod
{
    private ClientAuthMethod() { }

    /// <summary>The registered name of the method (<c>client_secret_basic</c>, <c>private_key_jwt</c>, …).</summary>
    public abstract string Name { get; }

    /// <summary>The default lifetime of a client assertion (60 seconds: long enough for clock skew, short enough that a
    /// captured assertion is soon worthless).</summary>
    public static TimeSpan DefaultAssertionLifetime { get; } = TimeSpan.FromSeconds(60);

    /// <summary><c>client_secret_basic</c> (RFC 6749 §2.3.1): an <c>Authorization: Basic</c> header.</summary>
    /// <param name="Secret">The client secret.</param>
    /// <param name="Encoding">Strict (form-encoded before Base64, as the RFC says) or loose (raw <c>id:secret</c>).</param>
    public sealed record ClientSecretBasic(Secret Secret, CredentialsEncodingMode Encoding = CredentialsEncodingMode.Strict) : ClientAuthMethod
    {
        /// <inheritdoc/>
        public override string Name => "client_secret_basic";
    }

    /// <summary><c>client_secret_post</c> (RFC 6749 §2.3.1): id and secret as body parameters.</summary>
    /// <param name="Secret">The client secret.</param>
    public sealed record ClientSecretPost(Secret Secret) : ClientAuthMethod
    {
        /// <inheritdoc/>
        public override string Name => "client_secret_post";
    }

    /// <summary><c>client_secret_jwt</c> (RFC 7523 §2.2, OpenID Connect Core §9): a JWT assertion signed with HS256 (HMAC
    /// SHA-256) keyed by the client secret, which never leaves the client. The secret must hold at least 32 bytes (RFC 7518 §3.2).</summary>
    /// <param name="Secret">The client secret (the HMAC key).</param>
    public sealed record ClientSecretJwt(Secret Secret) : ClientAuthMethod
    {
        /// <inheritdoc/>
        public override string Name => "client_secret_jwt";

        /// <summary>The authorization server's issuer identifier (see <see cref="PrivateKeyJwt.Issuer"/>).</summary>
        public string? Issuer { get; init; }

        /// <summary>How long an assertion is valid (<c>exp - iat</c>; default <see cref="DefaultAssertionLifetime"/>, at most 10 minutes).</summary>
        public TimeSpan Lifetime { get; init; } = DefaultAssertionLifetime;
    }

    /// <summary><c>private_key_jwt</c> (RFC 7523 §2.2, OpenID Connect Core §9): a JWT assertion signed with the client's
    /// private key (RS256, PS256 or ES256); the server holds only the public key (a registered JWK Set).</summary>
    /// <param name="Key">The private key and its algorithm (see <see cref="SigningKey"/>).</param>
    public sealed record PrivateKeyJwt(SigningKey Key) : ClientAuthMethod
    {
        /// <inheritdoc/>
        public override string Name => "private_key_jwt";

        /// <summary>The authorization server's issuer identifier. When given, assertions follow draft-ietf-oauth-rfc7523bis:
        /// the issuer is the sole <c>aud</c> (a string) and the header says <c>typ: client-authentication+jwt</c>; this closes
        /// the audience-injection attack in which an assertion meant for one server is accepted by another, and it is what
        /// OpenIddict 7 requires. When <c>null</c> (the default), assertions follow RFC 7523 as first published: <c>aud</c> is
        /// the token endpoint URL and <c>typ</c> is <c>JWT</c>, which servers that predate the update expect.</summary>
        public string? Issuer { get; init; }

        /// <summary>How long an assertion is valid (<c>exp - iat</c>; default <see cref="DefaultAssertionLifetime"/>, at most 10 minutes).</summary>
        public TimeSpan Lifetime { get; init; } = DefaultAssertionLifetime;
    }

    /// <summary><c>none</c>: a public client, which sends only its <c>client_id</c> in the body.</summary>
    public sealed record None : ClientAuthMethod
    {
        /// <inheritdoc/>
        public override string Name => "none";
    }

    /// <summary>The issuer (when configured) and the lifetime of assertions, for the two JWT methods.</summary>
    internal Option<(string? Issuer, TimeSpan Lifetime)> Assertion => this switch
    {
        ClientSecretJwt s => Some((s.Issuer, s.Lifetime)),
        PrivateKeyJwt p => Some((p.Issuer, p.Lifetime)),
        _ => Option<(string?, TimeSpan)>.None,
    };
}
