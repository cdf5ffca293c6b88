using OAuth2.Functional.DevServer;

namespace OAuth2.Functional.Demo;

/// <summary>Discovery (RFC 8414, OpenID Connect) and pushed authorization requests (RFC 9126) against the embedded server.</summary>
internal sealed class DiscoveryTour(DevAuthorizationServer server)
{
    public Seq<Step> Steps => Seq(
        new Step("discovery (RFC 8414): metadata read and checked, a PKCE client configured from it alone", CodeFlowFromMetadata),
        Step.ExpectFailure("discovery for \"the same\" issuer without its trailing slash: refused (RFC 8414 §3.3)", IssuerWithoutSlash,
            e => e is OAuthError.MalformedMetadata { Member: "issuer" }),
        new Step("pushed authorization request (RFC 9126): push, authorize with only client_id and request_uri, redeem", PushedFlow));

    private EitherAsync<OAuthError, string> CodeFlowFromMetadata()
    {
        var pkce = PkceGenerator.New();
        var state = PkceGenerator.NewState();
        var redirect = Parameters.Of(("redirect_uri", DevAuthorizationServer.CallbackUri));
        return
            from discovery in DiscoveryClient.Create(server.Issuer, MetadataDocument.OAuthAuthorizationServer)
            from cache in MetadataCache.Create(discovery)
            from metadata in cache.GetAsync()
            from again in cache.GetAsync()
            from config in Discovery.ConfigFor(metadata, GrantKind.AuthorizationCode, new ClientSettings(server.Public.Id))
            from client in AuthorizationCode.Create(config)
            from url in client.AuthorizeUrlAsync(pkce.AddChallenge(redirect.Add("state", state).WithScope("api")))
            from callback in UserAgent.FollowAuthorizeAsync(url, metadata.CallbackExpectation(state)).ToAsync()
            from token in client.GetTokenAsync(pkce.AddVerifier(redirect.Add("code", callback.Code.Reveal())))
            select $"{discovery.Url} → token {metadata.TokenEndpoint.Map(u => u.AbsolutePath).IfNone("?")}, PAR " +
                   $"{metadata.PushedAuthorizationRequestEndpoint.Map(u => u.AbsolutePath).IfNone("none")}, auth methods " +
                   $"[{string.Join(", ", metadata.TokenEndpointAuthMethodsSupported)}], iss required: {metadata.AuthorizationResponseIssParameterSupported}; " +
                   "second read from the cache; " + Redact.Token(token);
    }

    private EitherAsync<OAuthError, string> IssuerWithoutSlash() =>
        from discovery in DiscoveryClient.Create(server.Issuer.TrimEnd('/'), MetadataDocument.OpenIdConfiguration)
        from metadata in discovery.FetchAsync()
        select "unexpected: accepted " + metadata.Issuer;

    private EitherAsync<OAuthError, string> PushedFlow()
    {
        var state = PkceGenerator.NewState();
        var redirect = Parameters.Of(("redirect_uri", DevAuthorizationServer.CallbackUri));
        var config = server.ConfigFor(server.Web);
        return
            from client in AuthorizationCode.Create(config with { Auth = config.Auth with { PushedAuthorizationPath = DevAuthorizationServer.PushedAuthorizationPath } })
            from pushed in client.PushAuthorizationAsync(redirect.Add("state", state).WithScope("api"))
            from url in client.PushedAuthorizeUrl(pushed)
            from callback in UserAgent.FollowAuthorizeAsync(url, CallbackExpectation.ForState(state).WithIssuer(server.Issuer, required: true)).ToAsync()
            from token in client.GetTokenAsync(redirect.Add("code", callback.Code.Reveal()))
            select $"confidential client \"{server.Web.Id}\" pushed (Basic), request_uri valid until {Expiry.ToIso(pushed.ExpiresAt)}; " +
                   $"authorize URL query: {new Uri(url).Query.Split('=')[0].TrimStart('?')}=…&request_uri=…; " + Redact.Token(token);
    }
}
