using Microsoft.Extensions.Logging;

namespace OAuth2.Functional;

/// <summary>
/// Any grant at the token endpoint, named by its <see cref="GrantType"/> (an absolute URI or a registered name, RFC 6749
/// §4.5), with the caller's parameters: an extension grant needs no new code. <see cref="GrantClient.GetTokenAsync"/> sends
/// <c>grant_type</c> and then the parameters, as <see cref="ExtensionGrants.Request"/> builds them: a parameter may not set
/// <c>grant_type</c> or client credentials. Refresh, revocation and introspection work as for every grant.
/// </summary>
public sealed class ExtensionGrant : GrantClient
{
    private ExtensionGrant(GrantType grantType, ValidConfig config, SendHttp send, TimeProvider? timeProvider, ILogger? logger)
        : base(grantType.Value, (c, p, o) => ExtensionGrants.Request(c, grantType, p, o), config, send, timeProvider, logger) =>
        GrantType = grantType;

    /// <summary>The grant this client requests.</summary>
    public GrantType GrantType { get; }

    /// <summary>Validates <paramref name="config"/> and makes a client for <paramref name="grantType"/>; the other arguments are as
    /// for <see cref="ClientCredentials.Create"/>.</summary>
    public static Either<OAuthError, ExtensionGrant> Create(OAuthConfig? config, GrantType? grantType, HttpClient? httpClient = null,
        TimeProvider? timeProvider = null, ILogger? logger = null, OAuthTransport? transport = null) =>
        grantType is null
            ? OAuthError.Argument("grantType", "is required")
            : Prepare(config, GrantKind.Extension, httpClient, transport).Map(p => new ExtensionGrant(grantType, p.Config, p.Transport, timeProvider, logger));
}
