using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace OAuth2.Functional.Redis.Tests;

/// <summary>Entries protected with ASP.NET Core Data Protection (ephemeral key rings: each provider is its own key ring).</summary>
public class DataProtectionCodecTests
{
    private const string Json = "{\"access_token\":\"the-token-value\",\"token_type\":\"Bearer\"}";
    private static readonly byte[] Nonce = new byte[12];

    private static string Text(Either<string, string> e) => e.Match(r => "ok:" + r, l => "bad:" + l);

    [Fact]
    public void A_protected_entry_round_trips_hides_the_token_and_is_bound_to_its_redis_key()
    {
        var p = FleetProtection.With(new EphemeralDataProtectionProvider());
        var entry = EntryCodec.Encode(p, "oauth2:tok:abc", Json, Nonce);
        Assert.Equal(0x02, entry[0]);
        Assert.DoesNotContain("the-token-value", Encoding.Latin1.GetString(entry));
        Assert.Equal("ok:" + Json, Text(EntryCodec.Decode(p, "oauth2:tok:abc", entry)));
        Assert.StartsWith("bad:Data Protection refused it", Text(EntryCodec.Decode(p, "oauth2:tok:other", entry)));
    }

    [Fact]
    public void A_changed_entry_one_from_a_foreign_key_ring_and_one_of_another_kind_are_refused()
    {
        var p = FleetProtection.With(new EphemeralDataProtectionProvider());
        var entry = EntryCodec.Encode(p, "k", Json, Nonce);
        var changed = entry.ToArray();
        changed[^1] ^= 1;
        Assert.StartsWith("bad:Data Protection refused it", Text(EntryCodec.Decode(p, "k", changed)));
        var foreign = EntryCodec.Encode(FleetProtection.With(new EphemeralDataProtectionProvider()), "k", Json, Nonce);
        Assert.StartsWith("bad:Data Protection refused it", Text(EntryCodec.Decode(p, "k", foreign)));
        Assert.Equal("bad:not a Data Protection entry", Text(EntryCodec.Decode(p, "k", EntryCodec.Encode(FleetProtection.With(Support.Ring()), "k", Json, Nonce))));
        Assert.Equal("bad:not an encrypted entry", Text(EntryCodec.Decode(FleetProtection.With(Support.Ring()), "k", entry)));
        Assert.Equal("DataProtected", p.ToString());
    }
}
