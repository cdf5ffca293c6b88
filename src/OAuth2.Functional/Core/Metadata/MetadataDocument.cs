namespace OAuth2.Functional;

/// <summary>Which well-known document describes an authorization server.</summary>
public enum MetadataDocument
{
    /// <summary>RFC 8414: <c>/.well-known/oauth-authorization-server</c>, inserted between the issuer's host and its path.</summary>
    OAuthAuthorizationServer,
    /// <summary>OpenID Connect Discovery 1.0: <c>/.well-known/openid-configuration</c>, appended to the issuer.</summary>
    OpenIdConfiguration,
}
