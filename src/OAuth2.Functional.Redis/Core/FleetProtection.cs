namespace OAuth2.Functional.Redis;

/// <summary>How entries are protected in Redis. A token in Redis is a bearer credential, so the default is
/// <see cref="Encrypted"/>; <see cref="Plaintext"/> exists only as an explicit opt-in (e.g. a Redis that is itself
/// encrypted and private to one service). The two never read each other's entries: a plaintext entry met by an
/// encrypting store is a miss, and the other way round.</summary>
public abstract record FleetProtection
{
    private FleetProtection() { }

    /// <summary>AES-GCM with the keys of <paramref name="Keys"/>, authenticated together with the entry's Redis key, so an
    /// entry copied under another key, changed, or written with an unknown key is detected and ignored.</summary>
    public sealed record Encrypted(FleetKeyRing Keys) : FleetProtection;

    /// <summary>Tokens stored as readable JSON. Anyone who can read the Redis can use them: opt in knowingly.</summary>
    public sealed record Plaintext : FleetProtection
    {
        internal Plaintext() { }
    }

    /// <summary>Encrypted with <paramref name="keys"/>.</summary>
    public static FleetProtection With(FleetKeyRing keys) => new Encrypted(keys);

    /// <summary>The explicit, documented opt-in to readable tokens in Redis.</summary>
    public static FleetProtection PlaintextOptIn { get; } = new Plaintext();
}
