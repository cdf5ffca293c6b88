using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Core.Requests;

/// <summary>RFC 9126 with literal vectors: the push's exact bytes for each kind of client authentication, its answer, the
/// authorize URL that refers to it, and the configuration rules.</summary>
public class PushedAuthorizationTests
{
    private static OAuthConfig Config(string? secret, AuthorizationMethod method = AuthorizationMethod.Header, bool require = false) =>
        new(new ClientSettings("client1", secret), new AuthSettings("https://as.example")
        {
            PushedAuthorizationPath = "/as/par",
            AuthorizePath = "/authorize",
            RequirePushedAuthorizationRequests = require,
        })
        { Options = OAuthOptions.Default with { AuthorizationMethod = method } };

    private static readonly Parameters Request =
        Parameters.Of(("redirect_uri", "https://client.example/cb"), ("state", "af0ifjsldkj"), ("code_challenge", "K2-ltc83acc4h0c9w6ESC_rEMTJ3bww-uCHaoeK1t8U"), ("code_challenge_method", "S256")).WithScope("api");

    private const string Body =
        "response_type=code&client_id=client1&redirect_uri=https%3A%2F%2Fclient.example%2Fcb&state=af0ifjsldkj" +
        "&code_challenge=K2-ltc83acc4h0c9w6ESC_rEMTJ3bww-uCHaoeK1t8U&code_challenge_method=S256&scope=api";

    [Fact]
    public void A_public_client_pushes_its_parameters_with_client_id()
    {
        Assert.Equal("POST /as/par HTTP/1.1\r\nHost: as.example\r\nAccept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n" + Body,
            Right(PushedAuthorizationRequests.Push(Valid(Config(null)), Request)).Render());
    }

    [Fact]
    public void A_confidential_client_authenticates_as_at_the_token_endpoint()
    {
        var basic = Right(PushedAuthorizationRequests.Push(Valid(Config("s3cret")), Request));
        Assert.Equal(Some("Basic Y2xpZW50MTpzM2NyZXQ="), basic.Header("Authorization"));
        Assert.Equal(Body, basic.Body.Render());
        var body = Right(PushedAuthorizationRequests.Push(Valid(Config("s3cret", AuthorizationMethod.Body)), Request));
        Assert.True(body.Header("Authorization").IsNone);
        Assert.Equal(Body.Replace("client_id=client1", "client_id=client1", StringComparison.Ordinal) + "&client_secret=s3cret", body.Body.Render());
    }

    [Fact]
    public void The_push_refuses_a_request_uri_a_missing_endpoint_and_other_grants()
    {
        Assert.Equal("request_uri", LeftOf<OAuthError.InvalidArgument, HttpRequestSpec>(
            PushedAuthorizationRequests.Push(Valid(Config(null)), Request.Add("request_uri", "urn:x"))).Name);
        var noPar = Config(null) with { Auth = Config(null).Auth with { PushedAuthorizationPath = null } };
        Assert.Equal("config", LeftOf<OAuthError.InvalidArgument, HttpRequestSpec>(PushedAuthorizationRequests.Push(Valid(noPar), Request)).Name);
        var cc = new OAuthConfig(new ClientSettings("c", "s"), new AuthSettings("https://as.example"));
        Assert.Equal("config", LeftOf<OAuthError.InvalidArgument, HttpRequestSpec>(PushedAuthorizationRequests.Push(Valid(cc, GrantKind.ClientCredentials), Request)).Name);
    }

    [Fact]
    public void The_answer_is_the_request_uri_and_its_expiry_on_the_clients_clock()
    {
        var answer = HttpResponseSpec.Of(201, "application/json", """{"request_uri":"urn:ietf:params:oauth:request_uri:6esc_11ACC5bwc014ltc14eY22c","expires_in":60}""");
        Assert.Equal(new PushedAuthorization("urn:ietf:params:oauth:request_uri:6esc_11ACC5bwc014ltc14eY22c", Jan1.AddSeconds(60)),
            Right(PushedAuthorizationRequests.Interpret(answer, Jan1)));
    }

    [Theory]
    [InlineData("""{"expires_in":60}""", "request_uri")]
    [InlineData("""{"request_uri":"","expires_in":60}""", "request_uri")]
    [InlineData("""{"request_uri":5,"expires_in":60}""", "request_uri")]
    [InlineData("""{"request_uri":"urn:x"}""", "expires_in")]
    [InlineData("""{"request_uri":"urn:x","expires_in":0}""", "expires_in")]
    [InlineData("""{"request_uri":"urn:x","expires_in":"60"}""", "expires_in")]
    [InlineData("""{"request_uri":"urn:x","expires_in":86401}""", "expires_in")]
    public void A_malformed_answer_names_the_member(string json, string member) =>
        Assert.Equal(member, LeftOf<OAuthError.MalformedToken, PushedAuthorization>(
            PushedAuthorizationRequests.Interpret(HttpResponseSpec.Of(201, "application/json", json), Jan1)).Field);

    [Theory]
    [InlineData(400, "invalid_request")]
    [InlineData(401, "invalid_client")]
    [InlineData(400, "invalid_request_object")]
    public void An_error_answer_is_the_servers_protocol_error(int status, string error)
    {
        var e = Assert.IsType<OAuthError.ProtocolError>(Left(PushedAuthorizationRequests.Interpret(
            HttpResponseSpec.Of(status, "application/json", $$"""{"error":"{{error}}","error_description":"nope"}"""), Jan1)));
        Assert.Equal((error, status), (e.Error, e.Status));
    }

    [Fact]
    public void The_authorize_URL_after_a_push_carries_only_client_id_and_request_uri() =>
        Assert.Equal("https://as.example/authorize?client_id=client1&request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Aabc",
            Right(AuthorizeUrls.Pushed(Valid(Config(null)), new PushedAuthorization("urn:ietf:params:oauth:request_uri:abc", Jan1))));

    [Fact]
    public void When_the_server_requires_PAR_the_plain_authorize_URL_is_refused() =>
        Assert.Equal("config", LeftOf<OAuthError.InvalidArgument, string>(AuthorizeUrls.Build(Valid(Config(null, require: true)), Request)).Name);

    [Fact]
    public void Configuration_rules_for_the_PAR_settings()
    {
        static Seq<string> Fields(OAuthConfig c, GrantKind g) =>
            Assert.IsType<OAuthError.InvalidConfig>(Left(ConfigValidation.Validate(c, g))).Problems.Map(p => p.Field);
        var cc = new OAuthConfig(new ClientSettings("c", "s"), new AuthSettings("https://as.example") { PushedAuthorizationPath = "/par", RequirePushedAuthorizationRequests = true });
        Assert.Equal(Seq("auth.pushedAuthorizationPath", "auth.requirePushedAuthorizationRequests"), Fields(cc, GrantKind.ClientCredentials));
        var noPath = Config(null, require: true) with { Auth = Config(null, require: true).Auth with { PushedAuthorizationPath = null } };
        Assert.Equal(Seq1("auth.pushedAuthorizationPath"), Fields(noPath, GrantKind.AuthorizationCode));
        var insecure = Config(null) with { Auth = Config(null).Auth with { PushedAuthorizationPath = "http://as.example/par" } };
        Assert.Equal(Seq1("auth.pushedAuthorizationPath"), Fields(insecure, GrantKind.AuthorizationCode));
    }

    [Fact]
    public void The_pushed_reference_is_not_printed() =>
        Assert.DoesNotContain("abc", new PushedAuthorization("urn:abc", Jan1).ToString());
}
