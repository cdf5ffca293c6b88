using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OAuth2.Functional.DevServer;

/// <summary>
/// The clients that authenticate with JWT assertions (RFC 7523). OpenIddict 7.8 verifies <c>private_key_jwt</c> itself
/// with the keys of the application's <c>JsonWebKeySet</c> (it takes RSA and EC keys only). It has no
/// <c>client_secret_jwt</c> of its own: it stores client secrets hashed, so it cannot key an HMAC with them. The dev server
/// adds it with one event handler (<see cref="AddSecretJwt"/>): for the HS256 client's assertions, the token validation
/// parameters OpenIddict resolved also resolve that client's secret as a symmetric key, and Microsoft.IdentityModel checks
/// the HMAC as it checks any signature; every other check (typ, iss = sub, aud, exp) stays OpenIddict's own.
/// </summary>
internal static class JwtClients
{
    /// <summary>Made once per process: RSA key generation costs tens of milliseconds.</summary>
    private static readonly Lazy<(SigningKey Key, string Pem)> Rsa = new(() => Make(RSA.Create(2048), "RS256"));
    private static readonly Lazy<(SigningKey Key, string Pem)> Ec = new(() => Make(ECDsa.Create(ECCurve.NamedCurves.nistP256), "ES256"));

    public static DevKeyClient RsaClient() => new("jwt-rsa", Rsa.Value.Key, Rsa.Value.Pem);

    public static DevKeyClient EcClient() => new("jwt-ec", Ec.Value.Key, Ec.Value.Pem);

    private static (SigningKey, string) Make(AsymmetricAlgorithm key, string algorithm)
    {
        var pem = key.ExportPkcs8PrivateKeyPem();
        var signing = SigningKey.FromPem(pem, algorithm).Match(k => k, e => throw new InvalidOperationException("dev key: " + e.Message));
        return (signing, pem);
    }

    public static OpenIddictApplicationDescriptor Descriptor(string clientId, JsonWebKey? key, IEnumerable<string> scopes)
    {
        var d = new OpenIddictApplicationDescriptor { ClientId = clientId, ClientType = ClientTypes.Confidential, DisplayName = clientId };
        if (key is not null) d.JsonWebKeySet = new JsonWebKeySet { Keys = { key } };
        foreach (var p in new[]
                 {
                     Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Endpoints.Introspection,
                     Permissions.GrantTypes.ClientCredentials, Permissions.GrantTypes.Password, Permissions.GrantTypes.RefreshToken,
                 }.Concat(scopes))
            d.Permissions.Add(p);
        return d;
    }

    /// <summary>OpenIddict wants a confidential client to have a secret or an asymmetric key; the HS256 client has its
    /// secret twice: hashed (as every OpenIddict secret) and as the symmetric key its assertions are checked with.</summary>
    public static OpenIddictApplicationDescriptor WithSecret(OpenIddictApplicationDescriptor d, string secret)
    {
        d.ClientSecret = secret;
        return d;
    }

    public static JsonWebKey Public(SigningKey key) => new(key.PublicJwk());

    /// <summary>Registers the handler that lets <paramref name="client"/>'s assertions be verified with HS256 keyed by its secret.</summary>
    public static void AddSecretJwt(OpenIddictServerBuilder server, DevClient client)
    {
        var key = new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(client.Secret!));
        server.AddEventHandler<OpenIddictServerEvents.ValidateTokenContext>(handler => handler
            .UseInlineHandler(context =>
            {
                if (context.ValidTokenTypes.Count == 1 && context.ValidTokenTypes.Contains(TokenTypeIdentifiers.Private.ClientAssertion) &&
                    context.TokenValidationParameters is { } parameters)
                {
                    var resolve = parameters.IssuerSigningKeyResolver;
                    parameters.IssuerSigningKeyResolver = (token, securityToken, kid, validation) =>
                        securityToken.Issuer == client.Id ? [key] : resolve?.Invoke(token, securityToken, kid, validation) ?? [];
                }
                return default;
            })
            .SetOrder(OpenIddictServerHandlers.Protection.ResolveTokenValidationParameters.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom));
    }
}
