using System.Text.Json;

namespace OAuth2.Functional;

/// <summary>Pushed authorization requests (RFC 9126), pure: the push, its answer, and the authorize URL that refers to it.</summary>
public static class PushedAuthorizationRequests
{
    /// <summary>The longest <c>expires_in</c> taken as given (a day; RFC 9126 expects seconds to minutes, OpenIddict gives an hour).</summary>
    public static TimeSpan MaxLifetime { get; } = TimeSpan.FromDays(1);

    /// <summary>The push (§2.1): POST to <see cref="ValidConfig.PushedAuthorizationUrl"/> with <c>response_type=code</c>,
    /// <c>client_id</c>, then <paramref name="parameters"/> (<c>redirect_uri</c>, <c>scope</c>, <c>state</c>,
    /// <c>code_challenge</c>, …) exactly as the authorize URL would carry them, and the client's authentication as for the token
    /// endpoint (Basic header, body credentials, or a public client's <c>client_id</c>). A <c>request_uri</c> parameter is refused
    /// (§2.1 forbids it).</summary>
    public static Either<OAuthError, HttpRequestSpec> Push(ValidConfig? config, Parameters? parameters, RequestOptions? options = null) =>
        from cfg in Require.NotNull(config, "config")
        from _ in cfg.AuthorizeBase.ToEither(OAuthError.Argument("config",
            "was validated for the " + cfg.Grant + " grant; pushed authorization requests need the AuthorizationCode grant"))
        from url in cfg.PushedAuthorizationUrl.ToEither(OAuthError.Argument("config", "has no auth.pushedAuthorizationPath (the server's pushed_authorization_request_endpoint)"))
        from user in ParameterMap.Check(parameters)
        from __ in user.Exists(p => p.Name == "request_uri")
            ? Left<OAuthError, Unit>(OAuthError.Argument("request_uri", "must not be pushed (RFC 9126 §2.1)"))
            : Right<OAuthError, Unit>(unit)
        let client = cfg.Config.Client
        let pairs = ParameterMap.Overlay(Seq(("response_type", "code"), (client.IdParamName, client.Id)), user, cfg.Config.Options.ScopeSeparator)
        from request in TokenRequests.Post(cfg, url, pairs, options)
        select request;

    /// <summary>Reads the answer (§2.2): a 2xx (the RFC says 201) JSON object with <c>request_uri</c> (a non-empty string) and
    /// <c>expires_in</c> (positive seconds, up to <see cref="MaxLifetime"/>). An error answer (§2.3, e.g. <c>invalid_request</c>,
    /// <c>invalid_client</c>) is a <see cref="OAuthError.ProtocolError"/>, as for every endpoint. Total.</summary>
    public static Either<OAuthError, PushedAuthorization> Interpret(HttpResponseSpec? response, DateTimeOffset receivedAt) =>
        from fields in Responses.JsonObjectOf(response)
        from requestUri in JsonObjectReader.Find(fields, "request_uri")
            .Filter(f => f.Kind == JsonValueKind.String && !string.IsNullOrEmpty(f.Text))
            .Map(f => f.Text!)
            .ToEither(OAuthError.Malformed("request_uri", "must be a non-empty string"))
        from expiresIn in JsonObjectReader.Find(fields, "expires_in")
            .Filter(f => f.Kind == JsonValueKind.Number && f.Number > 0 && f.Number <= MaxLifetime.TotalSeconds)
            .Map(f => TimeSpan.FromSeconds(f.Number))
            .ToEither(OAuthError.Malformed("expires_in", $"must be a positive number of seconds up to {MaxLifetime.TotalSeconds:0}"))
        select new PushedAuthorization(requestUri, receivedAt + expiresIn);
}
