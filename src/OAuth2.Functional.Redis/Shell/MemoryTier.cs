using System.Collections.Concurrent;

namespace OAuth2.Functional.Redis;

/// <summary>The instance's own copy of each shared token, read before Redis: a hit is one dictionary read and one clock
/// comparison. An entry is good until the token's expiry minus the skew.</summary>
internal sealed class MemoryTier
{
    private readonly ConcurrentDictionary<string, (AccessToken Token, long GoodUntilTicks)> entries = new(StringComparer.Ordinal);

    public Option<AccessToken> Get(string hash, DateTimeOffset now) =>
        entries.TryGetValue(hash, out var e) && now.UtcTicks < e.GoodUntilTicks ? Some(e.Token) : None;

    public void Put(string hash, AccessToken token, DateTimeOffset goodUntil) => entries[hash] = (token, goodUntil.UtcTicks);

    /// <summary>Removes the entry only when it holds exactly <paramref name="token"/>; true when it did.</summary>
    public bool Remove(string hash, AccessToken token) =>
        entries.TryGetValue(hash, out var e) && e.Token.Value.Equals(token.Value) && entries.TryRemove(new KeyValuePair<string, (AccessToken, long)>(hash, e));
}
