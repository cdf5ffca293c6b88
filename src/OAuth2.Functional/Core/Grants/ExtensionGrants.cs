namespace OAuth2.Functional;

/// <summary>
/// Pure builders for grants beyond RFC 6749's four: any <see cref="GrantType"/> with the caller's parameters (RFC 6749 §4.5,
/// so a new extension grant needs no new code), and the JWT bearer grant (RFC 7523 §2.1). Both POST to the token endpoint
/// with the client's authentication; neither lets a parameter set <c>grant_type</c> or client credentials.
/// </summary>
public static class ExtensionGrants
{
    /// <summary>A token request for <paramref name="grantType"/>: <c>grant_type</c> first, then <paramref name="parameters"/> in
    /// order. A parameter named <c>grant_type</c>, <c>client_id</c>, <c>client_secret</c>, <c>client_assertion</c>,
    /// <c>client_assertion_type</c> or the configured id/secret parameter name is refused with an
    /// <see cref="OAuthError.InvalidArgument"/> naming it.</summary>
    public static Either<OAuthError, HttpRequestSpec> Request(ValidConfig? config, GrantType? grantType, Parameters? parameters,
        RequestOptions? options = null)
    {
        if (config is null) return OAuthError.Argument("config", "is required");
        if (grantType is null) return OAuthError.Argument("grantType", "is required");
        return ReservedParameters.Check(config, parameters).Bind(user =>
            TokenRequests.Post(config, config.TokenUrl,
                ParameterMap.Overlay(Seq1(("grant_type", grantType.Value)), user, config.Config.Options.ScopeSeparator), options));
    }

    /// <summary>The JWT bearer grant (RFC 7523 §2.1): <c>grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer</c>,
    /// <c>assertion</c> (the caller's signed JWT, sent as is), then <paramref name="parameters"/> (usually <c>scope</c>). Client
    /// authentication is the configured one (RFC 7523 §3.1 makes it optional; a public client sends its <c>client_id</c>).
    /// <c>assertion</c> may not be given again as a parameter.</summary>
    public static Either<OAuthError, HttpRequestSpec> JwtBearer(ValidConfig? config, Secret? assertion, Parameters? parameters = null,
        RequestOptions? options = null)
    {
        if (config is null) return OAuthError.Argument("config", "is required");
        if (assertion is null) return OAuthError.Argument("assertion", "is required");
        if (assertion.Reveal().Length == 0) return OAuthError.Argument("assertion", "must not be empty");
        return ReservedParameters.Check(config, parameters, "assertion").Bind(user =>
            TokenRequests.Post(config, config.TokenUrl,
                ParameterMap.Overlay(Seq(("grant_type", GrantType.JwtBearer.Value), ("assertion", assertion.Reveal())), user,
                    config.Config.Options.ScopeSeparator), options));
    }
}
