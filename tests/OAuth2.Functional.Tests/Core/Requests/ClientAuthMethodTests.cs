using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Core.Requests;

/// <summary>The closed set of client authentication methods: the legacy settings map onto it byte for byte, the JWT
/// methods leave an assertion to sign with its audience and type decided here, and bad methods are config problems.</summary>
public class ClientAuthMethodTests
{
    private static readonly SigningKey Key = Right(SigningKey.Generate());

    private static OAuthConfig With(ClientAuthMethod method) =>
        new(new ClientSettings("the client id") { Authentication = method }, new AuthSettings(Host));

    [Fact]
    public void The_legacy_settings_map_onto_the_closed_set()
    {
        Assert.IsType<ClientAuthMethod.None>(Valid(DefaultConfig(secret: null)).Authentication);
        Assert.Equal(new ClientAuthMethod.ClientSecretBasic("the client secret"), Valid(DefaultConfig()).Authentication);
        Assert.Equal(new ClientAuthMethod.ClientSecretBasic("the client secret", CredentialsEncodingMode.Loose),
            Valid(DefaultConfig() with { Options = new OAuthOptions { CredentialsEncodingMode = CredentialsEncodingMode.Loose } }).Authentication);
        Assert.Equal(new ClientAuthMethod.ClientSecretPost("the client secret"),
            Valid(DefaultConfig() with { Options = new OAuthOptions { AuthorizationMethod = AuthorizationMethod.Body } }).Authentication);
    }

    [Theory]
    [InlineData(AuthorizationMethod.Header, CredentialsEncodingMode.Strict)]
    [InlineData(AuthorizationMethod.Header, CredentialsEncodingMode.Loose)]
    [InlineData(AuthorizationMethod.Body, CredentialsEncodingMode.Strict)]
    public void An_explicit_secret_method_sends_the_same_bytes_as_the_legacy_settings(AuthorizationMethod where, CredentialsEncodingMode encoding)
    {
        var legacy = DefaultConfig(secret: "s3cr3t !'()*") with { Options = new OAuthOptions { AuthorizationMethod = where, CredentialsEncodingMode = encoding } };
        ClientAuthMethod method = where == AuthorizationMethod.Body
            ? new ClientAuthMethod.ClientSecretPost("s3cr3t !'()*")
            : new ClientAuthMethod.ClientSecretBasic("s3cr3t !'()*", encoding);
        var parameters = Parameters.Empty.WithScope("api");
        Assert.Equal(Right(TokenRequests.ClientCredentials(Valid(legacy), parameters)).Render(),
            Right(TokenRequests.ClientCredentials(Valid(With(method)), parameters)).Render());
    }

    [Fact]
    public void Private_key_jwt_leaves_a_classic_assertion_addressed_to_the_token_endpoint()
    {
        var request = Right(TokenRequests.ClientCredentials(Valid(With(new ClientAuthMethod.PrivateKeyJwt(Key))), null));
        Assert.True(request.Header("Authorization").IsNone);
        Assert.Equal("grant_type=client_credentials&client_id=the%20client%20id", request.Body.Render());
        var pending = request.PendingAssertion.IfNone(() => throw new InvalidOperationException("no assertion"));
        Assert.Equal(("the client id", Host + "/oauth/token", TimeSpan.FromSeconds(60), "JWT"), (pending.ClientId, pending.Audience, pending.Lifetime, pending.JwtType));
        Assert.Contains("client assertion pending", request.ToString());
    }

    [Fact]
    public void With_an_issuer_every_request_addresses_the_issuer_with_an_explicitly_typed_assertion()
    {
        var config = Valid(With(new ClientAuthMethod.ClientSecretJwt(new string('k', 32)) { Issuer = "https://as.example/", Lifetime = TimeSpan.FromSeconds(30) }));
        var token = Token("{\"access_token\":\"a\",\"refresh_token\":\"r\"}");
        var requests = Seq(TokenRequests.ClientCredentials(config, null), TokenRequests.Refresh(config, token),
            TokenRequests.Revoke(config, token, TokenKind.AccessToken), TokenRequests.Introspect(config, token, TokenKind.AccessToken),
            DeviceRequests.Authorize(config, null)).Map(Right);
        Assert.All(requests, r =>
        {
            var pending = r.PendingAssertion.IfNone(() => throw new InvalidOperationException("no assertion"));
            Assert.Equal(("https://as.example/", "client-authentication+jwt", TimeSpan.FromSeconds(30)), (pending.Audience, pending.JwtType, pending.Lifetime));
            Assert.Contains(("client_id", "the client id"), r.Body.Pairs);
        });
    }

    [Fact]
    public void The_claims_are_rfc7523_data_and_attaching_them_completes_the_request()
    {
        var request = Right(TokenRequests.ClientCredentials(Valid(With(new ClientAuthMethod.PrivateKeyJwt(Key) { Lifetime = TimeSpan.FromMilliseconds(1500) })), null));
        var pending = request.PendingAssertion.IfNone(() => throw new InvalidOperationException());
        var claims = ClientAssertionClaims.For(pending, "jti-1", Jan1);
        Assert.Equal(new ClientAssertionClaims("the client id", "the client id", Host + "/oauth/token", "jti-1", 1704067200, 1704067202), claims);
        var done = ClientAssertionClaims.Attach(request, "a.b.c");
        Assert.True(done.PendingAssertion.IsNone);
        Assert.Equal("grant_type=client_credentials&client_id=the%20client%20id&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=a.b.c",
            done.Body.Render());
    }

    [Fact]
    public void Every_problem_of_an_explicit_method_is_reported_at_once_on_its_field()
    {
        var bad = new OAuthConfig(new ClientSettings("id", "also a secret") { Authentication = new ClientAuthMethod.ClientSecretJwt("short") { Issuer = "relative/path", Lifetime = TimeSpan.FromMinutes(11) } },
            new AuthSettings(Host));
        var problems = LeftOf<OAuthError.InvalidConfig, ValidConfig>(ConfigValidation.Validate(bad, GrantKind.ClientCredentials)).Problems.Map(p => p.Field).ToList();
        Assert.Equal(new[] { "client.secret", "client.authentication.secret", "client.authentication.lifetime", "client.authentication.issuer" }, problems);
        var noKey = With(new ClientAuthMethod.PrivateKeyJwt(null!) { Lifetime = TimeSpan.Zero });
        Assert.Equal(new[] { "client.authentication.key", "client.authentication.lifetime" },
            LeftOf<OAuthError.InvalidConfig, ValidConfig>(ConfigValidation.Validate(noKey, GrantKind.ClientCredentials)).Problems.Map(p => p.Field).ToList());
    }
}

/// <summary>Choosing a method from the server's token_endpoint_auth_methods_supported.</summary>
public class ClientAuthSelectionTests
{
    private static readonly SigningKey Key = Right(SigningKey.Generate());
    private static readonly Secret Long = Secret.Of(new string('s', 32));

    private static string Name(Either<OAuthError, ClientAuthMethod> m) => Right(m).Name;

    [Fact]
    public void The_strongest_method_both_sides_have_wins()
    {
        var all = Seq("client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt", "none");
        Assert.Equal("private_key_jwt", Name(ClientAuthSelection.Choose(all, Long, Key)));
        Assert.Equal("client_secret_jwt", Name(ClientAuthSelection.Choose(all, Long, null)));
        Assert.Equal("client_secret_basic", Name(ClientAuthSelection.Choose(all, "short", null)));
        Assert.Equal("client_secret_post", Name(ClientAuthSelection.Choose(Seq1("client_secret_post"), "short", Key)));
        Assert.Equal("none", Name(ClientAuthSelection.Choose(all, null, null)));
        Assert.Equal("client_secret_basic", Name(ClientAuthSelection.Choose(Seq<string>(), "s", null)));
        Assert.Equal(Some("https://as/"), Optional(Assert.IsType<ClientAuthMethod.PrivateKeyJwt>(Right(ClientAuthSelection.Choose(all, null, Key, "https://as/"))).Issuer));
    }

    [Fact]
    public void Nothing_that_fits_is_a_left_naming_what_the_server_offers()
    {
        var error = LeftOf<OAuthError.InvalidArgument, ClientAuthMethod>(ClientAuthSelection.Choose(Seq1("tls_client_auth"), "s", null));
        Assert.Equal("token_endpoint_auth_methods_supported", error.Name);
        Assert.Contains("tls_client_auth", error.Reason);
        Assert.DoesNotContain("\"s\"", error.Reason);
    }
}
