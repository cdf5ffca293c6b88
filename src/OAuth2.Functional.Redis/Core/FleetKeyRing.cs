namespace OAuth2.Functional.Redis;

/// <summary>
/// The AES-GCM keys that protect entries in Redis: one current key (every new entry is written with it) and any number
/// of previous ones (entries written with them are still read), each named by a short id that is stored in the entry.
/// Rotate by making the new key current and the old one previous; drop the old one once its entries have expired.
/// Keys are 16, 24 or 32 random bytes (32 recommended); the ring copies them and never prints them.
/// </summary>
public sealed class FleetKeyRing
{
    private readonly HashMap<string, byte[]> keys;

    private FleetKeyRing(string currentId, HashMap<string, byte[]> keys)
    {
        CurrentId = currentId;
        this.keys = keys;
    }

    /// <summary>The id of the key new entries are written with.</summary>
    public string CurrentId { get; }

    /// <summary>All key ids the ring reads, current first.</summary>
    public Seq<string> Ids => Seq1(CurrentId) + toSeq(keys.Keys.Where(k => k != CurrentId).OrderBy(k => k, StringComparer.Ordinal).ToArray());

    /// <summary>A ring with one key. The id is 1 to 64 printable ASCII characters without spaces (it is stored in
    /// every entry in clear, so it must not be secret); the key is 16, 24 or 32 bytes.</summary>
    public static Either<OAuthError, FleetKeyRing> Create(string? keyId, byte[]? key) =>
        from id in ValidId(keyId, "keyId")
        from k in ValidKey(key, "key")
        select new FleetKeyRing(id, HashMap((id, k)));

    /// <summary>This ring plus an older key that is still read but never written with.</summary>
    public Either<OAuthError, FleetKeyRing> WithPrevious(string? keyId, byte[]? key) =>
        from id in ValidId(keyId, "keyId")
        from k in ValidKey(key, "key")
        from _ in keys.ContainsKey(id)
            ? Left<OAuthError, Unit>(OAuthError.Argument("keyId", "is already in the ring"))
            : Right<OAuthError, Unit>(unit)
        select new FleetKeyRing(CurrentId, keys.Add(id, k));

    internal byte[] Current => keys[CurrentId];

    internal Option<byte[]> Find(string keyId) => keys.Find(keyId);

    /// <summary>Key ids only.</summary>
    public override string ToString() => "FleetKeyRing(current = " + CurrentId + ", ids = [" + string.Join(", ", Ids) + "], keys = [redacted])";

    private static Either<OAuthError, string> ValidId(string? id, string name) =>
        id is null || id.Length is 0 or > 64 || id.Any(c => c is <= ' ' or > '~')
            ? Left<OAuthError, string>(OAuthError.Argument(name, "must be 1 to 64 printable ASCII characters without spaces"))
            : Right<OAuthError, string>(id);

    private static Either<OAuthError, byte[]> ValidKey(byte[]? key, string name) =>
        key is null || key.Length is not (16 or 24 or 32)
            ? Left<OAuthError, byte[]>(OAuthError.Argument(name, "must be 16, 24 or 32 bytes (an AES key)"))
            : Right<OAuthError, byte[]>(key.ToArray());
}
