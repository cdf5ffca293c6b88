namespace OAuth2.Functional;

/// <summary>The legacy settings mapped onto the closed set, and the checks of an explicit method.</summary>
internal static class ClientAuthMethods
{
    /// <summary>The longest assertion lifetime accepted: RFC 7523 asks for a short one; servers commonly cap it near here.</summary>
    public static readonly TimeSpan MaxAssertionLifetime = TimeSpan.FromMinutes(10);

    /// <summary>HS256 keys shorter than the hash output are refused (RFC 7518 §3.2), so are such secrets.</summary>
    public const int MinHmacSecretBytes = 32;

    /// <summary>An explicit method wins; else no secret is a public client, and the secret goes in the header or the body.</summary>
    public static ClientAuthMethod Resolve(ClientSettings client, OAuthOptions options) =>
        client.Authentication ?? (client.Secret is not { } secret
            ? new ClientAuthMethod.None()
            : options.AuthorizationMethod == AuthorizationMethod.Body
                ? new ClientAuthMethod.ClientSecretPost(secret)
                : new ClientAuthMethod.ClientSecretBasic(secret, options.CredentialsEncodingMode));

    /// <summary>Every problem of an explicit method, each on its field path under <c>client.authentication</c>.</summary>
    public static IEnumerable<ConfigProblem> Problems(ClientSettings client)
    {
        const string field = "client.authentication";
        if (client.Authentication is not { } method) return [];
        var both = client.Secret is null ? [] : new[] { new ConfigProblem("client.secret", "must be null when client.authentication is set (the method carries its own secret or key)") };
        return both.Concat(method switch
        {
            ClientAuthMethod.ClientSecretBasic b => SecretProblems(field, b.Secret)
                .Concat(Enum.IsDefined(b.Encoding) ? [] : [new ConfigProblem(field + ".encoding", "must be one of [strict, loose]")]),
            ClientAuthMethod.ClientSecretPost p => SecretProblems(field, p.Secret),
            ClientAuthMethod.ClientSecretJwt j => SecretProblems(field, j.Secret)
                .Concat(j.Secret is not null && System.Text.Encoding.UTF8.GetByteCount(j.Secret.Reveal()) < MinHmacSecretBytes
                    ? [new ConfigProblem(field + ".secret", $"must hold at least {MinHmacSecretBytes} bytes to key HS256 (RFC 7518 §3.2)")] : [])
                .Concat(AssertionProblems(field, j.Issuer, j.Lifetime)),
            ClientAuthMethod.PrivateKeyJwt k => (k.Key is null ? [new ConfigProblem(field + ".key", "is required")] : System.Array.Empty<ConfigProblem>())
                .Concat(AssertionProblems(field, k.Issuer, k.Lifetime)),
            _ => [],
        });
    }

    private static IEnumerable<ConfigProblem> SecretProblems(string field, Secret? secret) =>
        secret is null ? [new ConfigProblem(field + ".secret", "is required")]
        : secret.Reveal().All(ch => ch is >= '\x20' and <= '\x7E') ? []
        : [new ConfigProblem(field + ".secret", "fails to match the required pattern: /^[\\x20-\\x7E]*$/ (printable ASCII only)")];

    private static IEnumerable<ConfigProblem> AssertionProblems(string field, string? issuer, TimeSpan lifetime) =>
        (lifetime > TimeSpan.Zero && lifetime <= MaxAssertionLifetime ? [] : new[] { new ConfigProblem(field + ".lifetime", "must be more than 0 and at most 10 minutes") })
        .Concat(issuer is null || Uri.TryCreate(issuer, UriKind.Absolute, out _) ? [] : [new ConfigProblem(field + ".issuer", "must be an absolute URI (the authorization server's issuer identifier)")]);
}
