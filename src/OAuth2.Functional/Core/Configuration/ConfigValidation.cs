using OAuth2.Functional.Encodings;

namespace OAuth2.Functional;

/// <summary>Validates an <see cref="OAuthConfig"/> for one grant, reporting every problem at once with its field path.</summary>
/// <remarks>
/// Problems are gathered as plain arrays and turned into one <c>Seq</c> at the end. Joining <c>Seq</c>s with <c>+</c>
/// (LanguageExt 4's <c>SeqConcat</c>) makes the NativeAOT compiler expand <c>SeqConcat&lt;ISeqInternal&lt;…&gt;&gt;</c>
/// without end and fail ("VTable … not computed by the IL scanner"); see <c>tests/OAuth2.Functional.AotSample</c>.
/// </remarks>
public static class ConfigValidation
{
    private const string DefaultAuthorizePath = "/oauth/authorize";

    /// <summary>
    /// Checks every option (simple-oauth2's rules: http/https hosts, non-empty paths and names, printable-ASCII id and
    /// secret, known enum values; <c>authorizeHost</c>/<c>authorizePath</c> only for the authorization-code grant; the
    /// numeric ranges of <see cref="HttpSettings"/>; no credentials (user info) in any URL; https off loopback) and
    /// resolves the endpoint URLs. Never throws; a <c>null</c> anywhere is reported as a problem.
    /// </summary>
    public static Either<OAuthError, ValidConfig> Validate(OAuthConfig? config, GrantKind grant)
    {
        if (config is null) return OAuthError.Config(Seq1(new ConfigProblem("config", "is required")));
        var endpoints = config.Auth is null ? Endpoints.None : ResolveEndpoints(config.Auth, grant);
        var problems = ClientProblems(config.Client)
            .Concat(AuthProblems(config.Auth, grant, endpoints))
            .Concat(OptionsProblems(config.Options))
            .Concat(HttpProblems(config.Http))
            .Concat(EndpointProblems(endpoints, config.Options?.AllowInsecureHttp ?? false))
            .Distinct()
            .ToArray();
        if (problems.Length > 0) return OAuthError.Config(toSeq(problems));
        return endpoints.ToValid(grant, config).ToEither(() => OAuthError.Config(Seq1(new ConfigProblem("auth", "does not resolve to endpoint URLs"))));
    }

    /// <summary>Every endpoint URL, each with the field a problem with it is reported on (<c>None</c> where it does not resolve).</summary>
    private sealed record Endpoints(
        Option<(string Field, Uri Url)> Token, Option<(string Field, Uri Url)> Refresh, Option<(string Field, Uri Url)> Revoke,
        Option<(string Field, Uri Url)> Introspect, Option<(string Field, Uri Url)> Authorize, Option<(string Field, Uri Url)> Device,
        Option<(string Field, Uri Url)> PushedAuthorization)
    {
        public static Endpoints None { get; } = new(default, default, default, default, default, default, default);

        public IEnumerable<(string Field, Uri Url)> All =>
            new[] { Token, Refresh, Revoke, Introspect, Authorize, Device, PushedAuthorization }.SelectMany(e => e.ToArray());

        public Option<ValidConfig> ToValid(GrantKind grant, OAuthConfig config) =>
            from token in Token
            from refresh in Refresh
            from revoke in Revoke
            from introspect in Introspect
            from device in Device
            select new ValidConfig(grant, config, token.Url, refresh.Url, revoke.Url, introspect.Url,
                Authorize.Map(a => a.Url.AbsoluteUri), device.Url, PushedAuthorization.Map(p => p.Url));
    }

    private static Endpoints ResolveEndpoints(AuthSettings auth, GrantKind grant)
    {
        var tokenHost = ParseHost(auth.TokenHost);
        Option<(string, Uri)> At(Option<Uri> host, string hostField, string pathField, string? path) =>
            path is null or "" ? None : host.Bind(h => UrlResolution.Resolve(h, path).Map(u => (SameOrigin(h, u) ? hostField : pathField, u)));
        var authorize = grant == GrantKind.AuthorizationCode
            ? At(auth.AuthorizeHost is null ? tokenHost : ParseHost(auth.AuthorizeHost), auth.AuthorizeHost is null ? "auth.tokenHost" : "auth.authorizeHost",
                "auth.authorizePath", auth.AuthorizePath ?? DefaultAuthorizePath)
            : None;
        return new Endpoints(
            At(tokenHost, "auth.tokenHost", "auth.tokenPath", auth.TokenPath),
            At(tokenHost, "auth.tokenHost", auth.RefreshPath is null ? "auth.tokenPath" : "auth.refreshPath", auth.RefreshPath ?? auth.TokenPath),
            At(tokenHost, "auth.tokenHost", "auth.revokePath", auth.RevokePath),
            At(tokenHost, "auth.tokenHost", "auth.introspectPath", auth.IntrospectPath),
            authorize,
            At(tokenHost, "auth.tokenHost", "auth.deviceAuthorizationPath", auth.DeviceAuthorizationPath),
            grant == GrantKind.AuthorizationCode ? At(tokenHost, "auth.tokenHost", "auth.pushedAuthorizationPath", auth.PushedAuthorizationPath) : None);
    }

    private static Option<Uri> ParseHost(string? host) =>
        host is not null && UrlResolution.IsHttpUrl(host) ? Some(new Uri(host, UriKind.Absolute)) : None;

    /// <summary>True when resolving the path kept the host's scheme, authority and user info (a relative path).</summary>
    private static bool SameOrigin(Uri host, Uri resolved) =>
        host.Scheme == resolved.Scheme && host.Authority == resolved.Authority && host.UserInfo == resolved.UserInfo;

    /// <summary>No URL may carry credentials; every endpoint must be https unless its host is loopback (safe default;
    /// <see cref="OAuthOptions.AllowInsecureHttp"/> lifts the second rule).</summary>
    private static IEnumerable<ConfigProblem> EndpointProblems(Endpoints endpoints, bool allowInsecureHttp)
    {
        const string insecure = "must use https (plain http is allowed only for loopback hosts, or with options.allowInsecureHttp)";
        return endpoints.All.SelectMany(e =>
            (e.Url.UserInfo.Length > 0 ? new[] { new ConfigProblem(e.Field, UserInfoProblem) } : [])
            .Concat(!allowInsecureHttp && e.Url.Scheme != Uri.UriSchemeHttps && !e.Url.IsLoopback ? [new ConfigProblem(e.Field, insecure)] : []));
    }

    private const string UserInfoProblem = "must not contain credentials (user info before '@'); configure them in client instead";

    private static IEnumerable<ConfigProblem> ClientProblems(ClientSettings? client) =>
        client is null
            ? [new ConfigProblem("client", "is required")]
            : PrintableAscii("client.id", client.Id, required: true)
              .Concat(PrintableAscii("client.secret", client.Secret?.Reveal(), required: false))
              .Concat(NonEmpty("client.idParamName", client.IdParamName))
              .Concat(NonEmpty("client.secretParamName", client.SecretParamName))
              .Concat(ClientAuthMethods.Problems(client));

    private static IEnumerable<ConfigProblem> AuthProblems(AuthSettings? auth, GrantKind grant, Endpoints endpoints)
    {
        if (auth is null) return [new ConfigProblem("auth", "is required")];
        var host = HttpUri("auth.tokenHost", auth.TokenHost, required: true);
        var hostOk = host.Length == 0;
        return host
            .Concat(Path("auth.tokenPath", auth.TokenPath, hostOk, endpoints.Token))
            .Concat(auth.RefreshPath is null ? [] : Path("auth.refreshPath", auth.RefreshPath, hostOk, endpoints.Refresh))
            .Concat(Path("auth.revokePath", auth.RevokePath, hostOk, endpoints.Revoke))
            .Concat(Path("auth.introspectPath", auth.IntrospectPath, hostOk, endpoints.Introspect))
            .Concat(Path("auth.deviceAuthorizationPath", auth.DeviceAuthorizationPath, hostOk, endpoints.Device))
            .Concat(AuthorizeProblems(auth, grant, hostOk, endpoints));
    }

    private static IEnumerable<ConfigProblem> AuthorizeProblems(AuthSettings auth, GrantKind grant, bool tokenHostOk, Endpoints endpoints)
    {
        if (grant != GrantKind.AuthorizationCode)
            return (auth.AuthorizeHost is null ? [] : new[] { new ConfigProblem("auth.authorizeHost", "is not allowed") })
                .Concat(auth.AuthorizePath is null ? [] : [new ConfigProblem("auth.authorizePath", "is not allowed")])
                .Concat(auth.PushedAuthorizationPath is null ? [] : [new ConfigProblem("auth.pushedAuthorizationPath", "is not allowed")])
                .Concat(auth.RequirePushedAuthorizationRequests ? [new ConfigProblem("auth.requirePushedAuthorizationRequests", "is not allowed")] : []);
        var host = auth.AuthorizeHost is null ? [] : HttpUri("auth.authorizeHost", auth.AuthorizeHost, required: false);
        var hostOk = host.Length == 0 && (auth.AuthorizeHost is not null || tokenHostOk);
        return host.Concat(auth.AuthorizePath is null ? [] : Path("auth.authorizePath", auth.AuthorizePath, hostOk, endpoints.Authorize))
            .Concat(auth.PushedAuthorizationPath is null
                ? auth.RequirePushedAuthorizationRequests
                    ? [new ConfigProblem("auth.pushedAuthorizationPath", "is required when auth.requirePushedAuthorizationRequests is set")]
                    : []
                : Path("auth.pushedAuthorizationPath", auth.PushedAuthorizationPath, tokenHostOk, endpoints.PushedAuthorization));
    }

    private static IEnumerable<ConfigProblem> OptionsProblems(OAuthOptions? o) =>
        o is null
            ? [new ConfigProblem("options", "must be of type object")]
            : NonEmpty("options.scopeSeparator", o.ScopeSeparator)
              .Concat(OneOf("options.credentialsEncodingMode", o.CredentialsEncodingMode, "[strict, loose]"))
              .Concat(OneOf("options.bodyFormat", o.BodyFormat, "[form, json]"))
              .Concat(OneOf("options.authorizationMethod", o.AuthorizationMethod, "[header, body]"));

    private static IEnumerable<ConfigProblem> HttpProblems(HttpSettings? h) =>
        h is null
            ? [new ConfigProblem("http", "must be of type object")]
            : TimeoutProblems(h.Timeout)
              .Concat(h.MaxResponseBytes is >= 1 and <= HttpSettings.MaxResponseBytesLimit
                  ? [] : [new ConfigProblem("http.maxResponseBytes", $"must be between 1 and {HttpSettings.MaxResponseBytesLimit} (the largest .NET array)")])
              .Concat(h.NullHeaders ? [new ConfigProblem("http.headers", "is required")] : [])
              .Concat(HeaderRules.Problems("http.headers", h.Headers).Map(e => new ConfigProblem(e.Name, e.Reason)));

    /// <summary>At least 1 ms (a shorter one truncates to an immediate cancellation), at most what <c>CancelAfter</c>
    /// accepts, or <see cref="Timeout.InfiniteTimeSpan"/> (no time limit: the caller's token alone ends the call).</summary>
    private static IEnumerable<ConfigProblem> TimeoutProblems(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan || (timeout >= TimeSpan.FromMilliseconds(1) && timeout <= HttpSettings.MaxTimeout)
            ? []
            : [new ConfigProblem("http.timeout", "must be between 1 ms and 4294967294 ms (about 49.7 days), or Timeout.InfiniteTimeSpan")];

    private static ConfigProblem[] NonEmpty(string field, string? value) =>
        value switch
        {
            null => [new ConfigProblem(field, "is required")],
            "" => [new ConfigProblem(field, "is not allowed to be empty")],
            _ => [],
        };

    private static ConfigProblem[] PrintableAscii(string field, string? value, bool required) =>
        value is null
            ? (required ? [new ConfigProblem(field, "is required")] : [])
            : value.All(ch => ch is >= '\x20' and <= '\x7E')
                ? []
                : [new ConfigProblem(field, "fails to match the required pattern: /^[\\x20-\\x7E]*$/ (printable ASCII only)")];

    private static ConfigProblem[] OneOf<T>(string field, T value, string allowed) where T : struct, Enum =>
        Enum.IsDefined(value) ? [] : [new ConfigProblem(field, $"must be one of {allowed}")];

    private static ConfigProblem[] HttpUri(string field, string? value, bool required) =>
        value switch
        {
            null => required ? [new ConfigProblem(field, "is required")] : [],
            "" => [new ConfigProblem(field, "is not allowed to be empty")],
            _ when !UrlResolution.IsHttpUrl(value) => [new ConfigProblem(field, "must be a valid uri with a scheme matching the http|https pattern")],
            _ when new Uri(value, UriKind.Absolute).UserInfo.Length > 0 => [new ConfigProblem(field, UserInfoProblem)],
            _ => [],
        };

    private static ConfigProblem[] Path(string field, string? path, bool hostIsValid, Option<(string Field, Uri Url)> resolved)
    {
        var basic = NonEmpty(field, path);
        if (basic.Length > 0 || !hostIsValid) return basic;
        return resolved.IsSome ? [] : [new ConfigProblem(field, "does not resolve against its host to an http or https URL")];
    }
}
