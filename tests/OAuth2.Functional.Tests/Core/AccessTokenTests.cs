using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Core;

public class AccessTokenTests
{
    [Fact]
    public void ToJson_writes_simple_oauth2s_stored_format()
    {
        var token = Token("{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"a\"}");
        Assert.Equal("{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"a\",\"expires_at\":\"2024-01-01T01:00:00.000Z\"}", token.ToJson());
    }

    [Fact]
    public void A_stored_token_restores_to_the_same_value_at_any_later_time()
    {
        var token = Token("{\"access_token\":\"at\",\"expires_in\":3600,\"refresh_token\":\"rt\",\"x\":{\"y\":[1,\"é\"]}}");
        var restored = Right(AccessToken.FromJson(token.ToJson(), Jan1.AddDays(3)));
        Assert.Equal(token, restored);
        Assert.Equal(token.ToJson(), restored.ToJson());
    }

    [Fact]
    public void A_token_stored_by_simple_oauth2_loads()
    {
        var stored = "{\"access_token\":\"at\",\"refresh_token\":\"rt\",\"expires_in\":7200,\"token_type\":\"bearer\",\"expires_at\":\"2024-01-01T02:00:00.000Z\"}";
        var token = Token(stored, Jan1.AddHours(1));
        Assert.Equal(Some(Jan1.AddHours(2)), token.ExpiresAt);
        Assert.Equal(stored, token.ToJson());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("\"string\"")]
    [InlineData("42")]
    public void Unusable_stored_json_is_a_malformed_token(string? json) =>
        Assert.IsType<OAuthError.MalformedToken>(Left(AccessToken.FromJson(json, Jan1)));

    [Fact]
    public void ToString_prints_no_token()
    {
        var token = Token("{\"access_token\":\"AT-SECRET\",\"refresh_token\":\"RT-SECRET\",\"id_token\":\"ID-SECRET\",\"expires_in\":1}");
        Assert.DoesNotContain("SECRET", token.ToString());
        Assert.DoesNotContain("SECRET", token.Value.ToString());
        Assert.Equal("[redacted]", token.Value.ToString());
        Assert.Contains("2024-01-01T00:00:01.000Z", token.ToString());
    }
}
