using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Core.Requests;

public class UrlResolutionTests
{
    [Theory]
    [InlineData("https://authorization-server.org", "/oauth/token", "https://authorization-server.org/oauth/token")]
    [InlineData("https://authorization-server.org:443/root/", "/oauth/token", "https://authorization-server.org/oauth/token")]
    [InlineData("https://x.org/root/", "oauth/token", "https://x.org/root/oauth/token")]
    [InlineData("https://x.org/root", "oauth/token", "https://x.org/oauth/token")]
    [InlineData("https://x.org/root/", "/oauth/token?x=1", "https://x.org/oauth/token?x=1")]
    [InlineData("https://x.org?q=1", "/oauth/token", "https://x.org/oauth/token")]
    [InlineData("https://x.org/root/", "https://other.org/abs/token", "https://other.org/abs/token")]
    public void Token_path_resolves_against_token_host(string host, string path, string expected)
    {
        var v = Valid(DefaultConfig() with { Auth = new AuthSettings(host) { TokenPath = path } }, GrantKind.ClientCredentials);
        Assert.Equal(expected, v.TokenUrl.AbsoluteUri);
        var request = Right(TokenRequests.ClientCredentials(v, Parameters.Empty));
        Assert.Equal(expected, request.Url.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://other-authorization-server.com/root/", null, "https://other-authorization-server.com/oauth/authorize")]
    [InlineData("https://other-authorization-server.com/api/", "/authorize-now", "https://other-authorization-server.com/authorize-now")]
    public void Authorize_path_resolves_against_authorize_host(string host, string? path, string expected)
    {
        var v = Valid(DefaultConfig() with { Auth = new AuthSettings(Host) { AuthorizeHost = host, AuthorizePath = path } });
        Assert.Equal(expected, v.AuthorizeBase.IfNone(""));
    }
}
