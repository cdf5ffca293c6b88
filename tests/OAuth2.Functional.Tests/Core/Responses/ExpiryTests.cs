using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Core.Responses;

public class ExpiryTests
{
    private static Option<DateTimeOffset> ExpiresAt(string members) => Token("{\"access_token\":\"a\"" + members + "}").ExpiresAt;

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(",\"expires_in\":3600", "2024-01-01T01:00:00.000Z")]
    [InlineData(",\"expires_in\":\"3600\"", "2024-01-01T01:00:00.000Z")]
    [InlineData(",\"expires_in\":\"3600.9\"", "2024-01-01T01:00:00.000Z")]
    [InlineData(",\"expires_in\":3600.9", "2024-01-01T01:00:00.000Z")]
    [InlineData(",\"expires_in\":\"  42abc\"", "2024-01-01T00:00:42.000Z")]
    [InlineData(",\"expires_in\":-5", "2023-12-31T23:59:55.000Z")]
    [InlineData(",\"expires_in\":0", "2024-01-01T00:00:00.000Z")]
    [InlineData(",\"expires_at\":1704067260", "2024-01-01T00:01:00.000Z")]
    [InlineData(",\"expires_at\":1704067260.5", "2024-01-01T00:01:00.500Z")]
    [InlineData(",\"expires_at\":\"1704067260\"", "2024-01-01T00:01:00.000Z")]
    [InlineData(",\"expires_at\":\"2024-01-01T00:01:00.000Z\"", "2024-01-01T00:01:00.000Z")]
    [InlineData(",\"expires_at\":\"2024-01-01T02:01:00+02:00\"", "2024-01-01T00:01:00.000Z")]
    [InlineData(",\"expires_at\":\"2024-01-01T00:01:00\"", "2024-01-01T00:01:00.000Z")]
    [InlineData(",\"expires_at\":\"2024-01-01\"", "2024-01-01T00:00:00.000Z")]
    [InlineData(",\"expires_at\":\"Mon, 01 Jan 2024 00:01:00 GMT\"", "2024-01-01T00:01:00.000Z")]
    [InlineData(",\"expires_at\":null", "1970-01-01T00:00:00.000Z")]
    [InlineData(",\"expires_at\":1704067260,\"expires_in\":5", "2024-01-01T00:01:00.000Z")]
    [InlineData(",\"expires_in\":5,\"expires_at\":1704067260", "2024-01-01T00:01:00.000Z")]
    public void Expiry_table(string members, string expected) => Assert.Equal(Some(At(expected)), ExpiresAt(members));

    [Theory]
    [InlineData("")]
    [InlineData(",\"expires_in\":null")]
    public void No_expiry_info_means_no_expiry_and_never_expired(string members)
    {
        var token = Token("{\"access_token\":\"a\"" + members + "}");
        Assert.True(token.ExpiresAt.IsNone);
        Assert.False(token.IsExpired(DateTimeOffset.MaxValue, TimeSpan.MaxValue));
        Assert.DoesNotContain(token.Fields, f => f.Name == "expires_at");
    }

    [Theory]
    [InlineData(",\"expires_in\":\"abc\"", "expires_in")]
    [InlineData(",\"expires_in\":\"\"", "expires_in")]
    [InlineData(",\"expires_in\":true", "expires_in")]
    [InlineData(",\"expires_in\":{}", "expires_in")]
    [InlineData(",\"expires_at\":\"tomorrow\"", "expires_at")]
    [InlineData(",\"expires_at\":[1]", "expires_at")]
    public void Unreadable_expiry_is_a_malformed_token_naming_the_field(string members, string field) =>
        Assert.Equal(field, LeftOf<OAuthError.MalformedToken, AccessToken>(AccessToken.FromJson("{\"access_token\":\"a\"" + members + "}", Jan1)).Field);

    [Theory]
    [InlineData(",\"expires_in\":1e300", "9999-12-31T23:59:59.999Z")]
    [InlineData(",\"expires_in\":-1e300", "0001-01-01T00:00:00.000Z")]
    [InlineData(",\"expires_in\":\"99999999999999999999999\"", "9999-12-31T23:59:59.999Z")]
    [InlineData(",\"expires_at\":1e400", "9999-12-31T23:59:59.999Z")]
    [InlineData(",\"expires_at\":1704067260000", "9999-12-31T23:59:59.999Z")]
    public void Out_of_range_values_are_clamped(string members, string expected) => Assert.Equal(Some(At(expected)), ExpiresAt(members));

    [Fact]
    public void IsExpired_is_inclusive_at_the_edge_and_the_window_counts()
    {
        var token = Token("{\"access_token\":\"a\",\"expires_in\":10}");
        Assert.False(token.IsExpired(Jan1, TimeSpan.FromSeconds(9.999)));
        Assert.True(token.IsExpired(Jan1, TimeSpan.FromSeconds(10)));
        Assert.True(token.IsExpired(Jan1, TimeSpan.FromSeconds(11)));
        Assert.True(token.IsExpired(Jan1.AddSeconds(10)));
        Assert.False(token.IsExpired(Jan1.AddSeconds(10).AddMilliseconds(-1)));
        Assert.False(token.IsExpired(Jan1.AddSeconds(15), TimeSpan.FromSeconds(-6)));
        Assert.True(Token("{\"access_token\":\"a\",\"expires_in\":0}").IsExpired(Jan1));
        Assert.True(Token("{\"access_token\":\"a\",\"expires_at\":null}").IsExpired(Jan1));
    }

    [Fact]
    public void IsExpired_never_overflows()
    {
        var earliest = Token("{\"access_token\":\"a\",\"expires_in\":-1e300}");
        Assert.False(earliest.IsExpired(DateTimeOffset.MinValue, TimeSpan.MinValue));
        Assert.True(earliest.IsExpired(DateTimeOffset.MinValue, TimeSpan.MaxValue));
        Assert.True(Token("{\"access_token\":\"a\",\"expires_in\":1e300}").IsExpired(DateTimeOffset.MaxValue, TimeSpan.MaxValue));
    }
}
