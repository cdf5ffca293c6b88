using Microsoft.AspNetCore.DataProtection;

namespace OAuth2.Functional.Redis;

/// <summary>How entries are protected in Redis. A token in Redis is a bearer credential, so the default is
/// <see cref="Encrypted"/> (AES-GCM, your keys) or <see cref="DataProtected"/> (ASP.NET Core Data Protection);
/// <see cref="Plaintext"/> exists only as an explicit opt-in (e.g. a Redis that is itself encrypted and private to one
/// service). The kinds never read each other's entries: an entry of another kind is a miss, and is replaced.</summary>
public abstract record FleetProtection
{
    /// <summary>The Data Protection purpose of the store's entries (each entry is further bound to its Redis key).</summary>
    public const string DataProtectionPurpose = "OAuth2.Functional.Redis.FleetTokenStore.v1";

    private FleetProtection() { }

    /// <summary>AES-GCM with the keys of <paramref name="Keys"/>, authenticated together with the entry's Redis key, so an
    /// entry copied under another key, changed, or written with an unknown key is detected and ignored.</summary>
    public sealed record Encrypted(FleetKeyRing Keys) : FleetProtection;

    /// <summary>ASP.NET Core Data Protection with <paramref name="Protector"/> (and a sub-purpose per Redis key): its key
    /// ring, rotation and key storage are the application's. An entry the protector cannot unprotect (changed, copied under
    /// another key, or protected with a key ring this application does not share) is ignored and replaced. Every instance
    /// of the fleet must share the key ring (e.g. <c>PersistKeysTo…</c> and the same <c>SetApplicationName</c>).</summary>
    public sealed record DataProtected(IDataProtector Protector) : FleetProtection
    {
        /// <summary>Names the kind only.</summary>
        public override string ToString() => "DataProtected";
    }

    /// <summary>The <see cref="IDataProtectionProvider"/> registered in the service container, resolved when the store is made
    /// (only through <c>UseRedis</c> or <c>AddOAuth2FleetStore</c>; refused when none is registered).</summary>
    public sealed record DataProtectionFromContainer : FleetProtection
    {
        internal DataProtectionFromContainer() { }
    }

    /// <summary>Tokens stored as readable JSON. Anyone who can read the Redis can use them: opt in knowingly.</summary>
    public sealed record Plaintext : FleetProtection
    {
        internal Plaintext() { }
    }

    /// <summary>Encrypted with <paramref name="keys"/>.</summary>
    public static FleetProtection With(FleetKeyRing keys) => new Encrypted(keys);

    /// <summary>Protected with ASP.NET Core Data Protection, under <see cref="DataProtectionPurpose"/> of <paramref name="provider"/>.</summary>
    public static FleetProtection With(IDataProtectionProvider provider) => new DataProtected(provider.CreateProtector(DataProtectionPurpose));

    /// <summary>Protected with the container's ASP.NET Core Data Protection (<c>services.AddDataProtection()</c>).</summary>
    public static FleetProtection DataProtectionFromServices { get; } = new DataProtectionFromContainer();

    /// <summary>The explicit, documented opt-in to readable tokens in Redis.</summary>
    public static FleetProtection PlaintextOptIn { get; } = new Plaintext();
}
