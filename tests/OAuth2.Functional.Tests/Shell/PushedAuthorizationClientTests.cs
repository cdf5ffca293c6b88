using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Shell;

/// <summary>The authorization-code client's PAR operations over a fake transport: AuthorizeUrlAsync pushes exactly when the
/// configuration says the server requires it, through the one guarded send.</summary>
public class PushedAuthorizationClientTests
{
    private static OAuthConfig Config(bool require) =>
        new(new ClientSettings("client1"), new AuthSettings("https://as.example") { PushedAuthorizationPath = "/par", RequirePushedAuthorizationRequests = require });

    private static readonly Parameters Request = Parameters.Of(("redirect_uri", "https://app.example/cb"), ("state", "s"));

    [Fact]
    public async Task Without_the_requirement_AuthorizeUrlAsync_is_the_plain_URL_and_sends_nothing()
    {
        var fake = new FakeTransport();
        var client = Right(AuthorizationCode.Create(Config(require: false), transport: fake.Transport));
        Assert.Equal(Right(client.AuthorizeUrl(Request)), Right(await client.AuthorizeUrlAsync(Request)));
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task With_the_requirement_AuthorizeUrlAsync_pushes_once_and_refers_to_the_answer()
    {
        var fake = new FakeTransport().Answer(201, """{"request_uri":"urn:ietf:params:oauth:request_uri:r1","expires_in":90}""");
        var client = Right(AuthorizationCode.Create(Config(require: true), transport: fake.Transport));
        Assert.Equal("https://as.example/oauth/authorize?client_id=client1&request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Ar1",
            Right(await client.AuthorizeUrlAsync(Request)));
        var push = Assert.Single(fake.Requests);
        Assert.Equal("https://as.example/par", push.Url.AbsoluteUri);
        Assert.Equal("response_type=code&client_id=client1&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&state=s", push.Body.Render());
    }

    [Fact]
    public async Task A_refused_push_is_the_servers_error_and_no_URL()
    {
        var fake = new FakeTransport().Answer(400, """{"error":"invalid_request","error_description":"bad redirect_uri"}""");
        var client = Right(AuthorizationCode.Create(Config(require: true), transport: fake.Transport));
        Assert.Equal("invalid_request", ServerError(Left(await client.AuthorizeUrlAsync(Request))));
    }
}
