using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OAuth2.Functional.DevServer;

/// <summary>The client of the extension grants: token exchange, JWT bearer, and client credentials (to get a subject token).</summary>
internal static class GrantSeeds
{
    public static OpenIddictApplicationDescriptor Exchanger(DevClient c)
    {
        var d = new OpenIddictApplicationDescriptor { ClientId = c.Id, ClientSecret = c.Secret, ClientType = ClientTypes.Confidential, DisplayName = c.Id };
        string[] permissions =
        [
            Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Endpoints.Introspection,
            Permissions.GrantTypes.ClientCredentials, Permissions.GrantTypes.TokenExchange,
            Permissions.Prefixes.GrantType + ExtensionGrantsSetup.JwtBearerGrantType,
            Permissions.Prefixes.Scope + "api", Permissions.Prefixes.Scope + Scopes.OpenId,
        ];
        foreach (var p in permissions
                     .Concat(ExtensionGrantsSetup.Audiences.Select(a => Permissions.Prefixes.Audience + a))
                     .Concat(ExtensionGrantsSetup.Resources.Select(r => Permissions.Prefixes.Resource + r)))
            d.Permissions.Add(p);
        return d;
    }
}
