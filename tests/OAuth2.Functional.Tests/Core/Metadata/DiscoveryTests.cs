using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Core.Metadata;

/// <summary>Discovery's pure parts with literal vectors: the well-known URLs (RFC 8414 §3.1 path insertion, OIDC appending),
/// the request, the metadata interpreter's rules, and configurations built from metadata.</summary>
public class DiscoveryTests
{
    private const string Issuer = "https://as.example/tenant";

    [Theory]
    [InlineData("https://as.example", MetadataDocument.OAuthAuthorizationServer, "https://as.example/.well-known/oauth-authorization-server")]
    [InlineData("https://as.example/", MetadataDocument.OAuthAuthorizationServer, "https://as.example/.well-known/oauth-authorization-server")]
    [InlineData("https://as.example/tenant", MetadataDocument.OAuthAuthorizationServer, "https://as.example/.well-known/oauth-authorization-server/tenant")]
    [InlineData("https://as.example/tenant/", MetadataDocument.OAuthAuthorizationServer, "https://as.example/.well-known/oauth-authorization-server/tenant")]
    [InlineData("https://as.example:8443/a/b", MetadataDocument.OAuthAuthorizationServer, "https://as.example:8443/.well-known/oauth-authorization-server/a/b")]
    [InlineData("https://as.example", MetadataDocument.OpenIdConfiguration, "https://as.example/.well-known/openid-configuration")]
    [InlineData("https://as.example/tenant", MetadataDocument.OpenIdConfiguration, "https://as.example/tenant/.well-known/openid-configuration")]
    [InlineData("https://as.example/tenant/", MetadataDocument.OpenIdConfiguration, "https://as.example/tenant/.well-known/openid-configuration")]
    [InlineData("http://127.0.0.1:5000/", MetadataDocument.OpenIdConfiguration, "http://127.0.0.1:5000/.well-known/openid-configuration")]
    public void The_well_known_URL_follows_the_insertion_and_appending_rules(string issuer, MetadataDocument document, string expected) =>
        Assert.Equal(expected, Right(Discovery.WellKnownUrl(issuer, document)).AbsoluteUri);

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("as.example", "must be an absolute https URL")]
    [InlineData("ftp://as.example", "must be an absolute https URL")]
    [InlineData("http://as.example", "must use https (plain http is allowed only for loopback hosts)")]
    [InlineData("https://user:pw@as.example", "must not contain user info")]
    [InlineData("https://as.example/?tenant=1", "must not have a query or a fragment (RFC 8414 §2)")]
    [InlineData("https://as.example/#x", "must not have a query or a fragment (RFC 8414 §2)")]
    public void A_bad_issuer_is_an_argument_error_naming_issuer(string? issuer, string reason) =>
        Assert.Equal(new OAuthError.InvalidArgument("issuer", reason), Left(Discovery.WellKnownUrl(issuer, MetadataDocument.OAuthAuthorizationServer)));

    [Fact]
    public void Plain_http_off_loopback_needs_the_explicit_opt_in() =>
        Assert.Equal("http://as.example/.well-known/oauth-authorization-server",
            Right(Discovery.WellKnownUrl("http://as.example", MetadataDocument.OAuthAuthorizationServer, allowInsecureHttp: true)).AbsoluteUri);

    [Fact]
    public void The_request_is_a_plain_GET_for_JSON() =>
        Assert.Equal("GET /.well-known/oauth-authorization-server/tenant HTTP/1.1\r\nHost: as.example\r\nAccept: application/json\r\n\r\n",
            Right(Discovery.Request(Issuer, MetadataDocument.OAuthAuthorizationServer)).Render());

    private const string Document = """
        {"issuer":"https://as.example/tenant",
         "authorization_endpoint":"https://as.example/tenant/authorize",
         "token_endpoint":"https://as.example/tenant/token",
         "revocation_endpoint":"https://as.example/tenant/revoke",
         "introspection_endpoint":"https://as.example/tenant/introspect",
         "device_authorization_endpoint":"https://as.example/tenant/device",
         "pushed_authorization_request_endpoint":"https://as.example/tenant/par",
         "jwks_uri":"https://as.example/tenant/jwks",
         "grant_types_supported":["authorization_code","refresh_token"],
         "response_types_supported":["code"],
         "scopes_supported":["openid","api"],
         "token_endpoint_auth_methods_supported":["private_key_jwt","client_secret_basic"],
         "code_challenge_methods_supported":["S256"],
         "authorization_response_iss_parameter_supported":true,
         "require_pushed_authorization_requests":true,
         "dpop_signing_alg_values_supported":["ES256","RS256"],
         "x_vendor_feature":{"a":1}}
        """;

    private static Either<OAuthError, AuthorizationServerMetadata> Read(string json, string issuer = Issuer, int status = 200, string contentType = "application/json") =>
        Discovery.Interpret(HttpResponseSpec.Of(status, contentType, json), issuer);

    [Fact]
    public void A_full_document_reads_into_every_typed_member_and_keeps_unknown_ones()
    {
        var m = Right(Read(Document));
        Assert.Equal(Issuer, m.Issuer);
        Assert.Equal(Some(new Uri("https://as.example/tenant/authorize")), m.AuthorizationEndpoint);
        Assert.Equal(Some(new Uri("https://as.example/tenant/token")), m.TokenEndpoint);
        Assert.Equal(Some(new Uri("https://as.example/tenant/revoke")), m.RevocationEndpoint);
        Assert.Equal(Some(new Uri("https://as.example/tenant/introspect")), m.IntrospectionEndpoint);
        Assert.Equal(Some(new Uri("https://as.example/tenant/device")), m.DeviceAuthorizationEndpoint);
        Assert.Equal(Some(new Uri("https://as.example/tenant/par")), m.PushedAuthorizationRequestEndpoint);
        Assert.Equal(Some(new Uri("https://as.example/tenant/jwks")), m.JwksUri);
        Assert.Equal(Seq("authorization_code", "refresh_token"), m.GrantTypesSupported);
        Assert.Equal(Seq1("code"), m.ResponseTypesSupported);
        Assert.Equal(Seq("openid", "api"), m.ScopesSupported);
        Assert.Equal(Seq(TokenEndpointAuthMethod.PrivateKeyJwt, TokenEndpointAuthMethod.ClientSecretBasic), m.TokenEndpointAuthMethodsSupported);
        Assert.Equal(Seq1("S256"), m.CodeChallengeMethodsSupported);
        Assert.True(m.AuthorizationResponseIssParameterSupported);
        Assert.True(m.RequirePushedAuthorizationRequests);
        Assert.Equal(Seq("ES256", "RS256"), m.DpopSigningAlgValuesSupported);
        Assert.Equal(17, m.Members.Count);
        var vendor = m.Members.Find(f => f.Name == "x_vendor_feature").IfNone(() => throw new Xunit.Sdk.XunitException("kept"));
        Assert.Equal("{\"a\":1}", vendor.Value);
    }

    [Fact]
    public void A_minimal_document_gets_the_RFC_defaults_only_through_the_effective_members()
    {
        var m = Right(Read("""{"issuer":"https://as.example/tenant","token_endpoint":"https://as.example/t","grant_types_supported":null}"""));
        Assert.True(m.TokenEndpointAuthMethodsSupported.IsEmpty);
        Assert.Equal(Seq1(TokenEndpointAuthMethod.ClientSecretBasic), m.EffectiveTokenEndpointAuthMethods);
        Assert.Equal(Seq("authorization_code", "implicit"), m.EffectiveGrantTypes);
        Assert.False(m.SupportsPkceS256);
        Assert.False(m.AuthorizationResponseIssParameterSupported);
        Assert.False(m.RequirePushedAuthorizationRequests);
        Assert.True(m.AuthorizationEndpoint.IsNone);
    }

    [Theory]
    [InlineData("https://as.example/tenant/")]
    [InlineData("https://AS.example/tenant")]
    [InlineData("https://as.example/Tenant")]
    [InlineData("https://as.example:443/tenant")]
    [InlineData("https://attacker.example/tenant")]
    public void An_issuer_that_is_not_exactly_the_requested_one_is_refused(string stated) =>
        Assert.Equal("issuer", LeftOf<OAuthError.MalformedMetadata, AuthorizationServerMetadata>(
            Read($$"""{"issuer":"{{stated}}","token_endpoint":"https://as.example/t"}""")).Member);

    [Theory]
    [InlineData("""{"token_endpoint":"https://as.example/t"}""", "issuer", "is missing")]
    [InlineData("""{"issuer":5}""", "issuer", "must be a string, not a number")]
    [InlineData("""{"issuer":"https://as.example/tenant","issuer":"https://as.example/tenant"}""", "issuer", "appears more than once")]
    [InlineData("""{"issuer":"https://as.example/tenant","x":1,"x":2}""", "(an unknown member)", "appears more than once")]
    [InlineData("""{"issuer":"https://as.example/tenant","token_endpoint":"http://as.example/t"}""", "token_endpoint", "must use https (plain http is allowed only for loopback hosts)")]
    [InlineData("""{"issuer":"https://as.example/tenant","token_endpoint":"/t"}""", "token_endpoint", "must be an absolute https URL")]
    [InlineData("""{"issuer":"https://as.example/tenant","jwks_uri":"https://u:p@as.example/j"}""", "jwks_uri", "must not contain user info")]
    [InlineData("""{"issuer":"https://as.example/tenant","authorization_endpoint":"https://as.example/a#f"}""", "authorization_endpoint", "must not have a fragment")]
    [InlineData("""{"issuer":"https://as.example/tenant","pushed_authorization_request_endpoint":["https://as.example/p"]}""", "pushed_authorization_request_endpoint", "must be a string, not an array")]
    [InlineData("""{"issuer":"https://as.example/tenant","grant_types_supported":"authorization_code"}""", "grant_types_supported", "must be an array of strings, not a string")]
    [InlineData("""{"issuer":"https://as.example/tenant","token_endpoint_auth_methods_supported":["client_secret_basic",1]}""", "token_endpoint_auth_methods_supported", "must be an array of strings")]
    [InlineData("""{"issuer":"https://as.example/tenant","require_pushed_authorization_requests":"true"}""", "require_pushed_authorization_requests", "must be a boolean, not a string")]
    [InlineData("""{"issuer":"https://as.example/tenant","authorization_response_iss_parameter_supported":1}""", "authorization_response_iss_parameter_supported", "must be a boolean, not a number")]
    public void A_bad_member_is_named_in_the_error(string json, string member, string reason) =>
        Assert.Equal(new OAuthError.MalformedMetadata(member, reason), Left(Read(json)));

    [Fact]
    public void Loopback_endpoints_may_be_plain_http() =>
        Assert.Equal(Some(new Uri("http://127.0.0.1:5000/token")),
            Right(Read("""{"issuer":"http://127.0.0.1:5000/","token_endpoint":"http://127.0.0.1:5000/token"}""", "http://127.0.0.1:5000/")).TokenEndpoint);

    [Fact]
    public void Responses_that_are_not_a_document_get_the_usual_errors()
    {
        Assert.Equal(404, Assert.IsType<OAuthError.HttpError>(Left(Read("not here", status: 404, contentType: "text/plain"))).Status);
        Assert.Equal("invalid_request", ServerError(Left(Read("""{"error":"invalid_request"}""", status: 400))));
        Assert.IsType<OAuthError.UnexpectedContent>(Left(Read("<html/>", contentType: "text/html")));
        Assert.IsType<OAuthError.UnexpectedRedirect>(Left(Discovery.Interpret(
            new HttpResponseSpec(301, "Moved", Seq1(("Location", "https://elsewhere/")), None, System.Array.Empty<byte>()), Issuer)));
        Assert.Equal(new OAuthError.InvalidArgument("issuer", "is required"), Left(Discovery.Interpret(HttpResponseSpec.Of(200, "application/json", Document), null)));
    }

    [Fact]
    public void The_callback_expectation_follows_the_iss_flag()
    {
        var m = Right(Read(Document));
        Assert.Equal(new CallbackExpectation("s", Some(Issuer), true), m.CallbackExpectation("s"));
        Assert.Equal(new CallbackExpectation("s", Some(Issuer), false), (m with { AuthorizationResponseIssParameterSupported = false }).CallbackExpectation("s"));
    }

    [Fact]
    public void A_code_client_configuration_uses_every_endpoint_and_the_PAR_requirement()
    {
        var m = Right(Read(Document));
        var config = Right(Discovery.ConfigFor(m, GrantKind.AuthorizationCode, new ClientSettings("web", "secret")));
        var valid = Valid(config);
        Assert.Equal(new Uri("https://as.example/tenant/token"), valid.TokenUrl);
        Assert.Equal(new Uri("https://as.example/tenant/revoke"), valid.RevokeUrl);
        Assert.Equal(new Uri("https://as.example/tenant/introspect"), valid.IntrospectUrl);
        Assert.Equal(new Uri("https://as.example/tenant/device"), valid.DeviceAuthorizationUrl);
        Assert.Equal(Some("https://as.example/tenant/authorize"), valid.AuthorizeBase);
        Assert.Equal(Some(new Uri("https://as.example/tenant/par")), valid.PushedAuthorizationUrl);
        Assert.True(config.Auth.RequirePushedAuthorizationRequests);
        Assert.Equal(AuthorizationMethod.Header, config.Options.AuthorizationMethod);
    }

    [Fact]
    public void Other_grants_get_no_authorize_or_PAR_settings()
    {
        var config = Right(Discovery.ConfigFor(Right(Read(Document)), GrantKind.ClientCredentials, new ClientSettings("svc", "secret")));
        Assert.Null(config.Auth.AuthorizePath);
        Assert.Null(config.Auth.PushedAuthorizationPath);
        Assert.False(config.Auth.RequirePushedAuthorizationRequests);
    }

    [Fact]
    public void The_client_authentication_method_follows_the_servers_list()
    {
        AuthorizationServerMetadata With(params string[] methods) =>
            Right(Read("""{"issuer":"https://as.example/tenant","token_endpoint":"https://as.example/t"}""")) with
            {
                TokenEndpointAuthMethodsSupported = toSeq(methods.Select(n => new TokenEndpointAuthMethod(n))),
            };
        var secret = new ClientSettings("svc", "secret");
        Assert.Equal(AuthorizationMethod.Header, Right(Discovery.ConfigFor(With(), GrantKind.ClientCredentials, secret)).Options.AuthorizationMethod);
        Assert.Equal(AuthorizationMethod.Body, Right(Discovery.ConfigFor(With("client_secret_post"), GrantKind.ClientCredentials, secret)).Options.AuthorizationMethod);
        Assert.Equal("client", LeftOf<OAuthError.InvalidArgument, OAuthConfig>(Discovery.ConfigFor(With("private_key_jwt"), GrantKind.ClientCredentials, secret)).Name);
        Assert.True(Discovery.ConfigFor(With("private_key_jwt"), GrantKind.ClientCredentials, new ClientSettings("public")).IsRight);
    }

    [Fact]
    public void An_explicit_method_is_kept_when_the_server_lists_it_and_JWT_methods_are_addressed_to_the_issuer()
    {
        AuthorizationServerMetadata With(params string[] methods) =>
            Right(Read("""{"issuer":"https://as.example/tenant","token_endpoint":"https://as.example/t"}""")) with
            {
                TokenEndpointAuthMethodsSupported = toSeq(methods.Select(n => new TokenEndpointAuthMethod(n))),
            };
        var key = Right(SigningKey.Generate());
        var keyed = new ClientSettings("svc") { Authentication = new ClientAuthMethod.PrivateKeyJwt(key) };
        var chosen = Right(Discovery.ConfigFor(With("client_secret_basic", "private_key_jwt"), GrantKind.ClientCredentials, keyed)).Client.Authentication;
        Assert.Equal("https://as.example/tenant", Assert.IsType<ClientAuthMethod.PrivateKeyJwt>(chosen).Issuer);
        // An issuer the caller named is theirs to keep.
        var named = keyed with { Authentication = new ClientAuthMethod.PrivateKeyJwt(key) { Issuer = "https://other.example/" } };
        Assert.Equal("https://other.example/", Assert.IsType<ClientAuthMethod.PrivateKeyJwt>(
            Right(Discovery.ConfigFor(With("private_key_jwt"), GrantKind.ClientCredentials, named)).Client.Authentication).Issuer);
        // A method the server lists nothing of is refused by name; a server that lists nothing accepts what the caller chose.
        Assert.Equal("client.authentication", LeftOf<OAuthError.InvalidArgument, OAuthConfig>(
            Discovery.ConfigFor(With("client_secret_basic"), GrantKind.ClientCredentials, keyed)).Name);
        Assert.IsType<ClientAuthMethod.PrivateKeyJwt>(Right(Discovery.ConfigFor(With(), GrantKind.ClientCredentials, keyed)).Client.Authentication);
        // A secret alone never upgrades to client_secret_jwt: servers register each client for one method.
        var secret = new ClientSettings("svc", "a-secret-of-more-than-thirty-two-bytes-0123456789");
        var config = Right(Discovery.ConfigFor(With("client_secret_jwt", "client_secret_basic"), GrantKind.ClientCredentials, secret));
        Assert.Null(config.Client.Authentication);
        Assert.Equal(AuthorizationMethod.Header, config.Options.AuthorizationMethod);
    }

    [Fact]
    public void A_configuration_needs_the_endpoints_of_its_grant()
    {
        var bare = Right(Read("""{"issuer":"https://as.example/tenant"}"""));
        Assert.Equal("token_endpoint", LeftOf<OAuthError.MalformedMetadata, OAuthConfig>(Discovery.ConfigFor(bare, GrantKind.ClientCredentials, new ClientSettings("c"))).Member);
        var tokenOnly = bare with { TokenEndpoint = Some(new Uri("https://as.example/t")) };
        Assert.Equal("authorization_endpoint", LeftOf<OAuthError.MalformedMetadata, OAuthConfig>(Discovery.ConfigFor(tokenOnly, GrantKind.AuthorizationCode, new ClientSettings("c"))).Member);
        Assert.Equal("device_authorization_endpoint", LeftOf<OAuthError.MalformedMetadata, OAuthConfig>(Discovery.ConfigFor(tokenOnly, GrantKind.DeviceCode, new ClientSettings("c"))).Member);
        Assert.Equal(new Uri("https://as.example/oauth/revoke"), Valid(Right(Discovery.ConfigFor(tokenOnly, GrantKind.ClientCredentials, new ClientSettings("c"))), GrantKind.ClientCredentials).RevokeUrl);
    }
}
