namespace OAuth2.Functional;

/// <summary>The grant a configuration is validated for (simple-oauth2 has one schema per grant).</summary>
public enum GrantKind
{
    /// <summary>Authorization code: the only grant that accepts <c>authorizeHost</c>/<c>authorizePath</c>.</summary>
    AuthorizationCode,
    /// <summary>Resource owner password credentials.</summary>
    ResourceOwnerPassword,
    /// <summary>Client credentials.</summary>
    ClientCredentials,
    /// <summary>Device authorization grant (RFC 8628): a public or confidential client on a device without a browser.</summary>
    DeviceCode,
    /// <summary>Any other grant at the token endpoint: token exchange (RFC 8693), JWT bearer (RFC 7523), or an extension grant
    /// named by its <c>grant_type</c> (RFC 6749 §4.5).</summary>
    Extension,
}
