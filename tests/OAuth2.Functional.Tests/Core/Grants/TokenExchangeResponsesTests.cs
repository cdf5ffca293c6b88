using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Core.Grants;

/// <summary>RFC 8693 §2.2 responses through the pure interpreter, with literal bodies.</summary>
public class TokenExchangeResponsesTests
{
    private static Either<OAuthError, ExchangedToken> Interpret(int status, string body) =>
        TokenExchangeResponses.Interpret(HttpResponseSpec.Of(status, "application/json", body, ""), Jan1);

    [Fact]
    public void An_access_token_response_keeps_the_issued_token_type_and_every_member()
    {
        var exchanged = Right(Interpret(200,
            "{\"access_token\":\"eyJ.new\",\"issued_token_type\":\"urn:ietf:params:oauth:token-type:access_token\",\"token_type\":\"Bearer\",\"expires_in\":60,\"scope\":\"read\"}"));
        Assert.Equal(TokenTypeUri.AccessToken, exchanged.IssuedTokenType);
        Assert.True(exchanged.IsAccessToken);
        Assert.Equal("eyJ.new", exchanged.Token.Value.Reveal());
        Assert.Equal(Some(Jan1.AddSeconds(60)), exchanged.Token.ExpiresAt);
        Assert.Equal(Some("\"urn:ietf:params:oauth:token-type:access_token\""), exchanged.Token.Field("issued_token_type"));
    }

    [Fact]
    public void A_non_access_token_with_token_type_N_A_is_accepted()
    {
        var exchanged = Right(Interpret(200,
            "{\"access_token\":\"PHNhbWw+\",\"issued_token_type\":\"urn:ietf:params:oauth:token-type:saml2\",\"token_type\":\"N_A\"}"));
        Assert.Equal(TokenTypeUri.Saml2, exchanged.IssuedTokenType);
        Assert.False(exchanged.IsAccessToken);
        Assert.Equal(Some("N_A"), exchanged.Token.TokenType);
    }

    [Fact]
    public void A_custom_issued_token_type_is_kept()
    {
        var exchanged = Right(Interpret(200, "{\"access_token\":\"t\",\"issued_token_type\":\"https://tokens.example/legacy\",\"token_type\":\"Bearer\"}"));
        Assert.Equal("https://tokens.example/legacy", exchanged.IssuedTokenType.Value);
    }

    [Theory]
    [InlineData("{\"access_token\":\"t\",\"token_type\":\"Bearer\"}", "is missing (RFC 8693 §2.2.1 requires it)")]
    [InlineData("{\"access_token\":\"t\",\"issued_token_type\":7}", "must be a string, not a number")]
    [InlineData("{\"access_token\":\"t\",\"issued_token_type\":\"access_token\"}", "must be an absolute URI (RFC 8693 §3)")]
    public void A_missing_or_bad_issued_token_type_is_a_malformed_token_naming_it(string body, string reason)
    {
        var error = LeftOf<OAuthError.MalformedToken, ExchangedToken>(Interpret(200, body));
        Assert.Equal("issued_token_type", error.Field);
        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void An_error_response_is_the_servers_protocol_error()
    {
        Assert.Equal("invalid_target", ServerError(Left(Interpret(400, "{\"error\":\"invalid_target\"}"))));
        Assert.Equal("access_token", LeftOf<OAuthError.MalformedToken, ExchangedToken>(Interpret(200, "{\"issued_token_type\":\"urn:x\"}")).Field);
    }

    [Fact]
    public void The_description_of_an_exchanged_token_holds_no_token()
    {
        var text = Right(Interpret(200, "{\"access_token\":\"SECRET\",\"issued_token_type\":\"urn:ietf:params:oauth:token-type:jwt\",\"token_type\":\"N_A\",\"refresh_token\":\"SECRET2\"}")).ToString();
        Assert.DoesNotContain("SECRET", text);
        Assert.StartsWith("ExchangedToken(urn:ietf:params:oauth:token-type:jwt, AccessToken(", text);
    }
}
