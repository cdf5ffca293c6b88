using System.Text.Json;
using OAuth2.Functional.Encodings;

namespace OAuth2.Functional;

/// <summary>Reads a token object (a response body or stored JSON) into an <see cref="AccessToken"/>, naming the field
/// that is wrong when it cannot.</summary>
internal static class TokenParser
{
    public static Either<OAuthError, AccessToken> Parse(Seq<JsonField> fields, DateTimeOffset receivedAt) =>
        from value in RequiredString(fields, "access_token")
        from type in OptionalString(fields, "token_type")
        from refresh in OptionalString(fields, "refresh_token")
        from scope in OptionalString(fields, "scope")
        from expiresAt in Expiry.Of(fields, receivedAt)
        select new AccessToken(Secret.Of(value), type, refresh.Map(Secret.Of), expiresAt, scope, Normalize(fields, expiresAt));

    private static Seq<(string Name, string RawJson)> Normalize(Seq<JsonField> fields, Option<DateTimeOffset> expiresAt)
    {
        var raw = fields.Map(f => (f.Name, f.Raw));
        return expiresAt.Match(at => ParameterMapJson.Set(raw, ("expires_at", JsonText.Quote(Expiry.ToIso(at)))), () => raw);
    }

    private static Either<OAuthError, string> RequiredString(Seq<JsonField> fields, string name) =>
        JsonObjectReader.Find(fields, name).Match(
            f => f.Kind != JsonValueKind.String
                ? Left<OAuthError, string>(OAuthError.Malformed(name, $"must be a string, not {JsonObjectReader.Describe(f.Kind)}"))
                : string.IsNullOrEmpty(f.Text)
                    ? Left<OAuthError, string>(OAuthError.Malformed(name, "must not be empty"))
                    : Right<OAuthError, string>(f.Text),
            () => Left<OAuthError, string>(OAuthError.Malformed(name, "is missing")));

    private static Either<OAuthError, Option<string>> OptionalString(Seq<JsonField> fields, string name) =>
        JsonObjectReader.Find(fields, name).Match(
            f => f.Kind switch
            {
                JsonValueKind.String => Right<OAuthError, Option<string>>(Optional(f.Text)),
                JsonValueKind.Null => Right<OAuthError, Option<string>>(None),
                _ => Left<OAuthError, Option<string>>(OAuthError.Malformed(name, $"must be a string, not {JsonObjectReader.Describe(f.Kind)}")),
            },
            () => Right<OAuthError, Option<string>>(None));
}
