using System.Text;
using OAuth2.Functional.Encodings;

namespace OAuth2.Functional;

/// <summary>
/// A token as the server issued it: the access token, its type, the optional refresh token, absolute expiry and scope,
/// and every member of the response unchanged (as raw JSON text, in order, with <c>expires_at</c> normalized to an
/// ISO-8601 UTC string), so it stores and restores in simple-oauth2's format. Immutable; compares by value; prints
/// no secret.
/// </summary>
public sealed record AccessToken
{
    internal AccessToken(Secret value, Option<string> tokenType, Option<Secret> refreshToken, Option<DateTimeOffset> expiresAt,
        Option<string> scope, Seq<TokenField> fields)
    {
        Value = value;
        TokenType = tokenType;
        RefreshToken = refreshToken;
        ExpiresAt = expiresAt;
        Scope = scope;
        Fields = fields;
    }

    /// <summary>The access token (<c>access_token</c>).</summary>
    public Secret Value { get; }

    /// <summary>The token type (<c>token_type</c>), usually <c>Bearer</c>.</summary>
    public Option<string> TokenType { get; }

    /// <summary>The refresh token (<c>refresh_token</c>), if any.</summary>
    public Option<Secret> RefreshToken { get; }

    /// <summary>When the token expires; <c>None</c> means the server said nothing, so it never counts as expired.</summary>
    public Option<DateTimeOffset> ExpiresAt { get; }

    /// <summary>The granted scope (<c>scope</c>), as the server wrote it.</summary>
    public Option<string> Scope { get; }

    /// <summary>Every member of the token object, in order (they include the secrets).</summary>
    public Seq<TokenField> Fields { get; }

    /// <summary>The raw JSON text of a member, e.g. <c>Field("id_token")</c>.</summary>
    public Option<string> Field(string name) => Fields.Find(f => f.Name == name).Map(f => f.RawJson);

    /// <summary>True when <c>expires_at − window ≤ now</c> (simple-oauth2's <c>expired(window)</c>, edge inclusive).</summary>
    public bool IsExpired(DateTimeOffset now, TimeSpan window) => Expiry.IsExpired(ExpiresAt, now, window);

    /// <summary>True when <c>expires_at ≤ now</c>.</summary>
    public bool IsExpired(DateTimeOffset now) => IsExpired(now, TimeSpan.Zero);

    /// <summary>The token as simple-oauth2 stores it: the response's own members, with <c>expires_at</c> as ISO-8601 UTC.</summary>
    public string ToJson()
    {
        var capacity = 2;
        foreach (var field in Fields) capacity += field.Name.Length + field.Value.Length + 6;
        var sb = new StringBuilder(capacity).Append('{');
        foreach (var field in Fields)
        {
            if (sb.Length > 1) sb.Append(',');
            JsonText.AppendQuoted(sb, field.Name).Append(':');
            if (field.Kind == System.Text.Json.JsonValueKind.String) JsonText.AppendQuoted(sb, field.Value);
            else sb.Append(field.Value);
        }
        return sb.Append('}').ToString();
    }

    /// <summary>Restores a stored token (ours or simple-oauth2's). <paramref name="now"/> is only used when the JSON has
    /// <c>expires_in</c> but no <c>expires_at</c>.</summary>
    public static Either<OAuthError, AccessToken> FromJson(string? json, DateTimeOffset now) =>
        JsonObjectReader.Read(json).MapLeft(problem => OAuthError.Malformed("(json)", problem.Reason)).Bind(fields => TokenParser.Parse(fields, now));

    /// <summary>The same token with <paramref name="refreshToken"/> as its refresh token (for refresh carry-over).</summary>
    internal AccessToken WithRefreshToken(Secret refreshToken) =>
        new(Value, TokenType, Some(refreshToken), ExpiresAt, Scope,
            TokenFields.Set(Fields, new TokenField("refresh_token", System.Text.Json.JsonValueKind.String, refreshToken.Reveal())));

    /// <summary>A refreshed token completed from the one it replaces (<paramref name="old"/>): a response without
    /// <c>refresh_token</c> keeps the old one (no rotation), and one without <c>scope</c> has the scope the refresh asked for
    /// (<paramref name="requestedScope"/>, RFC 6749 §5.1), or else the old scope (§6: the scope originally granted). Both are written into <see cref="Fields"/> too, so <see cref="ToJson"/> keeps them.</summary>
    internal AccessToken CarryOver(AccessToken? old, Option<string> requestedScope)
    {
        if (old is null) return this;
        var token = RefreshToken.IsNone && old.RefreshToken.Case is Secret previous ? WithRefreshToken(previous) : this;
        // RFC 6749 §5.1: an omitted scope is the one requested; a refresh that asked for none asked for the original (§6).
        return token.Scope.IsNone && (requestedScope || old.Scope).Case is string scope
            ? new(token.Value, token.TokenType, token.RefreshToken, token.ExpiresAt, Some(scope),
                TokenFields.Set(token.Fields, new TokenField("scope", System.Text.Json.JsonValueKind.String, scope)))
            : token;
    }

    /// <summary>Type, expiry, scope and member names (server text, escaped and bounded); never a token value.</summary>
    public override string ToString() =>
        $"AccessToken(Value = [redacted], TokenType = {ServerText.Printable(TokenType)}, RefreshToken = {(RefreshToken.IsSome ? "[redacted]" : "none")}, " +
        $"ExpiresAt = {ExpiresAt.Map(Expiry.ToIso).IfNone("never")}, Scope = {ServerText.Printable(Scope)}, Fields = [{ServerText.Names(Fields.Map(f => f?.Name))}])";
}

/// <summary>Sets a member in an ordered member list: in place if present, else appended.</summary>
internal static class TokenFields
{
    public static Seq<TokenField> Set(Seq<TokenField> fields, TokenField field) =>
        fields.Exists(f => f.Name == field.Name) ? fields.Map(f => f.Name == field.Name ? field : f) : fields.Add(field);
}
