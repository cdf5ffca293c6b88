namespace OAuth2.Functional.Hosting;

/// <summary>From bound options to the library's records, pure: every problem is collected (config, grant, renewal).</summary>
internal static class ClientOptionsMapping
{
    public static Either<OAuthError, GrantKind> Grant(OAuth2ClientOptions o) => o.Grant switch
    {
        "client_credentials" => GrantKind.ClientCredentials,
        "password" => GrantKind.ResourceOwnerPassword,
        _ => OAuthError.Config(Seq1(new ConfigProblem("grant", "must be \"client_credentials\" or \"password\""))),
    };

    public static Either<OAuthError, OAuthConfig> Config(OAuth2ClientOptions o) =>
        Authentication(o).Map(method =>
            new OAuthConfig(
                method.Match(m => new ClientSettings(o.ClientId!) { Authentication = m }, () => new ClientSettings(o.ClientId!, o.ClientSecret)),
                new AuthSettings(o.TokenHost!) { TokenPath = o.TokenPath }) // nulls: the validation names them
            {
                Options = new OAuthOptions { AuthorizationMethod = o.AuthorizationMethod, AllowInsecureHttp = o.AllowInsecureHttp },
                Http = new HttpSettings { Timeout = o.Timeout },
            });

    /// <summary>The explicit method, or <c>None</c> for the secret-based default; a method the options cannot make is a problem
    /// on <c>authenticationMethod</c> or <c>privateKey</c>.</summary>
    private static Either<OAuthError, Option<ClientAuthMethod>> Authentication(OAuth2ClientOptions o)
    {
        static Either<OAuthError, Option<ClientAuthMethod>> Problem(string field, string reason) =>
            OAuthError.Config(Seq1(new ConfigProblem(field, reason)));
        static Either<OAuthError, Option<ClientAuthMethod>> Method(ClientAuthMethod m) => Right<OAuthError, Option<ClientAuthMethod>>(Some(m));
        Secret? secret = o.ClientSecret;
        return o.AuthenticationMethod switch
        {
            null => Right<OAuthError, Option<ClientAuthMethod>>(None),
            "client_secret_basic" => Method(new ClientAuthMethod.ClientSecretBasic(secret!)),
            "client_secret_post" => Method(new ClientAuthMethod.ClientSecretPost(secret!)),
            "client_secret_jwt" => Method(new ClientAuthMethod.ClientSecretJwt(secret!) { Issuer = o.Issuer }),
            "none" => Method(new ClientAuthMethod.None()),
            "private_key_jwt" when string.IsNullOrWhiteSpace(o.PrivateKey) => Problem("privateKey", "is required for private_key_jwt"),
            "private_key_jwt" => (o.PrivateKey!.TrimStart().StartsWith('{') ? SigningKey.FromJwk(o.PrivateKey, o.SigningAlgorithm) : SigningKey.FromPem(o.PrivateKey, o.SigningAlgorithm ?? "RS256"))
                .Match(key => Method(new ClientAuthMethod.PrivateKeyJwt(key) { Issuer = o.Issuer }),
                    e => Problem("privateKey", e is OAuthError.InvalidArgument a ? a.Reason : "is not a usable key")),
            _ => Problem("authenticationMethod", "must be one of client_secret_basic, client_secret_post, client_secret_jwt, private_key_jwt, none"),
        };
    }

    public static RenewalOptions Renewal(OAuth2ClientOptions o) =>
        new() { Skew = o.Skew, FallbackLifetime = o.FallbackLifetime, AheadFraction = o.AheadFraction };

    public static Parameters Parameters(OAuth2ClientOptions o)
    {
        var p = OAuth2.Functional.Parameters.Empty;
        foreach (var (name, value) in o.Parameters) p = p.Add(name, value);
        return string.IsNullOrWhiteSpace(o.Scope) ? p : p.WithScope(o.Scope);
    }

    /// <summary>Every problem: an unknown grant, each invalid configuration field, each invalid renewal setting.</summary>
    public static Seq<ConfigProblem> Problems(OAuth2ClientOptions o)
    {
        var grant = Grant(o);
        Seq<ConfigProblem> Validate(GrantKind g) => Config(o).Bind(c => ConfigValidation.Validate(c, g)).Match(_ => Seq<ConfigProblem>(), Problems);
        var config = grant.Match(Validate, e => Problems(e) + Validate(GrantKind.ClientCredentials));
        var timeout = o.Timeout <= TimeSpan.Zero ? Seq1(new ConfigProblem("timeout", "must be positive")) : Seq<ConfigProblem>();
        return config + timeout + Renewal(o).Problems();
    }

    private static Seq<ConfigProblem> Problems(OAuthError e) =>
        e is OAuthError.InvalidConfig c ? c.Problems : Seq1(new ConfigProblem("(config)", e.Message));
}
