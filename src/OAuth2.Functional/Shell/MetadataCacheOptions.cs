namespace OAuth2.Functional;

/// <summary>How long a <see cref="MetadataCache"/> trusts what it fetched.</summary>
public sealed record MetadataCacheOptions
{
    /// <summary>The defaults: one hour fresh, then up to one more hour of stale metadata while reloads fail.</summary>
    public static MetadataCacheOptions Default { get; } = new();

    /// <summary>How long fetched metadata is used without asking again (default one hour; more than zero).</summary>
    public TimeSpan TimeToLive { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long after it expired metadata may still be served when a reload fails (default one hour; zero: never
    /// serve stale). Each such answer is logged as a warning; past the bound the reload's error is returned.</summary>
    public TimeSpan MaxStale { get; init; } = TimeSpan.FromHours(1);
}
