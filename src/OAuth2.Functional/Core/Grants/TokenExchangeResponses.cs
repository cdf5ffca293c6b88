using System.Text.Json;

namespace OAuth2.Functional;

/// <summary>Pure interpretation of a token exchange response (RFC 8693 §2.2). Total: never throws.</summary>
public static class TokenExchangeResponses
{
    /// <summary>A token response as for every grant (errors included), which must also carry <c>issued_token_type</c>, an
    /// absolute URI (RFC 8693 §2.2.1: required); <c>token_type</c> <c>N_A</c> is accepted. A missing or bad
    /// <c>issued_token_type</c> is an <see cref="OAuthError.MalformedToken"/> naming it.</summary>
    public static Either<OAuthError, ExchangedToken> Interpret(HttpResponseSpec? response, DateTimeOffset receivedAt) =>
        Responses.InterpretToken(response, receivedAt).Bind(token => IssuedTokenType(token).Map(type => new ExchangedToken(token, type)));

    private static Either<OAuthError, TokenTypeUri> IssuedTokenType(AccessToken token) =>
        token.Fields.Find(static f => f.Name == "issued_token_type").Match(
            field => field.Kind != JsonValueKind.String
                ? Left<OAuthError, TokenTypeUri>(OAuthError.Malformed("issued_token_type", $"must be a string, not {JsonObjectReader.Describe(field.Kind)}"))
                : TokenTypeUri.Of(field.Value).MapLeft(_ => OAuthError.Malformed("issued_token_type", "must be an absolute URI (RFC 8693 §3)")),
            () => Left<OAuthError, TokenTypeUri>(OAuthError.Malformed("issued_token_type", "is missing (RFC 8693 §2.2.1 requires it)")));
}
