using System.Text;
using static OAuth2.Functional.Redis.Tests.Support;

namespace OAuth2.Functional.Redis.Tests;

public class EntryCodecTests
{
    private const string Json = "{\"access_token\":\"the-token-value\",\"token_type\":\"Bearer\"}";
    private static readonly byte[] Nonce = new byte[12];

    private static string Text(Either<string, string> e) => e.Match(r => "ok:" + r, l => "bad:" + l);

    [Fact]
    public void An_encrypted_entry_round_trips_and_hides_the_token()
    {
        var p = FleetProtection.With(Ring());
        var entry = EntryCodec.Encode(p, "oauth2:tok:abc", Json, Nonce);
        Assert.DoesNotContain("the-token-value", Encoding.Latin1.GetString(entry));
        Assert.Equal("ok:" + Json, Text(EntryCodec.Decode(p, "oauth2:tok:abc", entry)));
    }

    [Fact]
    public void Rotation_writes_with_the_new_key_and_reads_the_old_one()
    {
        var oldRing = Ring("k1", 1);
        var newRing = Right(Right(FleetKeyRing.Create("k2", Key(2))).WithPrevious("k1", Key(1)));
        var oldEntry = EntryCodec.Encode(FleetProtection.With(oldRing), "k", Json, Nonce);
        var newEntry = EntryCodec.Encode(FleetProtection.With(newRing), "k", Json, Nonce);
        Assert.Equal("k2", Encoding.ASCII.GetString(newEntry, 2, newEntry[1]));
        Assert.Equal("ok:" + Json, Text(EntryCodec.Decode(FleetProtection.With(newRing), "k", oldEntry)));
        Assert.StartsWith("bad:written with a key id", Text(EntryCodec.Decode(FleetProtection.With(oldRing), "k", newEntry)));
    }

    [Fact]
    public void Any_changed_byte_or_another_redis_key_or_a_foreign_key_is_detected()
    {
        var p = FleetProtection.With(Ring());
        var entry = EntryCodec.Encode(p, "k", Json, Nonce);
        for (var i = 2 + entry[1]; i < entry.Length; i++)
        {
            var changed = entry.ToArray();
            changed[i] ^= 0x40;
            Assert.StartsWith("bad:", Text(EntryCodec.Decode(p, "k", changed)));
        }
        Assert.StartsWith("bad:authentication failed", Text(EntryCodec.Decode(p, "other-key", entry)));
        Assert.StartsWith("bad:authentication failed", Text(EntryCodec.Decode(FleetProtection.With(Ring("k1", 9)), "k", entry)));
        Assert.StartsWith("bad:truncated", Text(EntryCodec.Decode(p, "k", entry[..10])));
    }

    [Fact]
    public void Plaintext_only_by_opt_in_and_the_two_modes_never_read_each_other()
    {
        var plain = EntryCodec.Encode(FleetProtection.PlaintextOptIn, "k", Json, Nonce);
        Assert.Contains("the-token-value", Encoding.UTF8.GetString(plain));
        Assert.Equal("ok:" + Json, Text(EntryCodec.Decode(FleetProtection.PlaintextOptIn, "k", plain)));
        Assert.StartsWith("bad:", Text(EntryCodec.Decode(FleetProtection.With(Ring()), "k", plain)));
        var sealedEntry = EntryCodec.Encode(FleetProtection.With(Ring()), "k", Json, Nonce);
        Assert.StartsWith("bad:", Text(EntryCodec.Decode(FleetProtection.PlaintextOptIn, "k", sealedEntry)));
    }

    [Fact]
    public void Key_ring_rejects_bad_ids_and_keys_and_never_prints_a_key()
    {
        Assert.True(FleetKeyRing.Create("k1", new byte[31]).IsLeft);
        Assert.True(FleetKeyRing.Create("has space", Key(1)).IsLeft);
        Assert.True(FleetKeyRing.Create("", Key(1)).IsLeft);
        Assert.True(Ring().WithPrevious("k1", Key(2)).IsLeft);
        var ring = Right(Ring("k2", 2).WithPrevious("k1", Key(1)));
        Assert.Equal(Seq("k2", "k1"), ring.Ids);
        Assert.DoesNotContain(Convert.ToBase64String(Key(1)), ring.ToString());
        Assert.Contains("[redacted]", ring.ToString());
    }

    [Fact]
    public void Options_without_protection_are_rejected_naming_the_field()
    {
        var store = FleetTokenStore.Create(StackExchange.Redis.ConnectionMultiplexer.Connect("127.0.0.1:1,abortConnect=false,connectTimeout=100"), new FleetStoreOptions());
        Assert.Equal("Protection", Assert.IsType<OAuthError.InvalidArgument>(store.Match(_ => null!, e => e)).Name);
        var bad = FleetTokenStore.Create(null, new FleetStoreOptions { Protection = FleetProtection.PlaintextOptIn });
        Assert.Equal("redis", Assert.IsType<OAuthError.InvalidArgument>(bad.Match(_ => null!, e => e)).Name);
    }
}
