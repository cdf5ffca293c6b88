using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace OAuth2.Functional.Redis;

/// <summary>
/// The bytes of an entry in Redis. Encrypted: <c>0x01 | id length | key id | nonce (12) | tag (16) | ciphertext</c>, the
/// additional data being the entry's Redis key and the key id. Data Protection: <c>0x02 | protected UTF-8 JSON</c>, with
/// the entry's Redis key as a sub-purpose. Plaintext: <c>'P' | UTF-8 JSON</c>. The JSON is <see cref="SharedJson"/> (the token without its refresh token).
/// Deterministic given the nonce (the caller draws it) except for Data Protection (which draws its own); decoding never
/// throws; encoding throws only when a Data Protection key ring cannot be used (the store catches it).
/// </summary>
internal static class EntryCodec
{
    private const byte EncryptedV1 = 0x01;
    private const byte DataProtectedV1 = 0x02;
    private const byte PlainMarker = (byte)'P';
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] Encode(FleetProtection protection, string entryKey, string json, ReadOnlySpan<byte> nonce) =>
        protection switch
        {
            FleetProtection.Encrypted e => Seal(e.Keys, entryKey, Encoding.UTF8.GetBytes(json), nonce),
            FleetProtection.DataProtected d => [DataProtectedV1, .. d.Protector.CreateProtector(entryKey).Protect(Encoding.UTF8.GetBytes(json))],
            _ => [PlainMarker, .. Encoding.UTF8.GetBytes(json)],
        };

    /// <summary>The token as it is shared: <see cref="AccessToken.ToJson"/> without its <c>refresh_token</c> (the fleet never
    /// refreshes, so the long-lived credential never leaves the instance that received it).</summary>
    public static string SharedJson(AccessToken token)
    {
        if (token.RefreshToken.IsNone) return token.ToJson();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var field in token.Fields)
            {
                if (field.Name == "refresh_token") continue;
                writer.WritePropertyName(field.Name);
                writer.WriteRawValue(field.RawJson);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The JSON in the entry, or why it cannot be used (a reason without any secret in it).</summary>
    public static Either<string, string> Decode(FleetProtection protection, string entryKey, byte[] entry) =>
        entry.Length == 0 ? Left<string, string>("empty entry")
        : protection switch
        {
            FleetProtection.Encrypted e => entry[0] == EncryptedV1 ? Open(e.Keys, entryKey, entry) : Left<string, string>("not an encrypted entry"),
            FleetProtection.DataProtected d => entry[0] == DataProtectedV1 ? Unprotect(d.Protector, entryKey, entry) : Left<string, string>("not a Data Protection entry"),
            _ => entry[0] == PlainMarker ? Utf8(entry.AsSpan(1)) : Left<string, string>("not a plaintext entry"),
        };

    private static byte[] Seal(FleetKeyRing ring, string entryKey, byte[] plain, ReadOnlySpan<byte> nonce)
    {
        var id = Encoding.ASCII.GetBytes(ring.CurrentId);
        var output = new byte[2 + id.Length + NonceSize + TagSize + plain.Length];
        output[0] = EncryptedV1;
        output[1] = (byte)id.Length;
        id.CopyTo(output, 2);
        var at = 2 + id.Length;
        nonce[..NonceSize].CopyTo(output.AsSpan(at, NonceSize));
        using var gcm = new AesGcm(ring.Current, TagSize);
        gcm.Encrypt(output.AsSpan(at, NonceSize), plain, output.AsSpan(at + NonceSize + TagSize), output.AsSpan(at + NonceSize, TagSize),
            AdditionalData(entryKey, ring.CurrentId));
        return output;
    }

    private static Either<string, string> Open(FleetKeyRing ring, string entryKey, byte[] entry)
    {
        if (entry.Length < 2 || entry.Length < 2 + entry[1] + NonceSize + TagSize) return Left<string, string>("truncated entry");
        var id = Encoding.ASCII.GetString(entry, 2, entry[1]);
        var at = 2 + entry[1];
        return ring.Find(id).Match(
            key =>
            {
                var cipher = entry.AsSpan(at + NonceSize + TagSize);
                var plain = new byte[cipher.Length];
                try
                {
                    using var gcm = new AesGcm(key, TagSize);
                    gcm.Decrypt(entry.AsSpan(at, NonceSize), cipher, entry.AsSpan(at + NonceSize, TagSize), plain, AdditionalData(entryKey, id));
                }
                catch (AuthenticationTagMismatchException)
                {
                    return Left<string, string>("authentication failed (changed, or written under another key)");
                }
                return Utf8(plain);
            },
            () => Left<string, string>("written with a key id this ring does not hold"));
    }

    private static Either<string, string> Unprotect(IDataProtector protector, string entryKey, byte[] entry)
    {
        byte[] plain;
        try
        {
            plain = protector.CreateProtector(entryKey).Unprotect(entry.AsSpan(1).ToArray());
        }
        catch (Exception)
        {
            // CryptographicException for a foreign or changed payload; anything else from a broken key ring counts the same.
            return Left<string, string>("Data Protection refused it (changed, copied under another key, or protected with a key ring this application does not hold)");
        }
        return Utf8(plain);
    }

    private static Either<string, string> Utf8(ReadOnlySpan<byte> bytes)
    {
        try { return Right<string, string>(new UTF8Encoding(false, true).GetString(bytes)); }
        catch (DecoderFallbackException) { return Left<string, string>("not UTF-8"); }
    }

    private static byte[] AdditionalData(string entryKey, string keyId) => Encoding.UTF8.GetBytes("oauth2-fleet-entry-v1|" + entryKey + "|" + keyId);
}
