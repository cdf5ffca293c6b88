using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace OAuth2.Functional.Redis;

/// <summary>Registers a <see cref="FleetTokenStore"/> in a service collection.</summary>
public static class FleetStoreServiceCollectionExtensions
{
    /// <summary>Registers one <see cref="FleetTokenStore"/> (a singleton) over the <see cref="IConnectionMultiplexer"/>
    /// registered in the container, or, when <paramref name="connectionString"/> is given, over a new one made from it
    /// (registered too, if none is). Options without a logger or clock take the container's <see cref="Microsoft.Extensions.Logging.ILoggerFactory"/>
    /// and <see cref="TimeProvider"/>; <see cref="FleetProtection.DataProtectionFromServices"/> takes its Data Protection.
    /// Invalid options are reported here, at registration, as an <see cref="ArgumentException"/> naming the field (the one
    /// place this package throws: a service container has no other way to refuse a registration).
    /// For a named OAuth client's token source, prefer <c>AddOAuth2Client(…).UseRedis(…)</c>.</summary>
    public static IServiceCollection AddOAuth2FleetStore(this IServiceCollection services, FleetStoreOptions options, string? connectionString = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ContainerOptions.ThrowIfInvalid(options);
        if (connectionString is not null)
            services.TryAddSingleton<IConnectionMultiplexer>(_ => ContainerOptions.Connect(connectionString));
        services.TryAddSingleton(sp =>
            (from effective in ContainerOptions.Resolve(options, sp, null, null)
             from store in FleetTokenStore.Create(sp.GetRequiredService<IConnectionMultiplexer>(), effective)
             select store)
            .Match(store => store, error => throw new InvalidOperationException(error.Message)));
        return services;
    }
}
