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
    public static Either<OAuthError, HttpRequestSpec> ForGrant(ValidConfig? config, string? grantType, Parameters? parameters, RequestOptions? options = null)
    {
        if (config is null) return OAuthError.Argument("config", "is required");
        if (grantType is null) return OAuthError.Argument("grantType", "is required");
        var user = ParameterMap.Check(parameters);
        if (user.Case is OAuthError error) return error;
        var pairs = ParameterMap.Overlay(Seq1(("grant_type", grantType)), (Seq<(string, ParamValue)>)user.Case!, config.Config.Options.ScopeSeparator);
        return Post(config, config.TokenUrl, pairs, options);
    }

    /// <summary>Refresh: POST to the refresh path with <c>grant_type=refresh_token</c>, the parameters, and
    /// <c>refresh_token</c> forced to the token's own (in the caller's position if given, else last).</summary>
    public static Either<OAuthError, HttpRequestSpec> Refresh(ValidConfig? config, AccessToken? token, Parameters? parameters = null, RequestOptions? options = null)
    {
        if (config is null) return OAuthError.Argument("config", "is required");
        var refresh = RequireToken(token, TokenKind.RefreshToken);
        if (refresh.Case is OAuthError missing) return missing;
        var user = ParameterMap.Check(parameters);
        if (user.Case is OAuthError error) return error;
        var pairs = ParameterMap.Overlay(Seq1(("grant_type", "refresh_token")), (Seq<(string, ParamValue)>)user.Case!, config.Config.Options.ScopeSeparator);
        return Post(config, config.RefreshUrl, ParameterMap.SetInPlace(pairs, ("refresh_token", ((Secret)refresh.Case!).Reveal())), options);
    }

    /// <summary>Revocation (RFC 7009): <c>token=…&amp;token_type_hint=access_token|refresh_token</c>, with client credentials.</summary>
    public static Either<OAuthError, HttpRequestSpec> Revoke(ValidConfig? config, AccessToken? token, TokenKind kind, RequestOptions? options = null) =>
        Enum.IsDefined(kind)
            ? TokenPost(config, config?.RevokeUrl, token, kind, options)
            : OAuthError.Argument("tokenKind", "Invalid token type. Only access_token or refresh_token are valid values");

    /// <summary>Introspection (RFC 7662): <c>token=…&amp;token_type_hint=…</c> to the introspection path, with client credentials.</summary>
    public static Either<OAuthError, HttpRequestSpec> Introspect(ValidConfig? config, AccessToken? token, TokenKind kind, RequestOptions? options = null) =>
        Enum.IsDefined(kind)
            ? TokenPost(config, config?.IntrospectUrl, token, kind, options)
            : OAuthError.Argument("tokenKind", "Invalid token type. Only access_token or refresh_token are valid values");

    private static Either<OAuthError, HttpRequestSpec> TokenPost(ValidConfig? config, Uri? url, AccessToken? token, TokenKind kind, RequestOptions? options)
    {
        if (config is null || url is null) return OAuthError.Argument("config", "is required");
        var value = RequireToken(token, kind);
        return value.Case is Secret secret
            ? Post(config, url, Seq(("token", secret.Reveal()), ("token_type_hint", Hint(kind))), options)
            : (OAuthError)value.Case!;
    }

    /// <summary>The <c>token_type_hint</c> for a kind.</summary>
    public static string Hint(TokenKind kind) => kind == TokenKind.RefreshToken ? "refresh_token" : "access_token";

    private static Either<OAuthError, Secret> RequireToken(AccessToken? token, TokenKind kind) =>
        token is null
            ? Left<OAuthError, Secret>(OAuthError.Argument("token", "is required"))
            : kind == TokenKind.RefreshToken
                ? token.RefreshToken.ToEither(OAuthError.Argument("token", "has no refresh token"))
                : Right<OAuthError, Secret>(token.Value);

    /// <summary>A POST with the client's authentication, the configured and per-call headers (shared by every builder).</summary>
    internal static Either<OAuthError, HttpRequestSpec> Post(ValidConfig config, Uri url, Seq<(string Name, string Value)> pairs, RequestOptions? options)
    {
        if (options?.NullArgument.Case is string argument) return OAuthError.Argument(argument, "is required");
        var extra = options?.Headers ?? Seq<(string, string)>();
        var problems = HeaderRules.Problems("requestOptions.headers", extra);
        if (!problems.IsEmpty) return OAuthError.Argument(problems.Head.Name, problems.Head.Reason);
        var c = config.Config;
        var (body, authorization, assertion) = ClientAuthentication.Apply(config, pairs);
        var requestBody = new RequestBody(c.Options.BodyFormat, body);
        return new HttpRequestSpec("POST", url, Headers(c.Http.Headers, extra, authorization, requestBody.ContentType), requestBody)
        {
            PendingAssertion = assertion,
            // RFC 9449 §5 and §10.1: requests to the token endpoint and pushed authorization requests carry a proof
            // (revocation, introspection and device authorization do not).
            PendingDPoPProof = c.DPoP is { } key && CarriesDPoPProof(config, url) ? Some(key) : None,
        };
    }

    private static bool CarriesDPoPProof(ValidConfig config, Uri url) =>
        url == config.TokenUrl || url == config.RefreshUrl || config.PushedAuthorizationUrl.Exists(par => par == url);

    /// <summary>Library default, configured headers, per-call headers, then the library's own Authorization and Content-Type.</summary>
    private static Seq<(string Name, string Value)> Headers(Seq<(string Name, string Value)> configured, Seq<(string Name, string Value)> extra,
        Option<string> authorization, string contentType)
    {
        if (configured.IsEmpty && extra.IsEmpty)
            return authorization.Case is string basic
                ? Seq(("Accept", "application/json"), ("Authorization", basic), ("Content-Type", contentType))
                : Seq(("Accept", "application/json"), ("Content-Type", contentType));
        var headers = HeaderRules.Merge(HeaderRules.Merge(Seq1(("Accept", "application/json")), configured), extra);
        var withAuth = authorization.Case is string value ? HeaderRules.Set(headers, ("Authorization", value)) : headers;
        return HeaderRules.Set(withAuth, ("Content-Type", contentType));
    }
}
