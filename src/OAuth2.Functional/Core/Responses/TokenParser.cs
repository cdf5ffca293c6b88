using System.Text.Json;

namespace OAuth2.Functional;

/// <summary>Reads a token object (a response body or stored JSON) into an <see cref="AccessToken"/>, naming the field
/// that is wrong when it cannot. Written as plain loops: this is the hot path of every token call.</summary>
internal static class TokenParser
{
    public static Either<OAuthError, AccessToken> Parse(JsonField[] fields, DateTimeOffset receivedAt)
    {
        JsonField? access = null, type = null, refresh = null, scope = null;
        foreach (var f in fields)
        {
            switch (f.Name)
            {
                case "access_token": access = f; break;
                case "token_type": type = f; break;
                case "refresh_token": refresh = f; break;
                case "scope": scope = f; break;
            }
        }
        if (access is null) return OAuthError.Malformed("access_token", "is missing");
        if (access.Kind != JsonValueKind.String) return NotAString(access);
        if (access.Field.Value.Length == 0) return OAuthError.Malformed("access_token", "must not be empty");
        if (!IsHeaderSafe(access.Field.Value))
            return OAuthError.Malformed("access_token", "contains characters that cannot be sent in an HTTP header (only visible ASCII can)");
        if (!IsOptionalString(type)) return NotAString(type!);
        if (!IsOptionalString(refresh)) return NotAString(refresh!);
        if (!IsOptionalString(scope)) return NotAString(scope!);
        var expiry = Expiry.Of(fields, receivedAt);
        if (expiry.IsLeft) return expiry.Match(Right: static _ => OAuthError.Malformed("expires_at", "is unreadable"), Left: static e => e);
        var expiresAt = expiry.IfLeft(static _ => None);
        return new AccessToken(Secret.Of(access.Field.Value), TextOf(type),
            refresh is { Kind: JsonValueKind.String } ? Some(Secret.Of(refresh.Field.Value)) : None, expiresAt, TextOf(scope),
            Normalize(fields, expiresAt));
    }

    /// <summary>Visible ASCII only (%x21-7E): what an <c>Authorization</c> header can carry (RFC 6750's b64token is
    /// narrower, but real servers issue tokens with characters such as <c>|</c>).</summary>
    private static bool IsHeaderSafe(string value)
    {
        foreach (var c in value) if (c is < '!' or > '~') return false;
        return true;
    }

    private static bool IsOptionalString(JsonField? f) => f is null || f.Kind is JsonValueKind.String or JsonValueKind.Null;

    private static Option<string> TextOf(JsonField? f) => f is { Kind: JsonValueKind.String } ? Some(f.Field.Value) : None;

    private static OAuthError NotAString(JsonField f) => OAuthError.Malformed(f.Name, $"must be a string, not {JsonObjectReader.Describe(f.Kind)}");

    /// <summary>The members as given, with <c>expires_at</c> set (in place, or appended) to the ISO-8601 instant.</summary>
    private static Seq<TokenField> Normalize(JsonField[] fields, Option<DateTimeOffset> expiresAt)
    {
        var count = fields.Length;
        var hasExpiresAt = false;
        foreach (var f in fields) hasExpiresAt |= f.Name == "expires_at";
        var result = new TokenField[expiresAt.IsSome && !hasExpiresAt ? count + 1 : count];
        var iso = expiresAt.IsSome ? new TokenField("expires_at", JsonValueKind.String, Expiry.ToIso(expiresAt.IfNone(default(DateTimeOffset)))) : null;
        var i = 0;
        foreach (var f in fields) result[i++] = iso is not null && f.Name == "expires_at" ? iso : f.Field;
        if (i < result.Length) result[i] = iso!;
        return toSeq(result);
    }
}
