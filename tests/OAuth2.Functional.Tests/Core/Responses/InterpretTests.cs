using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Core.Responses;

public class InterpretTests
{
    private const string Json = "application/json";
    private static Either<OAuthError, AccessToken> Interpret(int status, string? contentType, string body, string reason = "") =>
        OAuth2.Functional.Responses.InterpretToken(HttpResponseSpec.Of(status, contentType, body, reason), Jan1);

    [Fact]
    public void A_token_response_becomes_a_token_keeping_every_field()
    {
        var token = Right(Interpret(200, "application/json; charset=utf-8",
            "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":\"240000\",\"refresh_token\":\"rt\",\"scope\":\"a b\",\"id_token\":\"x.y.z\",\"custom\":{\"n\":[1,2]}}"));
        Assert.Equal("at", token.Value.Reveal());
        Assert.Equal(Some("Bearer"), token.TokenType);
        Assert.Equal("rt", token.RefreshToken.Map(r => r.Reveal()).IfNone(""));
        Assert.Equal(Some("a b"), token.Scope);
        Assert.Equal(Some(Jan1.AddSeconds(240000)), token.ExpiresAt);
        Assert.Equal(Some("\"240000\""), token.Field("expires_in"));
        Assert.Equal(Some("{\"n\":[1,2]}"), token.Field("custom"));
        Assert.Equal(Seq("access_token", "token_type", "expires_in", "refresh_token", "scope", "id_token", "custom", "expires_at"), token.Fields.Map(f => f.Name));
    }

    [Theory]
    [InlineData("application/vnd.api+json")]
    [InlineData("APPLICATION/JSON")]
    [InlineData("application/x-amz-json")]
    public void Json_content_types_are_recognised(string contentType) => Assert.True(Interpret(200, contentType, "{\"access_token\":\"a\"}").IsRight);

    [Theory]
    [InlineData(400, "Bad Request")]
    [InlineData(401, "Unauthorized")]
    [InlineData(200, "OK")]
    [InlineData(500, "Internal Server Error")]
    public void An_oauth_error_body_is_a_protocol_error_at_any_status(int status, string reason)
    {
        var e = LeftOf<OAuthError.ProtocolError, AccessToken>(Interpret(status, Json,
            "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\",\"error_uri\":\"https://docs/x\"}", reason));
        Assert.Equal(new OAuthError.ProtocolError("invalid_client", Some("Client authentication failed"), Some("https://docs/x"), status), e);
        Assert.Equal("invalid_client", ServerError(e));
        Assert.Equal("protocol_error", e.Code);
        Assert.Equal(Some(status), e.StatusCode);
    }

    [Fact]
    public void A_non_2xx_json_without_error_is_an_http_error_keeping_status_and_reason()
    {
        var e = LeftOf<OAuthError.HttpError, AccessToken>(Interpret(401, Json, "{}", "Unauthorized"));
        Assert.Equal(401, e.Status);
        Assert.Equal("Unauthorized", e.ReasonPhrase);
        Assert.Equal("The server answered 401 without an OAuth error body (application/json, body excerpt in BodyExcerpt)", e.Message);
    }

    [Theory]
    [InlineData(404, "text/html", "<html>Not Found</html>")]
    [InlineData(500, null, "")]
    [InlineData(503, "text/plain", "down")]
    public void A_non_json_error_page_keeps_its_real_status_and_an_excerpt(int status, string? contentType, string body)
    {
        var e = LeftOf<OAuthError.HttpError, AccessToken>(Interpret(status, contentType, body));
        Assert.Equal(status, e.Status);
        Assert.Equal(Optional(contentType), e.ContentType);
        Assert.Equal(body, e.BodyExcerpt);
    }

    [Fact]
    public void An_oauth_error_in_a_wrongly_typed_error_response_is_still_read() =>
        Assert.Equal("invalid_grant", ServerError(Left(Interpret(400, "text/plain", "{\"error\":\"invalid_grant\"}"))));

    [Theory]
    [InlineData("text/html", "<html>ok</html>", "the content type is not JSON")]
    [InlineData(null, "{\"access_token\":\"a\"}", "the content type is not JSON")]
    [InlineData(Json, "", "the body is empty")]
    [InlineData(Json, "{\"", "the body is not valid JSON")]
    [InlineData("text/plain", "", "the body is empty; a JSON token was expected")]
    public void A_2xx_that_is_not_a_json_token_is_unexpected_content(string? contentType, string body, string reason)
    {
        var e = LeftOf<OAuthError.UnexpectedContent, AccessToken>(Interpret(200, contentType, body));
        Assert.StartsWith(reason, e.Reason);
        Assert.Equal(200, e.Status);
    }

    [Theory]
    [InlineData("[]", "(body)")]
    [InlineData("null", "(body)")]
    [InlineData("\"x\"", "(body)")]
    [InlineData("{}", "access_token")]
    [InlineData("{\"access_token\":5}", "access_token")]
    [InlineData("{\"access_token\":\"\"}", "access_token")]
    [InlineData("{\"access_token\":\"a\",\"token_type\":1}", "token_type")]
    [InlineData("{\"access_token\":\"a\",\"refresh_token\":[]}", "refresh_token")]
    [InlineData("{\"access_token\":\"a\",\"scope\":[\"a\"]}", "scope")]
    public void A_2xx_json_that_is_not_a_token_names_the_field(string body, string field) =>
        Assert.Equal(field, LeftOf<OAuthError.MalformedToken, AccessToken>(Interpret(200, Json, body)).Field);

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public void A_redirect_is_never_followed_nor_a_success(int status)
    {
        var response = new HttpResponseSpec(status, "Found", Seq1(("Location", "http://elsewhere/")), Some(Json), "{\"access_token\":\"a\"}"u8.ToArray());
        var e = Assert.IsType<OAuthError.UnexpectedRedirect>(Left(OAuth2.Functional.Responses.InterpretToken(response, Jan1)));
        Assert.Equal(Some("http://elsewhere/"), e.Location);
        Assert.IsType<OAuthError.UnexpectedRedirect>(Left(OAuth2.Functional.Responses.InterpretRevocation(response)));
    }

    [Fact]
    public void Duplicate_keys_keep_the_first_position_and_the_last_value()
    {
        var token = Right(Interpret(200, Json, "{\"access_token\":\"one\",\"x\":1,\"access_token\":\"two\"}"));
        Assert.Equal("two", token.Value.Reveal());
        Assert.Equal(Seq("access_token", "x"), token.Fields.Map(f => f.Name));
    }

    [Fact]
    public void A_bom_is_skipped_and_invalid_utf8_is_a_value()
    {
        var bom = new HttpResponseSpec(200, "", Seq<(string, string)>(), Some(Json), new byte[] { 0xEF, 0xBB, 0xBF }.Concat("{\"access_token\":\"a\"}"u8.ToArray()).ToArray());
        Assert.True(OAuth2.Functional.Responses.InterpretToken(bom, Jan1).IsRight);
        var bad = new HttpResponseSpec(200, "", Seq<(string, string)>(), Some(Json), new byte[] { (byte)'{', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)':', (byte)'1', (byte)'}' });
        Assert.IsType<OAuthError.UnexpectedContent>(Left(OAuth2.Functional.Responses.InterpretToken(bad, Jan1)));
    }

    [Fact]
    public void Deep_nesting_is_a_value_not_a_stack_overflow()
    {
        var deep = "{\"access_token\":\"a\",\"x\":" + new string('[', 5000) + new string(']', 5000) + "}";
        Assert.IsType<OAuthError.UnexpectedContent>(Left(Interpret(200, Json, deep)));
    }

    [Theory]
    [InlineData(200, null, "")]
    [InlineData(204, "text/plain", "")]
    [InlineData(200, "text/html", "<html/>")]
    [InlineData(200, Json, "{\"error\":\"ignored\"}")]
    public void Any_2xx_revocation_answer_is_success(int status, string? contentType, string body) =>
        Assert.True(OAuth2.Functional.Responses.InterpretRevocation(HttpResponseSpec.Of(status, contentType, body)).IsRight);

    [Fact]
    public void A_failed_revocation_is_a_protocol_or_http_error()
    {
        Assert.Equal("unsupported_token_type", ServerError(Left(OAuth2.Functional.Responses.InterpretRevocation(
            HttpResponseSpec.Of(400, Json, "{\"error\":\"unsupported_token_type\"}")))));
        Assert.Equal(Some(503), Left(OAuth2.Functional.Responses.InterpretRevocation(HttpResponseSpec.Of(503, "text/html", "x"))).StatusCode);
    }

    [Fact]
    public void Token_values_echoed_in_an_error_body_are_masked()
    {
        var e = Left(Interpret(502, "text/plain", "upstream said access_token=SECRETVALUE&x=1 {\"refresh_token\":\"RTSECRET\"}"));
        Assert.DoesNotContain("SECRETVALUE", e.Message);
        Assert.DoesNotContain("RTSECRET", e.Message);
    }

    [Fact]
    public void Null_response_is_an_argument_error() =>
        Assert.IsType<OAuthError.InvalidArgument>(Left(OAuth2.Functional.Responses.InterpretToken(null, Jan1)));
}
