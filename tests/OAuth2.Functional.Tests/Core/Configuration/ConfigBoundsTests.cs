using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Core.Configuration;

/// <summary>Issue 8 items 4 and 6: credentials in URLs, numeric ranges, and every problem (https included) reported at once.</summary>
public class ConfigBoundsTests
{
    private static Seq<ConfigProblem> Problems(OAuthConfig config, GrantKind grant = GrantKind.ClientCredentials) =>
        LeftOf<OAuthError.InvalidConfig, ValidConfig>(ConfigValidation.Validate(config, grant)).Problems;

    private static OAuthConfig WithHttp(HttpSettings http) => DefaultConfig() with { Http = http };

    public static TheoryData<string, string> UrlsWithCredentials => new()
    {
        { "tokenHost", "auth.tokenHost" },
        { "authorizeHost", "auth.authorizeHost" },
        { "revokePath", "auth.revokePath" },
        { "tokenPath", "auth.tokenPath" },
        { "introspectPath", "auth.introspectPath" },
        { "refreshPath", "auth.refreshPath" },
        { "authorizePath", "auth.authorizePath" },
    };

    [Theory]
    [MemberData(nameof(UrlsWithCredentials))]
    public void A_url_with_user_info_is_a_problem_naming_its_field(string option, string field)
    {
        const string withCredentials = "https://admin:pw@as.example/x";
        var auth = new AuthSettings(option == "tokenHost" ? withCredentials : "https://as.example/");
        auth = option switch
        {
            "authorizeHost" => auth with { AuthorizeHost = withCredentials },
            "revokePath" => auth with { RevokePath = withCredentials },
            "tokenPath" => auth with { TokenPath = "//admin:pw@as.example/token" },
            "introspectPath" => auth with { IntrospectPath = withCredentials },
            "refreshPath" => auth with { RefreshPath = withCredentials },
            "authorizePath" => auth with { AuthorizePath = withCredentials },
            _ => auth,
        };
        var problems = Problems(new OAuthConfig(new ClientSettings("id", "s"), auth), GrantKind.AuthorizationCode);
        var problem = Assert.Single(problems);
        Assert.Equal(field, problem.Field);
        Assert.StartsWith("must not contain credentials", problem.Problem);
    }

    [Fact]
    public void No_url_with_user_info_reaches_ToString()
    {
        var config = new OAuthConfig(new ClientSettings("id", "client-secret"),
            new AuthSettings("https://admin:pw-host@as.example/") { RevokePath = "https://u:pw-revoke@other.example/r", AuthorizeHost = "http://x:pw-auth@a.example" });
        var error = ConfigValidation.Validate(config, GrantKind.AuthorizationCode);
        foreach (var text in new[] { config.ToString(), config.Auth.ToString(), Left(error).ToString(), Left(error).Message })
        {
            Assert.DoesNotContain("pw-", text);
            Assert.DoesNotContain("client-secret", text);
        }
        Assert.Contains("https://[redacted]@as.example/", config.Auth.ToString());
        var spec = new HttpRequestSpec("POST", new Uri("https://user:pw-spec@as.example/t?q=1"), Seq<(string, string)>(), new RequestBody(BodyFormat.Form, Seq<(string, string)>()));
        Assert.Equal("HttpRequestSpec(POST https://as.example/t; headers: ; RequestBody(Form: ))", spec.ToString());
    }

    [Theory]
    [InlineData("10675199.02:48:05.4775807")] // TimeSpan.MaxValue
    [InlineData("49.17:02:47.2950000")]       // CancelAfter's limit + 1 ms
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    [InlineData("00:00:00.0000001")]          // one tick: CancelAfter would truncate it to 0 and cancel at once
    public void A_timeout_outside_what_CancelAfter_accepts_is_a_problem(string timeout)
    {
        var problem = Assert.Single(Problems(WithHttp(new HttpSettings { Timeout = TimeSpan.Parse(timeout) })));
        Assert.Equal("http.timeout", problem.Field);
    }

    [Theory]
    [InlineData("49.17:02:47.2940000")] // HttpSettings.MaxTimeout
    [InlineData("00:00:00.001")]
    [InlineData("-00:00:00.001")]       // Timeout.InfiniteTimeSpan: no limit, the caller's token ends the call
    public void A_timeout_that_CancelAfter_accepts_is_valid(string timeout) =>
        Assert.True(ConfigValidation.Validate(WithHttp(new HttpSettings { Timeout = TimeSpan.Parse(timeout) }), GrantKind.ClientCredentials).IsRight);

    [Fact]
    public void The_timeout_bound_is_exactly_what_CancelAfter_accepts()
    {
        using var source = new CancellationTokenSource();
        source.CancelAfter(HttpSettings.MaxTimeout);
        Assert.Throws<ArgumentOutOfRangeException>(() => source.CancelAfter(HttpSettings.MaxTimeout + TimeSpan.FromMilliseconds(1)));
        Assert.Equal(Timeout.InfiniteTimeSpan, TimeSpan.Parse("-00:00:00.001"));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MaxValue)]
    [InlineData(HttpSettings.MaxResponseBytesLimit + 1)]
    public void A_response_cap_outside_one_byte_to_the_largest_array_is_a_problem(long cap) =>
        Assert.Equal("http.maxResponseBytes", Assert.Single(Problems(WithHttp(new HttpSettings { MaxResponseBytes = cap }))).Field);

    [Fact]
    public void The_response_cap_limit_is_the_largest_array()
    {
        Assert.Equal(HttpSettings.MaxResponseBytesLimit, System.Array.MaxLength);
        Assert.True(ConfigValidation.Validate(WithHttp(new HttpSettings { MaxResponseBytes = HttpSettings.MaxResponseBytesLimit }), GrantKind.ClientCredentials).IsRight);
    }

    [Fact]
    public void Https_credentials_and_ranges_are_reported_together_with_every_other_problem()
    {
        var config = new OAuthConfig(new ClientSettings("bad\n", "s"), new AuthSettings("http://as.example") { RevokePath = "https://a:b@as.example/r" })
        {
            Options = new OAuthOptions { ScopeSeparator = "" },
            Http = new HttpSettings { Timeout = TimeSpan.MaxValue, MaxResponseBytes = 0 },
        };
        var fields = Problems(config).Map(p => p.Field + " " + p.Problem.Split(' ')[0] + " " + p.Problem.Split(' ')[1]);
        Assert.Equal(Seq(
            "client.id fails to",
            "options.scopeSeparator is not",
            "http.timeout must be",
            "http.maxResponseBytes must be",
            "auth.tokenHost must use",
            "auth.revokePath must not"), fields);
    }
}
