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

    public static OAuthConfig Config(OAuth2ClientOptions o) =>
        new(new ClientSettings(o.ClientId!, o.ClientSecret), new AuthSettings(o.TokenHost!) { TokenPath = o.TokenPath }) // nulls: the validation names them
        {
            Options = new OAuthOptions { AuthorizationMethod = o.AuthorizationMethod, AllowInsecureHttp = o.AllowInsecureHttp },
            Http = new HttpSettings { Timeout = o.Timeout },
        };

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
        var config = grant.Match(
            g => ConfigValidation.Validate(Config(o), g).Match(_ => Seq<ConfigProblem>(), Problems),
            e => Problems(e) + ConfigValidation.Validate(Config(o), GrantKind.ClientCredentials).Match(_ => Seq<ConfigProblem>(), Problems));
        var timeout = o.Timeout <= TimeSpan.Zero ? Seq1(new ConfigProblem("timeout", "must be positive")) : Seq<ConfigProblem>();
        return config + timeout + Renewal(o).Problems();
    }

    private static Seq<ConfigProblem> Problems(OAuthError e) =>
        e is OAuthError.InvalidConfig c ? c.Problems : Seq1(new ConfigProblem("(config)", e.Message));
}
