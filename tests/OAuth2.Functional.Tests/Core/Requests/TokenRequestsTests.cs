using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Core.Requests;

public class TokenRequestsTests
{
    private const string DefaultBasic = "Basic dGhlK2NsaWVudCtpZDp0aGUrY2xpZW50K3NlY3JldA==";
    private static readonly Parameters CodeParams = Parameters.Of(("code", "code"), ("redirect_uri", "http://callback.com"));

    private static HttpRequestSpec AuthCode(OAuthConfig config, Parameters p, RequestOptions? o = null) =>
        Right(TokenRequests.AuthorizationCode(Valid(config), p, o));

    [Fact]
    public void Authorization_code_request_bytes_match_the_spec()
    {
        var p = Parameters.Of(("code", "code"), ("redirect_uri", "http://callback.com")).WithScopes("a", "b").Add("extra", "x y");
        var request = AuthCode(DefaultConfig(), p);
        Assert.Equal(
            "POST /oauth/token HTTP/1.1\r\nHost: authorization-server.org\r\n" +
            "Accept: application/json\r\n" +
            $"Authorization: {DefaultBasic}\r\n" +
            "Content-Type: application/x-www-form-urlencoded\r\n\r\n" +
            "grant_type=authorization_code&code=code&redirect_uri=http%3A%2F%2Fcallback.com&scope=a%20b&extra=x%20y",
            request.Render());
    }

    [Theory]
    [InlineData(AuthorizationMethod.Header, BodyFormat.Form, DefaultBasic, "application/x-www-form-urlencoded",
        "grant_type=authorization_code&code=code&redirect_uri=http%3A%2F%2Fcallback.com")]
    [InlineData(AuthorizationMethod.Header, BodyFormat.Json, DefaultBasic, "application/json",
        "{\"grant_type\":\"authorization_code\",\"code\":\"code\",\"redirect_uri\":\"http://callback.com\"}")]
    [InlineData(AuthorizationMethod.Body, BodyFormat.Form, null, "application/x-www-form-urlencoded",
        "grant_type=authorization_code&code=code&redirect_uri=http%3A%2F%2Fcallback.com&client_id=the%20client%20id&client_secret=the%20client%20secret")]
    [InlineData(AuthorizationMethod.Body, BodyFormat.Json, null, "application/json",
        "{\"grant_type\":\"authorization_code\",\"code\":\"code\",\"redirect_uri\":\"http://callback.com\",\"client_id\":\"the client id\",\"client_secret\":\"the client secret\"}")]
    public void Method_and_format_matrix_matches_the_spec(AuthorizationMethod method, BodyFormat format, string? authorization, string contentType, string body)
    {
        var config = DefaultConfig() with { Options = new OAuthOptions { AuthorizationMethod = method, BodyFormat = format } };
        var request = AuthCode(config, CodeParams);
        Assert.Equal(Optional(authorization), request.Header("Authorization"));
        Assert.Equal(Some(contentType), request.Header("Content-Type"));
        Assert.Equal(body, request.Body.Render());
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(body), request.Body.RenderBytes());
        Assert.Equal("POST", request.Method);
    }

    [Fact]
    public void Client_credentials_without_params_sends_only_the_grant_type()
    {
        var request = Right(TokenRequests.ClientCredentials(Valid(DefaultConfig(), GrantKind.ClientCredentials), null));
        Assert.Equal("grant_type=client_credentials", request.Body.Render());
    }

    [Fact]
    public void Password_grant_body()
    {
        var request = Right(TokenRequests.Password(Valid(DefaultConfig(), GrantKind.ResourceOwnerPassword),
            Parameters.Of(("username", "alice"), ("password", "secret"))));
        Assert.Equal("grant_type=password&username=alice&password=secret", request.Body.Render());
    }

    [Fact]
    public void Renamed_id_and_secret_params_in_body_mode()
    {
        var config = DefaultConfig("id", "sec") with { Options = new OAuthOptions { AuthorizationMethod = AuthorizationMethod.Body } };
        config = config with { Client = config.Client with { IdParamName = "cid", SecretParamName = "csec" } };
        var request = Right(TokenRequests.ClientCredentials(Valid(config, GrantKind.ClientCredentials), Parameters.Empty.WithScopes("one", "two")));
        Assert.Equal("grant_type=client_credentials&scope=one%20two&cid=id&csec=sec", request.Body.Render());
    }

    [Fact]
    public void Body_credentials_overwrite_a_caller_param_of_the_same_name_in_place()
    {
        var config = DefaultConfig("id", "sec") with { Options = new OAuthOptions { AuthorizationMethod = AuthorizationMethod.Body } };
        var request = Right(TokenRequests.ClientCredentials(Valid(config, GrantKind.ClientCredentials),
            Parameters.Of(("client_id", "mine"), ("x", "1"))));
        Assert.Equal("grant_type=client_credentials&client_id=id&x=1&client_secret=sec", request.Body.Render());
    }

    [Theory]
    [InlineData(BodyFormat.Form, "grant_type=client_credentials&resource=https%3A%2F%2Fa&scope=x&resource=https%3A%2F%2Fb")]
    [InlineData(BodyFormat.Json, "{\"grant_type\":\"client_credentials\",\"resource\":[\"https://a\",\"https://b\"],\"scope\":\"x\"}")]
    public void A_repeated_parameter_is_repeated_in_a_form_and_an_array_in_json(BodyFormat format, string body)
    {
        var config = DefaultConfig() with { Options = new OAuthOptions { BodyFormat = format } };
        var request = Right(TokenRequests.ClientCredentials(Valid(config, GrantKind.ClientCredentials),
            Parameters.Of(("resource", "https://a"), ("scope", "x"), ("resource", "https://b"))));
        Assert.Equal(body, request.Body.Render());
    }

    [Fact]
    public void Grant_type_can_be_overridden_in_place()
    {
        var request = Right(TokenRequests.ClientCredentials(Valid(DefaultConfig(), GrantKind.ClientCredentials),
            Parameters.Of(("scope", "a"), ("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"))));
        Assert.Equal("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&scope=a", request.Body.Render());
    }

    [Fact]
    public void Scope_separator_joins_scope_lists()
    {
        var config = DefaultConfig() with { Options = new OAuthOptions { ScopeSeparator = "," } };
        var request = Right(TokenRequests.ClientCredentials(Valid(config, GrantKind.ClientCredentials), Parameters.Empty.WithScopes("a", "b")));
        Assert.Equal("grant_type=client_credentials&scope=a%2Cb", request.Body.Render());
        var empty = Right(TokenRequests.ClientCredentials(Valid(config, GrantKind.ClientCredentials), Parameters.Empty.WithScopes()));
        Assert.Equal("grant_type=client_credentials&scope=", empty.Body.Render());
    }

    [Fact]
    public void Header_precedence_library_over_call_over_config_over_defaults()
    {
        var config = DefaultConfig() with
        {
            Http = new HttpSettings { Headers = Seq(("X-Config", "c"), ("X-Both", "config"), ("authorization", "Bearer mine"), ("Content-Type", "text/plain")) },
        };
        var request = AuthCode(config, CodeParams, RequestOptions.WithHeaders(("accept", "text/plain"), ("X-Both", "call"), ("X-Call", "1")));
        Assert.Equal(Seq(
            ("Accept", "text/plain"),
            ("X-Config", "c"),
            ("X-Both", "call"),
            ("authorization", DefaultBasic),
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("X-Call", "1")), request.Headers);
    }

    [Fact]
    public void In_body_mode_a_caller_authorization_header_is_sent_unchanged()
    {
        var config = DefaultConfig() with { Options = new OAuthOptions { AuthorizationMethod = AuthorizationMethod.Body } };
        var request = AuthCode(config, CodeParams, RequestOptions.WithHeaders(("Authorization", "Bearer mine")));
        Assert.Equal(Some("Bearer mine"), request.Header("Authorization"));
    }

    [Theory]
    [InlineData(AuthorizationMethod.Header)]
    [InlineData(AuthorizationMethod.Body)]
    public void A_public_client_sends_client_id_in_the_body_and_no_basic_header(AuthorizationMethod method)
    {
        var config = DefaultConfig("spa", null) with { Options = new OAuthOptions { AuthorizationMethod = method } };
        var request = AuthCode(config, CodeParams.Add("code_verifier", "v"));
        Assert.True(request.Header("Authorization").IsNone);
        Assert.Equal("grant_type=authorization_code&code=code&redirect_uri=http%3A%2F%2Fcallback.com&code_verifier=v&client_id=spa", request.Body.Render());
    }

    [Fact]
    public void Refresh_forces_the_tokens_refresh_token_last_and_follows_refresh_path()
    {
        var config = DefaultConfig() with { Auth = new AuthSettings(Host) { TokenPath = "/t", RefreshPath = "/r" } };
        var token = Token("{\"access_token\":\"at\",\"refresh_token\":\"RT\"}");
        var request = Right(TokenRequests.Refresh(Valid(config), token, Parameters.Empty.WithScopes("scope-a", "scope-b")));
        Assert.Equal("https://authorization-server.org/r", request.Url.AbsoluteUri);
        Assert.Equal("grant_type=refresh_token&scope=scope-a%20scope-b&refresh_token=RT", request.Body.Render());
        var positioned = Right(TokenRequests.Refresh(Valid(config), token, Parameters.Of(("refresh_token", "ignored"), ("x", "1"))));
        Assert.Equal("grant_type=refresh_token&refresh_token=RT&x=1", positioned.Body.Render());
    }

    [Fact]
    public void Refresh_without_a_refresh_token_is_an_invalid_argument()
    {
        var error = LeftOf<OAuthError.InvalidArgument, HttpRequestSpec>(
            TokenRequests.Refresh(Valid(DefaultConfig()), Token("{\"access_token\":\"at\"}")));
        Assert.Equal("token", error.Name);
    }

    [Theory]
    [InlineData(TokenKind.AccessToken, "token=OLD&token_type_hint=access_token")]
    [InlineData(TokenKind.RefreshToken, "token=RT&token_type_hint=refresh_token")]
    public void Revoke_body_and_credentials(TokenKind kind, string body)
    {
        var token = Token("{\"access_token\":\"OLD\",\"refresh_token\":\"RT\"}");
        var request = Right(TokenRequests.Revoke(Valid(DefaultConfig()), token, kind));
        Assert.Equal("https://authorization-server.org/oauth/revoke", request.Url.AbsoluteUri);
        Assert.Equal(body, request.Body.Render());
        Assert.Equal(Some(DefaultBasic), request.Header("Authorization"));
    }

    [Fact]
    public void Revoke_rejects_an_unknown_token_kind_before_any_request() =>
        Assert.Equal("Invalid token type. Only access_token or refresh_token are valid values",
            LeftOf<OAuthError.InvalidArgument, HttpRequestSpec>(TokenRequests.Revoke(Valid(DefaultConfig()), Token("{\"access_token\":\"a\"}"), (TokenKind)9)).Reason);

    [Fact]
    public void Bad_call_arguments_are_values_not_exceptions()
    {
        var v = Valid(DefaultConfig());
        Assert.IsType<OAuthError.InvalidArgument>(Left(TokenRequests.ClientCredentials(null!, Parameters.Empty)));
        Assert.IsType<OAuthError.InvalidArgument>(Left(TokenRequests.ClientCredentials(v, Parameters.Of(("a", null!)))));
        Assert.IsType<OAuthError.InvalidArgument>(Left(TokenRequests.ClientCredentials(v, new Parameters(Seq1<(string, ParamValue)>((null!, new ParamValue.Text("x")))))));
        Assert.IsType<OAuthError.InvalidArgument>(Left(TokenRequests.ClientCredentials(v, Parameters.Empty, RequestOptions.WithHeaders(("X", "a\nb")))));
        Assert.IsType<OAuthError.InvalidArgument>(Left(TokenRequests.Revoke(v, null, TokenKind.AccessToken)));
    }

    [Fact]
    public void Request_descriptions_print_no_secret()
    {
        var request = AuthCode(DefaultConfig("id", "s3cret"), Parameters.Of(("code", "c0de"), ("password", "pa55")));
        var text = request.ToString();
        Assert.DoesNotContain("s3cret", text);
        Assert.DoesNotContain("c0de", text);
        Assert.DoesNotContain("pa55", text);
        Assert.DoesNotContain("Basic ", text);
        Assert.DoesNotContain("pa55", Parameters.Of(("password", "pa55")).ToString());
    }
}
