using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Core.Requests;

public class AuthorizeUrlTests
{
    private static string Url(OAuthConfig config, Parameters? p = null) => Right(AuthorizeUrls.Build(Valid(config), p));

    private static OAuthConfig WithPath(string path) =>
        DefaultConfig("client-id") with { Auth = new AuthSettings(Host) { AuthorizePath = path } };

    [Fact]
    public void Default_authorize_url() =>
        Assert.Equal("https://authorization-server.org/oauth/authorize?response_type=code&client_id=the+client+id", Url(DefaultConfig()));

    [Fact]
    public void Redirect_uri_scope_and_state() =>
        Assert.Equal(
            "https://authorization-server.org/oauth/authorize?response_type=code&client_id=the+client+id&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback&scope=user&state=02afe928b",
            Url(DefaultConfig(), Parameters.Of(("redirect_uri", "http://localhost:3000/callback"), ("scope", "user"), ("state", "02afe928b"))));

    [Fact]
    public void Scope_lists_are_joined_then_encoded()
    {
        Assert.EndsWith("&scope=user+account", Url(DefaultConfig(), Parameters.Empty.WithScopes("user", "account")));
        var comma = DefaultConfig() with { Options = new OAuthOptions { ScopeSeparator = "," } };
        Assert.EndsWith("&scope=user%2Caccount", Url(comma, Parameters.Empty.WithScopes("user", "account")));
    }

    [Theory]
    [InlineData("/authorize-now?unique=param", null, "https://authorization-server.org/authorize-now?unique=param&response_type=code&client_id=client-id")]
    [InlineData("/authorize-now?response_type=token", null, "https://authorization-server.org/authorize-now?response_type=code&client_id=client-id")]
    [InlineData("/authorize-now?custom=base", "override", "https://authorization-server.org/authorize-now?custom=override&response_type=code&client_id=client-id")]
    [InlineData("/authorize-now?a=1#frag", null, "https://authorization-server.org/authorize-now?a=1&response_type=code&client_id=client-id#frag")]
    public void A_query_in_authorize_path_is_kept_and_merged(string path, string? custom, string expected) =>
        Assert.Equal(expected, Url(WithPath(path), custom is null ? null : Parameters.Of(("custom", custom))));

    [Fact]
    public void Caller_may_override_response_type_and_client_id_in_place() =>
        Assert.Equal("https://authorization-server.org/oauth/authorize?response_type=token&client_id=other&x=1",
            Url(DefaultConfig(), Parameters.Of(("client_id", "other"), ("x", "1"), ("response_type", "token"))));

    [Fact]
    public void The_secret_is_never_in_the_url_and_the_id_param_name_is_used()
    {
        var config = DefaultConfig("id", "the-secret") with { Options = new OAuthOptions { AuthorizationMethod = AuthorizationMethod.Body } };
        config = config with { Client = config.Client with { IdParamName = "cid" } };
        var url = Url(config);
        Assert.Equal("https://authorization-server.org/oauth/authorize?response_type=code&cid=id", url);
    }

    [Fact]
    public void Host_is_lowercased_and_default_port_dropped() =>
        Assert.Equal("https://authorization-server.org/oauth/authorize?response_type=code&client_id=c",
            Url(DefaultConfig("c") with { Auth = new AuthSettings("https://Authorization-Server.ORG:443") }));

    [Fact]
    public void Other_grants_cannot_build_an_authorize_url() =>
        Assert.IsType<OAuthError.InvalidArgument>(Left(AuthorizeUrls.Build(Valid(DefaultConfig(), GrantKind.ClientCredentials), null)));
}
