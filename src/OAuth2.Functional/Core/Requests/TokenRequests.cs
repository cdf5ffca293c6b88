using OAuth2.Functional.Encodings;

namespace OAuth2.Functional;

/// <summary>
/// Pure request builders: configuration and parameters in, an <see cref="HttpRequestSpec"/> out, byte for byte as
/// simple-oauth2 5.x sends it. A builder fails only for a bad per-call argument (null parameter, unsafe header,
/// a token without the token asked for).
/// </summary>
public static class TokenRequests
{
    /// <summary>Client credentials grant: <c>grant_type=client_credentials</c>, then the parameters.</summary>
    public static Either<OAuthError, HttpRequestSpec> ClientCredentials(ValidConfig config, Parameters? parameters, RequestOptions? options = null) =>
        ForGrant(config, "client_credentials", parameters, options);

    /// <summary>Resource owner password grant: <c>grant_type=password</c>, then the parameters (<c>username</c>, <c>password</c>, …).</summary>
    public static Either<OAuthError, HttpRequestSpec> Password(ValidConfig config, Parameters? parameters, RequestOptions? options = null) =>
        ForGrant(config, "password", parameters, options);

    /// <summary>Authorization code grant: <c>grant_type=authorization_code</c>, then the parameters (<c>code</c>, <c>redirect_uri</c>, …).</summary>
    public static Either<OAuthError, HttpRequestSpec> AuthorizationCode(ValidConfig config, Parameters? parameters, RequestOptions? options = null) =>
        ForGrant(config, "authorization_code", parameters, options);

    /// <summary>Any grant to the token endpoint: <c>grant_type</c> first (a <c>grant_type</c> parameter overrides it in place).</summary>
    public static Either<OAuthError, HttpRequestSpec> ForGrant(ValidConfig? config, string? grantType, Parameters? parameters, RequestOptions? options = null) =>
        from cfg in Require.NotNull(config, "config")
        from grant in Require.NotNull(grantType, "grantType")
        from user in ParameterMap.Check(parameters)
        let pairs = ParameterMap.Overlay(Seq1(("grant_type", grant)), user, cfg.Config.Options.ScopeSeparator)
        from request in Post(cfg, cfg.TokenUrl, pairs, options)
        select request;

    /// <summary>Refresh: POST to the refresh path with <c>grant_type=refresh_token</c>, the parameters, and
    /// <c>refresh_token</c> forced to the token's own (in the caller's position if given, else last).</summary>
    public static Either<OAuthError, HttpRequestSpec> Refresh(ValidConfig? config, AccessToken? token, Parameters? parameters = null, RequestOptions? options = null) =>
        from cfg in Require.NotNull(config, "config")
        from refresh in RequireToken(token, TokenKind.RefreshToken)
        from user in ParameterMap.Check(parameters)
        let pairs = ParameterMap.Overlay(Seq1(("grant_type", "refresh_token")), user, cfg.Config.Options.ScopeSeparator)
        from request in Post(cfg, cfg.RefreshUrl, ParameterMap.SetInPlace(pairs, ("refresh_token", refresh.Reveal())), options)
        select request;

    /// <summary>Revocation (RFC 7009): <c>token=…&amp;token_type_hint=access_token|refresh_token</c>, with client credentials.</summary>
    public static Either<OAuthError, HttpRequestSpec> Revoke(ValidConfig? config, AccessToken? token, TokenKind kind, RequestOptions? options = null) =>
        from cfg in Require.NotNull(config, "config")
        from _ in Enum.IsDefined(kind) ? Right<OAuthError, Unit>(unit) : Left<OAuthError, Unit>(OAuthError.Argument("tokenKind",
            "Invalid token type. Only access_token or refresh_token are valid values"))
        from value in RequireToken(token, kind)
        from request in Post(cfg, cfg.RevokeUrl, Seq(("token", value.Reveal()), ("token_type_hint", Hint(kind))), options)
        select request;

    /// <summary>Introspection (RFC 7662): <c>token=…&amp;token_type_hint=…</c> to the introspection path, with client credentials.</summary>
    public static Either<OAuthError, HttpRequestSpec> Introspect(ValidConfig? config, AccessToken? token, TokenKind kind, RequestOptions? options = null) =>
        from cfg in Require.NotNull(config, "config")
        from value in RequireToken(token, kind)
        from request in Post(cfg, cfg.IntrospectUrl, Seq(("token", value.Reveal()), ("token_type_hint", Hint(kind))), options)
        select request;

    /// <summary>The <c>token_type_hint</c> for a kind.</summary>
    public static string Hint(TokenKind kind) => kind == TokenKind.RefreshToken ? "refresh_token" : "access_token";

    private static Either<OAuthError, Secret> RequireToken(AccessToken? token, TokenKind kind) =>
        token is null
            ? Left<OAuthError, Secret>(OAuthError.Argument("token", "is required"))
            : kind == TokenKind.RefreshToken
                ? token.RefreshToken.ToEither(OAuthError.Argument("token", "has no refresh token"))
                : Right<OAuthError, Secret>(token.Value);

    private static Either<OAuthError, HttpRequestSpec> Post(ValidConfig config, Uri url, Seq<(string Name, string Value)> pairs, RequestOptions? options)
    {
        var extra = options?.Headers ?? Seq<(string, string)>();
        var problems = HeaderRules.Problems("requestOptions.headers", extra);
        if (!problems.IsEmpty) return OAuthError.Argument(problems.Head.Name, problems.Head.Reason);
        var c = config.Config;
        var (body, authorization) = ClientAuthentication.Apply(c.Client, c.Options, pairs);
        var headers = HeaderRules.Merge(HeaderRules.Merge(Seq1(("Accept", "application/json")), c.Http.Headers), extra);
        var withAuth = authorization.Match(a => HeaderRules.Set(headers, ("Authorization", a)), () => headers);
        var requestBody = new RequestBody(c.Options.BodyFormat, body);
        return new HttpRequestSpec("POST", url, HeaderRules.Set(withAuth, ("Content-Type", requestBody.ContentType)), requestBody);
    }
}
