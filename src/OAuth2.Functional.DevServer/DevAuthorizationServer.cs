using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OAuth2.Functional.DevServer;

/// <summary>
/// A real OAuth 2.0 authorization server (OpenIddict 7 on ASP.NET Core) hosted in-process on 127.0.0.1. It serves
/// simple-oauth2's default paths (<c>/oauth/token</c>, <c>/oauth/revoke</c>, <c>/oauth/authorize</c>) plus
/// <c>/oauth/introspect</c>, <c>/oauth/device</c>, <c>/oauth/verify</c> and discovery, so a client with default options
/// works against it unchanged. Plain HTTP is allowed because it only ever listens on loopback. Nothing is written
/// outside the process. <c>await using var server = await DevAuthorizationServer.StartAsync();</c>
/// </summary>
public sealed class DevAuthorizationServer : IAsyncDisposable
{
    /// <summary>Where the user agent lands after approval (registered for the code clients).</summary>
    public const string CallbackUri = "http://127.0.0.1/callback";

    private readonly WebApplication app;

    private DevAuthorizationServer(WebApplication app) => this.app = app;

    /// <summary>The server's base URL, e.g. <c>http://127.0.0.1:41234/</c> (known once the server listens).</summary>
    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Confidential: client credentials, password, refresh, revoke, introspect (Basic or body authentication).</summary>
    public DevClient Confidential { get; } = new("svc", "svc-secret", null);

    /// <summary>Confidential, with a secret full of characters that strict Basic encoding must escape.</summary>
    public DevClient Awkward { get; } = new("svc:awkward id", "s3cr3t +&:/~!'()*%", null);

    /// <summary>Public: authorization code with required PKCE, refresh, revoke.</summary>
    public DevClient Public { get; } = new("spa", null, CallbackUri);

    /// <summary>Confidential authorization-code client: code, refresh, revoke, introspect.</summary>
    public DevClient Web { get; } = new("web", "web-secret", CallbackUri);

    /// <summary>Public device client: device authorization grant, refresh.</summary>
    public DevClient Device { get; } = new("device", null, null);

    /// <summary>Confidential client of the extension grants: token exchange (RFC 8693), JWT bearer (RFC 7523), client credentials.</summary>
    public DevClient Exchanger { get; } = new("exchanger", "exchanger-secret", null);

    /// <summary>The issuer and key whose JWT bearer assertions the server accepts.</summary>
    public AssertionTrust AssertionTrust { get; } = new();

    /// <summary>The token endpoint's URL (the audience of JWT bearer assertions).</summary>
    public Uri TokenEndpointUri => new(BaseUri, "oauth/token");
    /// <summary>Confidential, <c>private_key_jwt</c> with an RSA key (RS256; the server holds its public JWK).</summary>
    public DevKeyClient RsaKeyClient { get; } = JwtClients.RsaClient();

    /// <summary>Confidential, <c>private_key_jwt</c> with an EC P-256 key (ES256).</summary>
    public DevKeyClient EcKeyClient { get; } = JwtClients.EcClient();

    /// <summary>Confidential, <c>client_secret_jwt</c> (HS256 keyed by this 40-byte secret).</summary>
    public DevClient SecretJwt => SecretJwtClient;

    private static readonly DevClient SecretJwtClient = new("jwt-hs", "jwt-hs-secret-0123456789-abcdefghijklmno", null);

    /// <summary>The resource owner the server signs in (password grant, authorize, device verification).</summary>
    public DevUser User { get; } = new("alice", "wonderland");

    /// <summary>An OAuth2.Functional configuration for one of the seeded clients, with the default paths.</summary>
    public OAuthConfig ConfigFor(DevClient client, OAuthOptions? options = null) =>
        new(new ClientSettings(client.Id, client.Secret), new AuthSettings(BaseUri.AbsoluteUri))
        {
            Options = options ?? OAuthOptions.Default,
            // The server's first request in a process costs seconds (JIT, OpenIddict's first use), and many more on a
            // loaded machine: a test server gets a generous timeout instead of the library's 30 s default.
            Http = HttpSettings.Default with { Timeout = FirstUseTimeout },
        };

    /// <summary>The timeout of the configurations made by <see cref="ConfigFor"/> (2 minutes).</summary>
    public static TimeSpan FirstUseTimeout { get; } = TimeSpan.FromMinutes(2);

    /// <summary>Counts token requests and injects token-endpoint faults.</summary>
    public TokenEndpointMonitor TokenEndpoint { get; } = new();

    /// <summary>A protected resource (<c>/api/resource</c>) that checks bearer tokens; its URL is <see cref="ResourceUri"/>.</summary>
    public ResourceEndpoint Resource { get; } = new();

    /// <summary>Verifies DPoP proofs at the token endpoint and at <see cref="DPoPResourceUri"/> (nonce, replay cache).</summary>
    public DPoPVerifier DPoP { get; } = new();

    /// <summary>A protected resource that accepts only DPoP-bound tokens with a valid proof from the bound key.</summary>
    public Uri DPoPResourceUri => new(BaseUri, DPoPEndpoints.Path.TrimStart('/'));

    /// <summary>The protected resource's URL.</summary>
    public Uri ResourceUri => new(BaseUri, ResourceEndpoint.Path.TrimStart('/'));

    /// <summary>The <c>login_hint</c> that makes the authorize endpoint refuse like a user pressing "Deny" (<c>access_denied</c>).</summary>
    public const string DenyingLoginHint = Endpoints.DenyingUser;

    /// <summary>The server's issuer identifier (RFC 8414/RFC 9207), as its discovery document and its callbacks' <c>iss</c> state it.</summary>
    public string Issuer => BaseUri.AbsoluteUri;

    /// <summary>The pushed authorization request endpoint's path (RFC 9126), served by OpenIddict itself.</summary>
    public const string PushedAuthorizationPath = "/oauth/par";

    /// <summary>The pushed authorization request endpoint's URL.</summary>
    public Uri PushedAuthorizationUri => new(BaseUri, PushedAuthorizationPath.TrimStart('/'));

    /// <summary>The RFC 8414 metadata URL (OpenIddict serves the same document there as at <see cref="DiscoveryUri"/>).</summary>
    public Uri OAuthMetadataUri => new(BaseUri, ".well-known/oauth-authorization-server");

    /// <summary>The discovery document's URL.</summary>
    public Uri DiscoveryUri => new(BaseUri, ".well-known/openid-configuration");

    /// <summary>Starts the server on 127.0.0.1 and seeds its clients.</summary>
    public static async Task<DevAuthorizationServer> StartAsync(DevServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var o = options ?? DevServerOptions.Default;
        DevAuthorizationServer? created = null; // the event handlers run only once the server below exists
        var secretJwt = SecretJwtClient;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, o.Port));
        builder.Services.Configure<KeyManagementOptions>(k => k.XmlRepository = new InMemoryXmlRepository());
        var database = "oauth2-functional-devserver-" + Guid.NewGuid();
        builder.Services.AddDbContext<DevDbContext>(db => { db.UseInMemoryDatabase(database); db.UseOpenIddict(); });
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<DevDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris("oauth/token")
                    .SetAuthorizationEndpointUris("oauth/authorize")
                    .SetRevocationEndpointUris("oauth/revoke")
                    .SetIntrospectionEndpointUris("oauth/introspect")
                    .SetDeviceAuthorizationEndpointUris("oauth/device")
                    .SetEndUserVerificationEndpointUris("oauth/verify")
                    .SetPushedAuthorizationEndpointUris(PushedAuthorizationPath.TrimStart('/'));
                if (o.RequirePushedAuthorizationRequests) server.RequirePushedAuthorizationRequests();
                server.AllowClientCredentialsFlow().AllowPasswordFlow().AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow().AllowDeviceAuthorizationFlow();
                // private_key_jwt is on by default; client_secret_jwt is advertised too (see JwtClients for how it is verified).
                server.Configure(options => options.ClientAuthenticationMethods.Add(ClientAuthenticationMethods.ClientSecretJwt));
                JwtClients.AddSecretJwt(server, secretJwt);
                DPoPEndpoints.BindTokens(server);
                server.RegisterScopes("api", Scopes.OfflineAccess, Scopes.OpenId);
                server.SetAccessTokenLifetime(o.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(o.RefreshTokenLifetime)
                    .SetAuthorizationCodeLifetime(o.AuthorizationCodeLifetime);
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                ExtensionGrantsSetup.Configure(server, () => created!);
                server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndUserVerificationEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        var server = new DevAuthorizationServer(app);
        created = server;
        app.Use((http, next) => server.TokenEndpoint.Handle(http, () => next(http)));
        app.Use((http, next) => DPoPEndpoints.TokenEndpoint(http, server.DPoP, () => next(http)));
        app.UseAuthentication();
        app.Map(DPoPEndpoints.Path, (Func<HttpContext, Task<IResult>>)(http => DPoPEndpoints.Resource(http, server.DPoP)));
        app.Map(ResourceEndpoint.Path, (Func<HttpContext, Task<IResult>>)server.Resource.Handle);
        app.MapMethods("/oauth/authorize", ["GET", "POST"], (Func<HttpContext, IResult>)(http => Endpoints.Authorize(http, server.User)));
        app.MapPost("/oauth/token", (Func<HttpContext, Task<IResult>>)(http => Endpoints.Token(http, server.User)));
        app.MapMethods("/oauth/verify", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)(http => Endpoints.Verify(http, server.User)));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            foreach (var descriptor in Seeds.All(server)) await manager.CreateAsync(descriptor, cancellationToken);
        }

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
