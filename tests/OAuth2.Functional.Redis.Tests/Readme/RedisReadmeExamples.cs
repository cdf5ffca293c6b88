using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OAuth2.Functional.Hosting;
using StackExchange.Redis;

namespace OAuth2.Functional.Redis.Tests.Readme;

/// <summary>The code of src/OAuth2.Functional.Redis/README.md, compiled. Every ```csharp block of that README must appear
/// here verbatim (see RedisReadmeTests, which also runs them against Garnet and the DevServer).</summary>
public static class RedisReadmeExamples
{
    public static IServiceCollection AddSharedApi(IServiceCollection services, IConfiguration configuration)
    {
        // The same key on every instance, from your secret store: 16, 24 or 32 random bytes (openssl rand -base64 32).
        var keys = FleetKeyRing.Create("2026-12", Convert.FromBase64String(configuration["TokenCache:Key"]!))
            .Match(k => k, e => throw new InvalidOperationException(e.Message));
        services.AddOAuth2Client("api", configuration.GetSection("OAuth2:Clients:api"))
            .UseRedis(configuration.GetConnectionString("redis")!, new FleetStoreOptions { Protection = FleetProtection.With(keys) });
        services.AddHttpClient("resource", c => c.BaseAddress = new Uri(configuration["Resource:BaseAddress"]!))
            .AddOAuth2Token("api");
        return services;
    }

    public static IServiceCollection AddSharedApiWithDataProtection(IServiceCollection services, IConfiguration configuration, DirectoryInfo sharedKeys)
    {
        services.AddDataProtection().SetApplicationName("my-service").PersistKeysToFileSystem(sharedKeys); // any key store all instances share
        services.AddOAuth2Client("api", configuration.GetSection("OAuth2:Clients:api"))
            .UseRedis(configuration.GetConnectionString("redis")!, new FleetStoreOptions { Protection = FleetProtection.DataProtectionFromServices });
        return services;
    }

    public static async Task<Either<OAuthError, AccessToken>> SharedToken(string connectionString, ClientCredentials client, byte[] key)
    {
        var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
        var renewal = RenewalOptions.Default;
        return await (
            from keys in FleetKeyRing.Create("2026-12", key)
            from store in FleetTokenStore.Create(redis, new FleetStoreOptions { Protection = FleetProtection.With(keys), Skew = renewal.Skew })
            from source in FleetTokenSource.Create(store, client, Parameters.Of(("scope", "api")), new TokenSourceOptions { Renewal = renewal })
            select source).ToAsync().Bind(source => source.GetTokenAsync()).ToEither();
    }

    public static EitherAsync<OAuthError, bool> StoreByHand(FleetTokenStore store, ClientCredentials client, Parameters parameters)
    {
        Func<CancellationToken, Task<Either<OAuthError, AccessToken>>> fetch = ct => client.GetTokenAsync(parameters, cancellationToken: ct).ToEither();
        return
            // per token: endpoint + client id + parameters (+ the DPoP key's thumbprint for bound tokens)
            from key in FleetKey.Of(client.Config.TokenUrl, client.Config.Config.Client.Id, parameters).ToAsync()
            from token in store.GetOrFetchAsync(key, fetch).ToAsync()
            // renewing ahead of expiry: a token other than the one held (one fetch for the fleet, or the one another instance got)
            from next in store.RenewAsync(key, token, fetch).ToAsync()
            // a resource server rejected it: drop exactly that token (a newer one stays)
            from dropped in RightAsync<OAuthError, bool>(store.InvalidateAsync(key, next))
            select dropped;
    }
}
