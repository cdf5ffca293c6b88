using Microsoft.Extensions.DependencyInjection;
using OAuth2.Functional.Hosting;
using StackExchange.Redis;

namespace OAuth2.Functional.Redis;

/// <summary><c>services.AddOAuth2Client(name, …).UseRedis(…)</c>: the named client's token source shares its tokens with
/// the whole fleet through Redis (see <see cref="FleetTokenSource"/>).</summary>
public static class FleetClientBuilderExtensions
{
    /// <summary>Shares this client's tokens through the Redis at <paramref name="connectionString"/> (a StackExchange.Redis
    /// connection string: hosts, <c>ssl=true</c>, <c>user=…,password=…</c>; <c>abortConnect=false</c> is forced so the
    /// service starts while Redis is down). The connection is this client's own, made when its token source is first used
    /// and disposed with the container. A connection string that does not parse makes
    /// <c>OAuth2Clients.TokenSource(name)</c> an <see cref="OAuthError.InvalidConfig"/> (the string is never echoed).</summary>
    public static OAuth2ClientBuilder UseRedis(this OAuth2ClientBuilder builder, string connectionString, FleetStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ContainerOptions.ThrowIfInvalid(options);
        var key = ConnectionKey(builder.ClientName);
        builder.Services.AddKeyedSingleton<IConnectionMultiplexer>(key, (_, _) => ContainerOptions.Connect(connectionString));
        var client = builder.ClientName;
        return builder.Use(options, sp => ContainerOptions.Connection(client, "connectionString", () => sp.GetKeyedService<IConnectionMultiplexer>(key)));
    }

    /// <summary>Shares this client's tokens through the <see cref="IConnectionMultiplexer"/> registered in the container (none
    /// registered makes <c>OAuth2Clients.TokenSource(name)</c> an <see cref="OAuthError.InvalidConfig"/>).</summary>
    public static OAuth2ClientBuilder UseRedis(this OAuth2ClientBuilder builder, FleetStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ContainerOptions.ThrowIfInvalid(options);
        var client = builder.ClientName;
        return builder.Use(options, sp => ContainerOptions.Connection(client, "IConnectionMultiplexer", () => sp.GetService<IConnectionMultiplexer>()));
    }

    /// <summary>The service key of the connection <see cref="UseRedis(OAuth2ClientBuilder, string, FleetStoreOptions)"/>
    /// registers for client <paramref name="clientName"/> (a keyed <see cref="IConnectionMultiplexer"/>).</summary>
    public static string ConnectionKey(string clientName) => "OAuth2.Functional.Redis." + clientName;

    // The store's skew and fallback lifetime are the source's (the entry leaves Redis when sources stop using it); its clock
    // and logger are the source's unless the options name their own.
    // Every set-up problem (no connection registered, a connection string that does not parse, Data Protection missing)
    // is a Left from OAuth2Clients.TokenSource, never an exception.
    private static OAuth2ClientBuilder Use(this OAuth2ClientBuilder builder, FleetStoreOptions options, Func<IServiceProvider, Either<OAuthError, IConnectionMultiplexer>> redis) =>
        builder.WithTokenSourceFactory(sp => parts =>
            from effective in ContainerOptions.Resolve(
                options with { Skew = parts.Options.Renewal.Skew, FallbackLifetime = parts.Options.Renewal.FallbackLifetime },
                sp, parts.Options.Logger, parts.Options.TimeProvider)
            from connection in redis(sp)
            from store in FleetTokenStore.Create(connection, effective)
            from source in FleetTokenSource.Create(store, parts.Client, parts.Parameters, parts.Options)
            select source);
}
