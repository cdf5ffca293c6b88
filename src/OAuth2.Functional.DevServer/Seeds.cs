using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OAuth2.Functional.DevServer;

/// <summary>The registered clients and their permissions.</summary>
internal static class Seeds
{
    private static readonly string[] Scopes = [Permissions.Prefixes.Scope + "api", Permissions.Prefixes.Scope + OpenIddictConstants.Scopes.OfflineAccess];

    public static IEnumerable<OpenIddictApplicationDescriptor> All(DevAuthorizationServer s)
    {
        yield return Confidential(s.Confidential);
        yield return Confidential(s.Awkward);
        yield return Code(s.Public, ClientTypes.Public, requirePkce: true);
        yield return Code(s.Web, ClientTypes.Confidential, requirePkce: false);
        yield return GrantSeeds.Exchanger(s.Exchanger);
        yield return Descriptor(s.Device, ClientTypes.Public,
            Permissions.Endpoints.DeviceAuthorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
            Permissions.GrantTypes.DeviceCode, Permissions.GrantTypes.RefreshToken);
        yield return JwtClients.Descriptor(s.RsaKeyClient.Id, JwtClients.Public(s.RsaKeyClient.Key), Scopes);
        yield return JwtClients.Descriptor(s.EcKeyClient.Id, JwtClients.Public(s.EcKeyClient.Key), Scopes);
        yield return JwtClients.WithSecret(JwtClients.Descriptor(s.SecretJwt.Id, null, Scopes), s.SecretJwt.Secret!);
    }

    private static OpenIddictApplicationDescriptor Confidential(DevClient c) =>
        Descriptor(c, ClientTypes.Confidential,
            Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Endpoints.Introspection,
            Permissions.GrantTypes.ClientCredentials, Permissions.GrantTypes.Password, Permissions.GrantTypes.RefreshToken);

    private static OpenIddictApplicationDescriptor Code(DevClient c, string type, bool requirePkce)
    {
        var d = Descriptor(c, type,
            Permissions.Endpoints.Authorization, Permissions.Endpoints.PushedAuthorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
            Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code);
        if (type == ClientTypes.Confidential) d.Permissions.Add(Permissions.Endpoints.Introspection);
        d.RedirectUris.Add(new Uri(c.RedirectUri!));
        if (requirePkce) d.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        return d;
    }

    private static OpenIddictApplicationDescriptor Descriptor(DevClient c, string type, params string[] permissions)
    {
        var d = new OpenIddictApplicationDescriptor { ClientId = c.Id, ClientSecret = c.Secret, ClientType = type, DisplayName = c.Id };
        foreach (var p in permissions.Concat(Scopes)) d.Permissions.Add(p);
        return d;
    }
}
