using OAuth2.Functional.Encodings;

namespace OAuth2.Functional;

/// <summary>Validates an <see cref="OAuthConfig"/> for one grant, reporting every problem at once with its field path.</summary>
public static class ConfigValidation
{
    private const string DefaultAuthorizePath = "/oauth/authorize";

    /// <summary>
    /// Checks every option (simple-oauth2's rules: http/https hosts, non-empty paths and names, printable-ASCII id and
    /// secret, known enum values; <c>authorizeHost</c>/<c>authorizePath</c> only for the authorization-code grant) and
    /// resolves the endpoint URLs. Never throws; a <c>null</c> anywhere is reported as a problem.
    /// </summary>
    public static Either<OAuthError, ValidConfig> Validate(OAuthConfig? config, GrantKind grant)
    {
        if (config is null) return OAuthError.Config(Seq1(new ConfigProblem("config", "is required")));
        var problems = ClientProblems(config.Client) + AuthProblems(config.Auth, grant)
                       + OptionsProblems(config.Options) + HttpProblems(config.Http);
        if (!problems.IsEmpty) return Left(OAuthError.Config(problems));
        var valid = Resolve(config, grant);
        var insecure = config.Options.AllowInsecureHttp ? Seq<ConfigProblem>() : InsecureProblems(valid);
        return insecure.IsEmpty ? Right<OAuthError, ValidConfig>(valid) : Left(OAuthError.Config(insecure));
    }

    private static ValidConfig Resolve(OAuthConfig c, GrantKind grant)
    {
        var host = new Uri(c.Auth.TokenHost, UriKind.Absolute);
        Uri At(string path) => UrlResolution.Resolve(host, path).IfNone(host);
        var authorize = grant == GrantKind.AuthorizationCode
            ? UrlResolution.Resolve(new Uri(c.Auth.AuthorizeHost ?? c.Auth.TokenHost), c.Auth.AuthorizePath ?? DefaultAuthorizePath)
                .Map(u => u.AbsoluteUri)
            : None;
        return new ValidConfig(grant, c, At(c.Auth.TokenPath), At(c.Auth.RefreshPath ?? c.Auth.TokenPath), At(c.Auth.RevokePath), At(c.Auth.IntrospectPath), authorize);
    }

    /// <summary>Every endpoint must be https unless its host is loopback (safe default; <see cref="OAuthOptions.AllowInsecureHttp"/> lifts it).</summary>
    private static Seq<ConfigProblem> InsecureProblems(ValidConfig v)
    {
        const string why = "must use https (plain http is allowed only for loopback hosts, or with options.allowInsecureHttp)";
        var auth = v.Config.Auth;
        static string Field(string pathField, string? path, string hostField) => path is not null && path.Contains("://") ? pathField : hostField;
        var endpoints = Seq<(string Field, Uri Url)>(
            (Field("auth.tokenPath", auth.TokenPath, "auth.tokenHost"), v.TokenUrl),
            (Field(auth.RefreshPath is null ? "auth.tokenPath" : "auth.refreshPath", auth.RefreshPath ?? auth.TokenPath, "auth.tokenHost"), v.RefreshUrl),
            (Field("auth.revokePath", auth.RevokePath, "auth.tokenHost"), v.RevokeUrl),
            (Field("auth.introspectPath", auth.IntrospectPath, "auth.tokenHost"), v.IntrospectUrl));
        var authorize = v.AuthorizeBase.Bind(a => Uri.TryCreate(a, UriKind.Absolute, out var u) ? Some(u) : None)
            .Map(u => (Field: Field("auth.authorizePath", auth.AuthorizePath, auth.AuthorizeHost is null ? "auth.tokenHost" : "auth.authorizeHost"), Url: u));
        return toSeq(endpoints.Append(authorize.ToSeq())
            .Filter(e => e.Url.Scheme != Uri.UriSchemeHttps && !e.Url.IsLoopback)
            .Map(e => e.Field)
            .Distinct()
            .Map(field => new ConfigProblem(field, why)));
    }

    private static Seq<ConfigProblem> ClientProblems(ClientSettings? client) =>
        client is null
            ? Seq1(new ConfigProblem("client", "is required"))
            : PrintableAscii("client.id", client.Id, required: true)
              + client.Secret.Match(s => PrintableAscii("client.secret", s.Reveal(), required: false), Seq<ConfigProblem>)
              + NonEmpty("client.idParamName", client.IdParamName)
              + NonEmpty("client.secretParamName", client.SecretParamName);

    private static Seq<ConfigProblem> AuthProblems(AuthSettings? auth, GrantKind grant)
    {
        if (auth is null) return Seq1(new ConfigProblem("auth", "is required"));
        var host = HttpUri("auth.tokenHost", auth.TokenHost, required: true);
        var paths = Path("auth.tokenPath", auth.TokenPath, auth.TokenHost, host.IsEmpty)
                    + (auth.RefreshPath is null ? Empty : Path("auth.refreshPath", auth.RefreshPath, auth.TokenHost, host.IsEmpty))
                    + Path("auth.revokePath", auth.RevokePath, auth.TokenHost, host.IsEmpty)
                    + Path("auth.introspectPath", auth.IntrospectPath, auth.TokenHost, host.IsEmpty);
        return host + paths + AuthorizeProblems(auth, grant);
    }

    private static Seq<ConfigProblem> AuthorizeProblems(AuthSettings auth, GrantKind grant)
    {
        if (grant != GrantKind.AuthorizationCode)
            return (auth.AuthorizeHost is null ? Empty : Seq1(new ConfigProblem("auth.authorizeHost", "is not allowed")))
                   + (auth.AuthorizePath is null ? Empty : Seq1(new ConfigProblem("auth.authorizePath", "is not allowed")));
        var baseHost = auth.AuthorizeHost ?? auth.TokenHost;
        var host = auth.AuthorizeHost is null ? Empty : HttpUri("auth.authorizeHost", auth.AuthorizeHost, required: false);
        var hostOk = host.IsEmpty && HttpUri("auth.tokenHost", auth.TokenHost, required: true).IsEmpty;
        return host + (auth.AuthorizePath is null ? Empty : Path("auth.authorizePath", auth.AuthorizePath, baseHost, hostOk));
    }

    private static Seq<ConfigProblem> OptionsProblems(OAuthOptions? o) =>
        o is null
            ? Seq1(new ConfigProblem("options", "must be of type object"))
            : NonEmpty("options.scopeSeparator", o.ScopeSeparator)
              + OneOf("options.credentialsEncodingMode", o.CredentialsEncodingMode, "[strict, loose]")
              + OneOf("options.bodyFormat", o.BodyFormat, "[form, json]")
              + OneOf("options.authorizationMethod", o.AuthorizationMethod, "[header, body]");

    private static Seq<ConfigProblem> HttpProblems(HttpSettings? h) =>
        h is null
            ? Seq1(new ConfigProblem("http", "must be of type object"))
            : (h.Timeout > TimeSpan.Zero || h.Timeout == System.Threading.Timeout.InfiniteTimeSpan
                  ? Empty : Seq1(new ConfigProblem("http.timeout", "must be positive (or Timeout.InfiniteTimeSpan)")))
              + (h.MaxResponseBytes > 0 ? Empty : Seq1(new ConfigProblem("http.maxResponseBytes", "must be positive")))
              + HeaderRules.Problems("http.headers", h.Headers).Map(e => new ConfigProblem(e.Name, e.Reason));

    private static Seq<ConfigProblem> Empty => Seq<ConfigProblem>();

    private static Seq<ConfigProblem> NonEmpty(string field, string? value) =>
        value switch
        {
            null => Seq1(new ConfigProblem(field, "is required")),
            "" => Seq1(new ConfigProblem(field, "is not allowed to be empty")),
            _ => Empty,
        };

    private static Seq<ConfigProblem> PrintableAscii(string field, string? value, bool required) =>
        value is null
            ? (required ? Seq1(new ConfigProblem(field, "is required")) : Empty)
            : value.All(ch => ch is >= '\x20' and <= '\x7E')
                ? Empty
                : Seq1(new ConfigProblem(field, "fails to match the required pattern: /^[\\x20-\\x7E]*$/ (printable ASCII only)"));

    private static Seq<ConfigProblem> OneOf<T>(string field, T value, string allowed) where T : struct, Enum =>
        Enum.IsDefined(value) ? Empty : Seq1(new ConfigProblem(field, $"must be one of {allowed}"));

    private static Seq<ConfigProblem> HttpUri(string field, string? value, bool required) =>
        value switch
        {
            null => required ? Seq1(new ConfigProblem(field, "is required")) : Empty,
            "" => Seq1(new ConfigProblem(field, "is not allowed to be empty")),
            _ when UrlResolution.IsHttpUrl(value) => Empty,
            _ => Seq1(new ConfigProblem(field, "must be a valid uri with a scheme matching the http|https pattern")),
        };

    private static Seq<ConfigProblem> Path(string field, string? path, string? host, bool hostIsValid)
    {
        var basic = NonEmpty(field, path);
        if (!basic.IsEmpty || !hostIsValid || host is null || path is null) return basic;
        return UrlResolution.Resolve(new Uri(host, UriKind.Absolute), path).IsSome
            ? Empty
            : Seq1(new ConfigProblem(field, "does not resolve against its host to an http or https URL"));
    }
}
