using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace OAuth2.Functional.Redis;

/// <summary>Registers a <see cref="FleetTokenStore"/> in a service collection.</summary>
public static class FleetStoreServiceCollectionExtensions
{
    /// <summary>Registers one <see cref="FleetTokenStore"/> (a singleton) over the <see cref="IConnectionMultiplexer"/>
    /// registered in the container, or, when <paramref name="connectionString"/> is given, over a new one made from it
    /// (registered too, if none is). Options without a logger or clock take the container's <see cref="ILoggerFactory"/>
    /// and <see cref="TimeProvider"/>. Invalid options are reported here, at registration, as an
    /// <see cref="ArgumentException"/> naming the field (the one place this package throws: a service container has no
    /// other way to refuse a registration).</summary>
    public static IServiceCollection AddOAuth2FleetStore(this IServiceCollection services, FleetStoreOptions options, string? connectionString = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (!problems.IsEmpty) throw new ArgumentException("Invalid fleet store options: " + string.Join("; ", problems.Map(p => p.Message)), nameof(options));
        if (connectionString is not null)
        {
            var config = ConfigurationOptions.Parse(connectionString);
            config.AbortOnConnectFail = false; // start even while Redis is down; the store degrades meanwhile
            services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(config));
        }
        services.TryAddSingleton(sp =>
        {
            var effective = options with
            {
                Logger = options.Logger ?? sp.GetService<ILoggerFactory>()?.CreateLogger("OAuth2.Functional.Redis.FleetTokenStore"),
                TimeProvider = options.TimeProvider ?? sp.GetService<TimeProvider>(),
            };
            return FleetTokenStore.Create(sp.GetRequiredService<IConnectionMultiplexer>(), effective)
                .Match(store => store, error => throw new InvalidOperationException(error.Message));
        });
        return services;
    }
}
