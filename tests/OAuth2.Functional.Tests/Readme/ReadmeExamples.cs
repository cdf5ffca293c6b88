using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OAuth2.Functional.DevServer;
using OAuth2.Functional.Hosting;

namespace OAuth2.Functional.Tests.Readme;

/// <summary>The README's code, compiled. Every ```csharp block of README.md must appear here verbatim (see ReadmeTests).</summary>
public static class ReadmeExamples
{
    // README: query syntax
    public static EitherAsync<OAuthError, AccessToken> SignInAndRefresh(OAuthConfig config, string user, string password) =>
        from client in ResourceOwnerPassword.Create(config)
        from token in client.GetTokenAsync(Parameters.Of(("username", user), ("password", password)).WithScopes("api", "offline_access"))
        from stored in client.CreateToken(token.ToJson())
        from refreshed in client.RefreshAsync(stored)
        select refreshed;

    // README: no exceptions, no LanguageExt at the call site
    public static async Task<string> Describe(OAuthConfig config)
    {
        var result = await ClientCredentials.Create(config).GetTokenAsync(Parameters.Empty.WithScope("api"));
        return result.Match(
            Right: token => $"token of type {token.TokenType.IfNone("?")}, expires {token.ExpiresAt.Map(Expiry.ToIso).IfNone("never")}",
            Left: error => $"failed with {error.Code} (status {error.HttpStatus?.ToString() ?? "none"}): {error.Message}");
    }

    // README: the DevServer in your own tests
    public static async Task<bool> TokenFromTheDevServer()
    {
        await using var server = await DevAuthorizationServer.StartAsync();
        var token = await ClientCredentials.Create(server.ConfigFor(server.Confidential)).GetTokenAsync();
        return token.IsRight;
    }

    // README: logging
    public static Either<OAuthError, ClientCredentials> WithDebugLogging(OAuthConfig config, ILoggerFactory factory) =>
        ClientCredentials.Create(config, logger: factory.CreateLogger("OAuth2.Functional.ClientCredentials"));

    // README: filtering with guard, never where (OAF0001)
    public static EitherAsync<OAuthError, AccessToken> RefreshableToken(OAuthConfig config, Parameters login) =>
        from client in ResourceOwnerPassword.Create(config)
        from token in client.GetTokenAsync(login)
        from _ in guard<OAuthError>(token.RefreshToken.IsSome,
            new OAuthError.InvalidArgument("scope", "no refresh token was issued; ask for offline_access"))
        select token;

    // README: token source
    public static Either<OAuthError, TokenSource> ApiTokens(OAuthConfig config, Func<string, Task> store) =>
        from client in ClientCredentials.Create(config)
        from source in TokenSource.Create(client, Parameters.Empty.WithScope("api"), new TokenSourceOptions
        {
            Renewal = new RenewalOptions { Skew = TimeSpan.FromSeconds(30), AheadFraction = 0.2 },
            OnNewToken = (token, _) => store(token.ToJson()),
        })
        select source;

    // README: token source seeded from a stored token
    public static Either<OAuthError, TokenSource> FromStored(OAuthConfig config, string storedJson) =>
        from client in ClientCredentials.Create(config)
        from stored in client.CreateToken(storedJson)
        from source in TokenSource.Create(client, Parameters.Empty.WithScope("api"), new TokenSourceOptions { Seed = Some(stored) })
        select source;

    // README: token handler
    public static HttpClient ApiClient(TokenSource tokens, Uri api) =>
        new(new OAuthTokenHandler(tokens, api) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = api };

    // README: functional send
    public static EitherAsync<OAuthError, int> ResourceStatus(HttpClient http, TokenSource tokens) =>
        from response in http.SendAsync(tokens, () => new HttpRequestMessage(HttpMethod.Get, "api/resource"))
        select (int)response.StatusCode;

    // README: hosting
    public static IServiceCollection AddApi(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOAuth2Client("api", configuration.GetSection("OAuth2:Clients:api"));
        services.AddHttpClient("resource", c => c.BaseAddress = new Uri(configuration["Resource:BaseAddress"]!))
            .AddOAuth2Token("api");
        return services;
    }

    // README: metrics
    public static MeterListener ListenToTokenRequests(Action<string> onOutcome)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == OAuthTelemetry.MeterName && instrument.Name == "oauth2.token.requests") l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "oauth2.outcome") onOutcome(tag.Value as string ?? "");
        });
        listener.Start();
        return listener;
    }

    // README: the authorization callback
    public static Either<OAuthError, AuthorizationCallback> CheckCallback(string redirectedTo, string sentState, string issuer) =>
        AuthorizationCallbacks.FromRedirectUri(redirectedTo, CallbackExpectation.ForState(sentState).WithIssuer(issuer, required: true));

    // README: the whole sign-in with PKCE
    public static Either<OAuthError, string> SignInUrl(AuthorizationCode client, Pkce pkce, string state, string redirectUri) =>
        client.AuthorizeUrl(pkce.AddChallenge(Parameters.Of(("redirect_uri", redirectUri), ("state", state)).WithScope("api offline_access")));

    public static EitherAsync<OAuthError, AccessToken> Redeem(AuthorizationCode client, Pkce pkce, AuthorizationCallback callback, string redirectUri) =>
        client.GetTokenAsync(pkce.AddVerifier(callback.ToParameters().Add("redirect_uri", redirectUri)));

    // README: the device authorization grant
    public static EitherAsync<OAuthError, AccessToken> SignInOnADevice(OAuthConfig config, Action<DeviceAuthorization> show) =>
        from client in DeviceCode.Create(config)
        from device in client.AuthorizeDeviceAsync(Parameters.Empty.WithScope("api")).Do(show)
        from token in client.PollTokenAsync(device)
        select token;

    // README: token exchange
    public static EitherAsync<OAuthError, ExchangedToken> OnBehalfOf(OAuthConfig config, Secret userToken) =>
        from client in TokenExchange.Create(config)
        from exchanged in client.ExchangeAsync(TokenExchangeRequest.For(userToken, TokenTypeUri.AccessToken)
            .WithAudience("orders-api")
            .WithScopes("api"))
        select exchanged;

    // README: the JWT bearer grant
    public static EitherAsync<OAuthError, AccessToken> WithAssertion(OAuthConfig config, Secret signedJwt) =>
        from client in JwtBearer.Create(config)
        from token in client.GetTokenAsync(signedJwt, Parameters.Empty.WithScope("api"))
        select token;

    // README: any extension grant
    public static EitherAsync<OAuthError, AccessToken> WithExtensionGrant(OAuthConfig config, string grantType, Parameters parameters) =>
        from grant in GrantType.Of(grantType)
        from client in ExtensionGrant.Create(config, grant)
        from token in client.GetTokenAsync(parameters)
        select token;

    // README: discovery
    public static Either<OAuthError, MetadataCache> MetadataFor(string issuer) =>
        from discovery in DiscoveryClient.Create(issuer, MetadataDocument.OpenIdConfiguration)
        from cache in MetadataCache.Create(discovery, new MetadataCacheOptions { TimeToLive = TimeSpan.FromHours(1), MaxStale = TimeSpan.FromMinutes(30) })
        select cache;

    public static EitherAsync<OAuthError, AccessToken> TokenFromMetadata(MetadataCache cache, ClientSettings client) =>
        from metadata in cache.GetAsync()
        from config in Discovery.ConfigFor(metadata, GrantKind.ClientCredentials, client)
        from grant in ClientCredentials.Create(config)
        from token in grant.GetTokenAsync(Parameters.Empty.WithScope("api"))
        select token;

    // README: pushed authorization requests
    public static EitherAsync<OAuthError, string> PushThenAuthorize(AuthorizationCode client, Parameters parameters) =>
        from pushed in client.PushAuthorizationAsync(parameters)
        from url in client.PushedAuthorizeUrl(pushed)
        select url;

    // README: client authentication without a shared secret
    public static Either<OAuthError, ClientCredentials> WithPrivateKeyJwt(string clientId, string privateKeyPem, string tokenHost, string issuer) =>
        from key in SigningKey.FromPem(privateKeyPem, "ES256")
        from client in ClientCredentials.Create(new OAuthConfig(
            new ClientSettings(clientId) { Authentication = new ClientAuthMethod.PrivateKeyJwt(key) { Issuer = issuer } },
            new AuthSettings(tokenHost)))
        select client;

    // README: DPoP
    public static Either<OAuthError, HttpClient> WithDPoP(OAuthConfig config, Uri api) =>
        from key in DPoPKey.Generate()
        from client in ClientCredentials.Create(config with { DPoP = key })
        from tokens in TokenSource.Create(client)
        select new HttpClient(new OAuthTokenHandler(tokens, api) { InnerHandler = new HttpClientHandler() }) { BaseAddress = api };
}
