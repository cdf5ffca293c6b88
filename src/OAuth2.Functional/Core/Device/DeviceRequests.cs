namespace OAuth2.Functional;

/// <summary>Pure builders for the device authorization grant (RFC 8628).</summary>
public static class DeviceRequests
{
    /// <summary>The <c>grant_type</c> of the polling requests.</summary>
    public const string GrantType = "urn:ietf:params:oauth:grant-type:device_code";

    /// <summary>The device authorization request (§3.1): POST to the device authorization endpoint with the client's
    /// authentication (a public client sends its <c>client_id</c> in the body) and the parameters (<c>scope</c>, …).</summary>
    public static Either<OAuthError, HttpRequestSpec> Authorize(ValidConfig? config, Parameters? parameters, RequestOptions? options = null)
    {
        if (config is null) return OAuthError.Argument("config", "is required");
        return ParameterMap.Check(parameters).Bind(user =>
            TokenRequests.Post(config, config.DeviceAuthorizationUrl, ParameterMap.Overlay(Seq<(string, string)>(), user, config.Config.Options.ScopeSeparator), options));
    }

    /// <summary>One polling request (§3.4): <c>grant_type=urn:ietf:params:oauth:grant-type:device_code</c> and the device code,
    /// to the token endpoint with the client's authentication.</summary>
    public static Either<OAuthError, HttpRequestSpec> Poll(ValidConfig? config, DeviceAuthorization? authorization, RequestOptions? options = null) =>
        authorization?.DeviceCode is null
            ? OAuthError.Argument("authorization", "is required")
            : TokenRequests.ForGrant(config, GrantType, Parameters.Of(("device_code", authorization.DeviceCode.Reveal())), options);
}
