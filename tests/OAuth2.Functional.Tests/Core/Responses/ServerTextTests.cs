using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Core.Responses;

/// <summary>What the server says is data: kept (escaped, bounded) where the caller reads it on purpose, never printed in
/// the library's own words (Code, Message, ToString).</summary>
public class ServerTextTests
{
    private const string Json = "application/json";

    private static OAuthError Interpret(int status, string? contentType, string body, params (string, string)[] headers) =>
        Left(OAuth2.Functional.Responses.InterpretToken(
            new HttpResponseSpec(status, "", toSeq(headers), Optional(contentType), System.Text.Encoding.UTF8.GetBytes(body)), Jan1));

    [Fact]
    public void A_forged_error_code_is_escaped_visibly_and_never_becomes_the_code_or_the_message()
    {
        var e = Assert.IsType<OAuthError.ProtocolError>(Interpret(400, Json,
            "{\"error\":\"invalid_grant\\nINFO forged\",\"error_description\":\"refresh_token rt-SECRET is invalid\"}"));
        Assert.Equal("protocol_error", e.Code);
        Assert.Equal("invalid_grant\\nINFO\\u0020forged".Replace("\\u0020", " "), e.Error);
        Assert.DoesNotContain('\n', e.ToString());
        Assert.DoesNotContain("forged", e.Message);
        Assert.DoesNotContain("SECRET", e.Message);
        Assert.DoesNotContain("SECRET", e.ToString());
        Assert.Equal(Some("refresh_token rt-SECRET is invalid"), e.ErrorDescription); // kept for the caller who asks
    }

    [Fact]
    public void A_server_error_named_like_a_library_code_is_still_a_protocol_error()
    {
        var e = Interpret(400, Json, "{\"error\":\"timeout\"}");
        Assert.Equal("protocol_error", e.Code);
        Assert.NotEqual(new OAuthError.Timeout(TimeSpan.FromSeconds(1)).Code, e.Code);
        Assert.Equal("timeout", ServerError(e));
    }

    [Fact]
    public void A_registered_error_code_is_named_in_the_message_an_unregistered_one_is_not()
    {
        Assert.Contains("\"invalid_client\"", Interpret(401, Json, "{\"error\":\"invalid_client\"}").Message);
        var odd = Interpret(400, Json, "{\"error\":\"please_call_555_0100\"}");
        Assert.DoesNotContain("555", odd.Message);
        Assert.Contains("unregistered", odd.Message);
    }

    [Fact]
    public void Server_strings_are_bounded_and_limited_to_the_rfc_character_set()
    {
        var e = Assert.IsType<OAuthError.ProtocolError>(Interpret(400, Json,
            $"{{\"error\":\"{new string('x', 10_000)}\",\"error_description\":\"é\\u0000\\\"q\\\"{new string('d', 10_000)}\",\"error_uri\":\"https://x/a b\"}}"));
        Assert.True(e.Error.Length <= 65, e.Error.Length.ToString());
        var description = e.ErrorDescription.IfNone("");
        Assert.StartsWith("\\u00e9\\u0000\\\"q\\\"ddd", description);
        Assert.True(description.Length <= 513);
        Assert.Equal(Some("https://x/a\\u0020b"), e.ErrorUri);
    }

    public static TheoryData<string> SecretShapes() => new()
    {
        "client_secret: SECRET1",
        "<client_secret>SECRET1</client_secret>",
        "Authorization: Basic SECRET1",
        "{\"refresh_token\": 123SECRET1}",
        "access_token%3DSECRET1",
        "apikey=SECRET1",
        "{\"client_secret\":\"SECRET1\"}",
    };

    [Theory, MemberData(nameof(SecretShapes))]
    public void No_body_text_reaches_the_message_of_an_http_error(string body)
    {
        var e = Assert.IsType<OAuthError.HttpError>(Interpret(502, "text/plain", body));
        Assert.DoesNotContain("SECRET1", e.Message);
        Assert.DoesNotContain("SECRET1", e.ToString());
        Assert.NotEmpty(e.BodyExcerpt); // the excerpt stays available to a caller who reads it on purpose
    }

    [Theory, MemberData(nameof(SecretShapes))]
    public void No_body_text_reaches_the_message_of_unexpected_content(string body)
    {
        var e = Assert.IsType<OAuthError.UnexpectedContent>(Interpret(200, "text/html", body));
        Assert.DoesNotContain("SECRET1", e.Message);
        Assert.DoesNotContain("SECRET1", e.ToString());
    }

    [Fact]
    public void Invalid_json_is_described_by_position_never_by_the_body_s_characters()
    {
        var e = Assert.IsType<OAuthError.UnexpectedContent>(Interpret(200, Json, "{\"a\":Zecret}"));
        Assert.Equal("the body is not valid JSON (unreadable at line 1, byte 6)", e.Reason);
        Assert.DoesNotContain("Z", e.Message);
    }

    [Fact]
    public void An_unprintable_content_type_is_described_not_printed()
    {
        var e = Interpret(500, "text/html\nX-Forged: SECRET1", "x");
        Assert.DoesNotContain("SECRET1", e.Message);
        Assert.Contains("unprintable content type", e.Message);
    }

    [Theory]
    [InlineData("https://user:SECRET1@as.example/cb?code=SECRET1#frag", "https://[redacted]@as.example/cb")]
    [InlineData("/relative/cb?code=SECRET1", "/relative/cb")]
    [InlineData("//user:SECRET1@evil.example/x?y", "//[redacted]@evil.example/x")]
    [InlineData("ftp://admin:SECRET1@evil.example/x?code=1", "ftp://[redacted]@evil.example/x")]
    [InlineData("custom+scheme://u:SECRET1@h/p", "custom+scheme://[redacted]@h/p")]
    [InlineData("http:/admin:SECRET1@evil/", "http:/[redacted]@evil/")]
    [InlineData("\\\\admin:SECRET1@evil/x", "\\\\\\\\[redacted]@evil/x")]
    [InlineData("/\\admin:SECRET1@evil/x", "/\\\\[redacted]@evil/x")]
    [InlineData("https://as.example/cb\r\nSet-Cookie: x", "https://as.example/cb\\r\\nSet-Cookie:\\u0020x")]
    public void A_redirect_location_is_printed_without_user_info_query_or_fragment(string location, string printed)
    {
        var e = Assert.IsType<OAuthError.UnexpectedRedirect>(Interpret(302, null, "", ("Location", location)));
        Assert.Contains($" to {printed};", e.Message);
        Assert.DoesNotContain("SECRET1", e.ToString());
        Assert.Equal(Some(location), e.Location);
    }

    [Fact]
    public void Retry_after_and_www_authenticate_are_kept_on_http_errors_and_protocol_errors()
    {
        var busy = Interpret(503, "text/plain", "busy", ("Retry-After", "120"), ("WWW-Authenticate", "Bearer realm=\"x\""));
        Assert.Equal(Some<RetryAfter>(new RetryAfter.Delay(TimeSpan.FromSeconds(120))), busy.RetryAfter);
        Assert.Equal(Some("Bearer realm=\"x\""), busy.WwwAuthenticate);
        Assert.Equal(Jan1.AddMinutes(2), busy.RetryAfter.Map(r => r.From(Jan1)).IfNone(default(DateTimeOffset)));

        var limited = Interpret(429, Json, "{\"error\":\"slow_down\"}", ("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT"));
        Assert.IsType<OAuthError.ProtocolError>(limited);
        Assert.Equal(Some<RetryAfter>(new RetryAfter.Date(new DateTimeOffset(2026, 10, 21, 7, 28, 0, TimeSpan.Zero))), limited.RetryAfter);

        Assert.True(Interpret(500, "text/plain", "x").RetryAfter.IsNone);
        Assert.True(Interpret(500, "text/plain", "x").WwwAuthenticate.IsNone);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData(" 5 ", 5)]
    [InlineData("99999999999999999999", 86400)]
    public void Retry_after_seconds_are_read_and_capped(string value, int seconds) =>
        Assert.Equal(Some<RetryAfter>(new RetryAfter.Delay(TimeSpan.FromSeconds(seconds))), RetryAfter.Parse(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("soon")]
    [InlineData("Wed, 99 Oct 2026 07:28:00 GMT")]
    public void Unreadable_retry_after_is_none(string? value) => Assert.True(RetryAfter.Parse(value).IsNone);

    [Fact]
    public void Retry_after_also_reads_the_obsolete_date_formats()
    {
        var expected = Some<RetryAfter>(new RetryAfter.Date(new DateTimeOffset(1994, 11, 6, 8, 49, 37, TimeSpan.Zero)));
        Assert.Equal(expected, RetryAfter.Parse("Sunday, 06-Nov-94 08:49:37 GMT"));
        Assert.Equal(expected, RetryAfter.Parse("Sun Nov  6 08:49:37 1994"));
    }

    [Fact]
    public void Error_records_with_null_members_still_print()
    {
        Assert.Contains("500", new OAuthError.HttpError(500, "x", None, null!).ToString());
        Assert.Contains("unknown reason", new OAuthError.UnexpectedContent(200, None, null!, null!).Message);
        Assert.Contains("(null problem)", new OAuthError.InvalidConfig(new Seq<ConfigProblem>(new ConfigProblem[] { null! })).Message);
        Assert.NotNull(new OAuthError.ProtocolError(null!, None, None, 400).ToString());
        Assert.NotNull(new OAuthError.UnexpectedRedirect(302, Some<string>("x")).ToString());
        Assert.NotNull(new OAuthError.RevocationFailed(new Seq<TokenRevocationFailure>(new TokenRevocationFailure[] { null!, new(TokenKind.AccessToken, null!) })).ToString());
    }
}
