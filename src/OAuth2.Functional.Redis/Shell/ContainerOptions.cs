using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace OAuth2.Functional.Redis;

/// <summary>What the service container adds to fleet store options: its logger and clock where the options have none, and
/// its Data Protection provider for <see cref="FleetProtection.DataProtectionFromServices"/>.</summary>
internal static class ContainerOptions
{
    public static Either<OAuthError, FleetStoreOptions> Resolve(FleetStoreOptions options, IServiceProvider services, ILogger? logger, TimeProvider? clock)
    {
        var effective = options with
        {
            Logger = options.Logger ?? logger ?? services.GetService<ILoggerFactory>()?.CreateLogger("OAuth2.Functional.Redis.FleetTokenStore"),
            TimeProvider = options.TimeProvider ?? clock ?? services.GetService<TimeProvider>(),
        };
        return options.Protection is FleetProtection.DataProtectionFromContainer
            ? Optional(services.GetService<IDataProtectionProvider>())
                .ToEither(OAuthError.Argument("Protection", "DataProtectionFromServices needs Data Protection in the container (services.AddDataProtection())"))
                .Map(provider => effective with { Protection = FleetProtection.With(provider) })
            : Right<OAuthError, FleetStoreOptions>(effective);
    }

    /// <summary>Checks options at registration (the one place this package throws: a container cannot refuse otherwise).</summary>
    public static void ThrowIfInvalid(FleetStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (!problems.IsEmpty) throw new ArgumentException("Invalid fleet store options: " + string.Join("; ", problems.Map(p => p.Message)), nameof(options));
    }

    /// <summary>A multiplexer that starts even while Redis is down (the store degrades meanwhile).</summary>
    public static ConnectionMultiplexer Connect(string connectionString)
    {
        var config = ConfigurationOptions.Parse(connectionString);
        config.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(config);
    }

    /// <summary>The connection a fleet store of client <paramref name="clientName"/> uses, resolved by <paramref name="resolve"/>,
    /// or an <see cref="OAuthError.InvalidConfig"/> naming <paramref name="field"/> and the cause: none registered, or
    /// making it failed (e.g. a connection string that does not parse). Only the exception's type is named: its message may
    /// quote the connection string, password included.</summary>
    public static Either<OAuthError, IConnectionMultiplexer> Connection(string clientName, string field, Func<IConnectionMultiplexer?> resolve)
    {
        try
        {
            return Optional(resolve()).ToEither(Problem(clientName, field,
                "no IConnectionMultiplexer is registered in the container (register one, or give UseRedis a connection string)"));
        }
        catch (Exception e)
        {
            return Left<OAuthError, IConnectionMultiplexer>(Problem(clientName, field,
                $"could not make the Redis connection ({e.GetType().Name}; check the connection string's syntax, not echoed here)"));
        }
    }

    private static OAuthError Problem(string clientName, string field, string reason) =>
        OAuthError.Config(Seq1(new ConfigProblem($"{clientName}.UseRedis.{field}", reason)));
}
