using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Core.Configuration;

public class ConfigValidationTests
{
    private static Seq<string> Problems(OAuthConfig? config, GrantKind grant = GrantKind.ClientCredentials) =>
        LeftOf<OAuthError.InvalidConfig, ValidConfig>(ConfigValidation.Validate(config, grant)).Problems.Map(p => p.ToString());

    [Fact]
    public void Defaults_match_simple_oauth2()
    {
        var v = Valid(DefaultConfig());
        Assert.Equal("https://authorization-server.org/oauth/token", v.TokenUrl.AbsoluteUri);
        Assert.Equal("https://authorization-server.org/oauth/token", v.RefreshUrl.AbsoluteUri);
        Assert.Equal("https://authorization-server.org/oauth/revoke", v.RevokeUrl.AbsoluteUri);
        Assert.Equal("https://authorization-server.org/oauth/authorize", v.AuthorizeBase.IfNone(""));
        var c = DefaultConfig();
        Assert.Equal("client_id", c.Client.IdParamName);
        Assert.Equal("client_secret", c.Client.SecretParamName);
        Assert.Equal(" ", c.Options.ScopeSeparator);
        Assert.Equal(CredentialsEncodingMode.Strict, c.Options.CredentialsEncodingMode);
        Assert.Equal(BodyFormat.Form, c.Options.BodyFormat);
        Assert.Equal(AuthorizationMethod.Header, c.Options.AuthorizationMethod);
        Assert.Equal(TimeSpan.FromSeconds(30), c.Http.Timeout);
        Assert.Equal(1024 * 1024, c.Http.MaxResponseBytes);
    }

    [Fact]
    public void Refresh_path_follows_a_custom_token_path()
    {
        var v = Valid(DefaultConfig() with { Auth = new AuthSettings(Host) { TokenPath = "/the-custom/token-path" } });
        Assert.Equal("https://authorization-server.org/the-custom/token-path", v.RefreshUrl.AbsoluteUri);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_field_path()
    {
        var config = new OAuthConfig(new ClientSettings("é", "a\n") { IdParamName = "" },
            new AuthSettings("x.org") { TokenPath = "", RevokePath = null! })
        { Options = new OAuthOptions { ScopeSeparator = "", BodyFormat = (BodyFormat)7 } };
        var problems = Problems(config);
        Assert.Contains("\"client.id\" fails to match the required pattern: /^[\\x20-\\x7E]*$/ (printable ASCII only)", problems);
        Assert.Contains(problems, p => p.StartsWith("\"client.secret\" fails to match"));
        Assert.Contains("\"client.idParamName\" is not allowed to be empty", problems);
        Assert.Contains("\"auth.tokenHost\" must be a valid uri with a scheme matching the http|https pattern", problems);
        Assert.Contains("\"auth.tokenPath\" is not allowed to be empty", problems);
        Assert.Contains("\"auth.revokePath\" is required", problems);
        Assert.Contains("\"options.scopeSeparator\" is not allowed to be empty", problems);
        Assert.Contains("\"options.bodyFormat\" must be one of [form, json]", problems);
        Assert.Equal(8, problems.Count);
    }

    [Theory]
    [InlineData("x.org")]
    [InlineData("ftp://x.org")]
    [InlineData("/relative")]
    public void Token_host_must_be_http_or_https(string host) =>
        Assert.Equal(Seq1("\"auth.tokenHost\" must be a valid uri with a scheme matching the http|https pattern"),
            Problems(new OAuthConfig(new ClientSettings("id"), new AuthSettings(host))));

    [Fact]
    public void Empty_token_host_and_missing_parts_use_simple_oauth2_wording()
    {
        Assert.Equal(Seq1("\"auth.tokenHost\" is not allowed to be empty"), Problems(new OAuthConfig(new ClientSettings("id"), new AuthSettings(""))));
        Assert.Equal(Seq1("\"auth.tokenHost\" is required"), Problems(new OAuthConfig(new ClientSettings("id"), new AuthSettings(null!))));
        Assert.Equal(Seq("\"client\" is required", "\"auth\" is required"), Problems(new OAuthConfig(null!, null!)));
        Assert.Equal(Seq1("\"config\" is required"), Problems(null));
        Assert.Equal(Seq1("\"client.id\" is required"), Problems(new OAuthConfig(new ClientSettings(null!), new AuthSettings(Host))));
        Assert.Equal(Seq("\"options\" must be of type object", "\"http\" must be of type object"),
            Problems(DefaultConfig() with { Options = null!, Http = null! }));
    }

    [Theory]
    [InlineData(GrantKind.ClientCredentials)]
    [InlineData(GrantKind.ResourceOwnerPassword)]
    public void Authorize_host_and_path_belong_to_the_authorization_code_grant_only(GrantKind grant)
    {
        var config = DefaultConfig() with { Auth = new AuthSettings(Host) { AuthorizeHost = Host, AuthorizePath = "/a" } };
        Assert.Equal(Seq("\"auth.authorizeHost\" is not allowed", "\"auth.authorizePath\" is not allowed"), Problems(config, grant));
        Assert.True(ConfigValidation.Validate(config, GrantKind.AuthorizationCode).IsRight);
    }

    [Fact]
    public void Authorization_code_validates_authorize_host()
    {
        var config = DefaultConfig() with { Auth = new AuthSettings(Host) { AuthorizeHost = "ftp://x.org", AuthorizePath = "" } };
        var problems = Problems(config, GrantKind.AuthorizationCode);
        Assert.Contains("\"auth.authorizeHost\" must be a valid uri with a scheme matching the http|https pattern", problems);
    }

    [Fact]
    public void Http_settings_and_headers_are_checked()
    {
        var config = DefaultConfig() with
        {
            Http = new HttpSettings { Timeout = TimeSpan.Zero, MaxResponseBytes = 0, Headers = Seq(("X-Ok", "1"), ("Bad Name", "x"), ("X-Inject", "a\r\nEvil: 1")) },
        };
        var problems = Problems(config);
        Assert.Equal(Seq(
            "\"http.timeout\" must be between 1 ms and 4294967294 ms (about 49.7 days), or Timeout.InfiniteTimeSpan",
            "\"http.maxResponseBytes\" must be between 1 and 2147483591 (the largest .NET array)",
            "\"http.headers[Bad Name]\" is not a valid header name",
            "\"http.headers[X-Inject]\" must be a value without CR, LF or NUL"), problems);
    }

    [Fact]
    public void Empty_id_and_secret_are_allowed_and_a_missing_secret_means_a_public_client()
    {
        Assert.True(ConfigValidation.Validate(DefaultConfig("", ""), GrantKind.ClientCredentials).IsRight);
        Assert.True(ConfigValidation.Validate(DefaultConfig("spa", null), GrantKind.ClientCredentials).IsRight);
    }

    [Fact]
    public void The_error_message_never_contains_the_secret()
    {
        var error = ConfigValidation.Validate(DefaultConfig("id", "s3cr3t-\u00e9"), GrantKind.ClientCredentials);
        Assert.DoesNotContain("s3cr3t", Left(error).Message);
        Assert.DoesNotContain("s3cr3t", Left(error).ToString());
    }

    [Theory]
    [InlineData("http://as.example", "auth.tokenHost")]
    [InlineData("http://10.0.0.1:8080/", "auth.tokenHost")]
    public void Plain_http_is_refused_off_loopback_by_default(string host, string field)
    {
        var config = new OAuthConfig(new ClientSettings("id", "s"), new AuthSettings(host));
        var problem = Assert.Single(LeftOf<OAuthError.InvalidConfig, ValidConfig>(ConfigValidation.Validate(config, GrantKind.ClientCredentials)).Problems);
        Assert.Equal(field, problem.Field);
        Assert.StartsWith("must use https", problem.Problem);
        Assert.True(ConfigValidation.Validate(config with { Options = new OAuthOptions { AllowInsecureHttp = true } }, GrantKind.ClientCredentials).IsRight);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://127.1.2.3")]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://[::1]:5000/")]
    public void Plain_http_is_allowed_on_loopback(string host) =>
        Assert.True(ConfigValidation.Validate(new OAuthConfig(new ClientSettings("id", "s"), new AuthSettings(host)), GrantKind.AuthorizationCode).IsRight);

    [Fact]
    public void An_http_authorize_host_or_absolute_revoke_url_is_refused_too()
    {
        var config = DefaultConfig() with { Auth = new AuthSettings(Host) { AuthorizeHost = "http://login.example", RevokePath = "http://other.example/revoke" } };
        var fields = LeftOf<OAuthError.InvalidConfig, ValidConfig>(ConfigValidation.Validate(config, GrantKind.AuthorizationCode)).Problems.Map(p => p.Field);
        Assert.Equal(Seq("auth.revokePath", "auth.authorizeHost"), fields);
    }
}
