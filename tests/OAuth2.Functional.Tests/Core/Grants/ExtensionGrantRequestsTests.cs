using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Core.Grants;

/// <summary>Token exchange (RFC 8693), JWT bearer (RFC 7523) and the generic grant through the pure builders, with literal
/// vectors: the exact bytes sent.</summary>
public class ExtensionGrantRequestsTests
{
    private static ValidConfig Confidential => Valid(DefaultConfig("c", "s"), GrantKind.Extension);
    private static ValidConfig InBody => Valid(DefaultConfig("c", "s") with { Options = new OAuthOptions { AuthorizationMethod = AuthorizationMethod.Body } }, GrantKind.Extension);
    private static ValidConfig Public => Valid(new OAuthConfig(new ClientSettings("pub", null), new AuthSettings("https://as.example.com")), GrantKind.Extension);

    private const string Head =
        "POST /oauth/token HTTP/1.1\r\nHost: authorization-server.org\r\nAccept: application/json\r\nAuthorization: Basic Yzpz\r\n" +
        "Content-Type: application/x-www-form-urlencoded\r\n\r\n";

    [Fact]
    public void A_full_token_exchange_is_sent_in_RFC_8693_order_with_every_audience_and_resource()
    {
        var request = TokenExchangeRequest.For("subj.jwt", TokenTypeUri.Jwt)
            .WithActor("act.tok", TokenTypeUri.AccessToken)
            .WithAudience("orders", "billing")
            .WithResource("https://orders.example/api", "urn:example:ledger")
            .WithScopes("read", "write")
            .Requesting(TokenTypeUri.RefreshToken)
            .WithParameters(Parameters.Of(("custom", "x y")));
        Assert.Equal(Head +
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange" +
            "&resource=https%3A%2F%2Forders.example%2Fapi&resource=urn%3Aexample%3Aledger" +
            "&audience=orders&audience=billing&scope=read%20write" +
            "&requested_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Arefresh_token" +
            "&subject_token=subj.jwt&subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Ajwt" +
            "&actor_token=act.tok&actor_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token&custom=x%20y",
            Right(TokenExchangeRequests.Exchange(Confidential, request)).Render());
    }

    [Fact]
    public void A_minimal_exchange_by_a_public_client_carries_its_id_and_a_custom_token_type()
    {
        var type = Right(TokenTypeUri.Of("https://tokens.example/legacy"));
        Assert.Equal(
            "POST /oauth/token HTTP/1.1\r\nHost: as.example.com\r\nAccept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n" +
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&subject_token=t&subject_token_type=https%3A%2F%2Ftokens.example%2Flegacy&client_id=pub",
            Right(TokenExchangeRequests.Exchange(Public, TokenExchangeRequest.For("t", type))).Render());
    }

    [Fact]
    public void Body_authentication_and_json_bodies_follow_the_configuration_repeated_names_becoming_a_json_array()
    {
        var json = Valid(DefaultConfig("c", "s") with { Options = new OAuthOptions { AuthorizationMethod = AuthorizationMethod.Body, BodyFormat = BodyFormat.Json } },
            GrantKind.Extension);
        var request = Right(TokenExchangeRequests.Exchange(json, TokenExchangeRequest.For("t", TokenTypeUri.AccessToken).WithAudience("a", "b")));
        Assert.Equal(None, request.Header("Authorization"));
        Assert.Equal(
            "{\"grant_type\":\"urn:ietf:params:oauth:grant-type:token-exchange\",\"audience\":[\"a\",\"b\"],\"subject_token\":\"t\"," +
            "\"subject_token_type\":\"urn:ietf:params:oauth:token-type:access_token\",\"client_id\":\"c\",\"client_secret\":\"s\"}",
            request.Body.Render());
    }

    [Theory]
    [InlineData("/api", "resource[0]")]
    [InlineData("api", "resource[0]")]
    [InlineData("https://orders.example/api#frag", "resource[0]")]
    [InlineData("https://orders.example/ api", "resource[0]")]
    [InlineData("https://orders.example/é", "resource[0]")]
    [InlineData("", "resource[0]")]
    public void A_resource_must_be_an_absolute_uri_without_fragment(string resource, string name) =>
        Assert.Equal(name, LeftOf<OAuthError.InvalidArgument, HttpRequestSpec>(
            TokenExchangeRequests.Exchange(Confidential, TokenExchangeRequest.For("t", TokenTypeUri.AccessToken).WithResource(resource))).Name);

    [Fact]
    public void The_first_bad_value_is_named_by_its_position()
    {
        var request = TokenExchangeRequest.For("t", TokenTypeUri.AccessToken).WithResource("urn:ok", "https://x.example/#f").WithAudience("a", "");
        Assert.Equal("audience[1]", LeftOf<OAuthError.InvalidArgument, HttpRequestSpec>(TokenExchangeRequests.Exchange(Confidential, request)).Name);
        Assert.Equal("resource[1]", LeftOf<OAuthError.InvalidArgument, HttpRequestSpec>(
            TokenExchangeRequests.Exchange(Confidential, TokenExchangeRequest.For("t", TokenTypeUri.AccessToken).WithResource("urn:ok", "https://x.example/#f"))).Name);
        Assert.Equal("scope[0]", LeftOf<OAuthError.InvalidArgument, HttpRequestSpec>(
            TokenExchangeRequests.Exchange(Confidential, TokenExchangeRequest.For("t", TokenTypeUri.AccessToken).WithScopes(""))).Name);
    }

    [Fact]
    public void Nulls_and_empty_tokens_are_named()
    {
        string Name(TokenExchangeRequest? r) => LeftOf<OAuthError.InvalidArgument, HttpRequestSpec>(TokenExchangeRequests.Exchange(Confidential, r)).Name;
        Assert.Equal("request", Name(null));
        Assert.Equal("subjectToken", Name(TokenExchangeRequest.For(null, TokenTypeUri.AccessToken)));
        Assert.Equal("subjectTokenType", Name(TokenExchangeRequest.For("t", null)));
        Assert.Equal("subjectToken", Name(TokenExchangeRequest.For("", TokenTypeUri.AccessToken)));
        Assert.Equal("actorTokenType", Name(TokenExchangeRequest.For("t", TokenTypeUri.AccessToken).WithActor("a", null)));
        Assert.Equal("actorToken", Name(TokenExchangeRequest.For("t", TokenTypeUri.AccessToken).WithActor("", TokenTypeUri.AccessToken)));
        Assert.Equal("audiences", Name(TokenExchangeRequest.For("t", TokenTypeUri.AccessToken).WithAudience(null!)));
        Assert.Equal("requestedTokenType", Name(TokenExchangeRequest.For("t", TokenTypeUri.AccessToken).Requesting(null)));
        Assert.Equal("config", LeftOf<OAuthError.InvalidArgument, HttpRequestSpec>(TokenExchangeRequests.Exchange(null, TokenExchangeRequest.For("t", TokenTypeUri.AccessToken))).Name);
    }

    [Theory]
    [InlineData("grant_type")]
    [InlineData("client_id")]
    [InlineData("client_secret")]
    [InlineData("client_assertion")]
    [InlineData("client_assertion_type")]
    [InlineData("subject_token")]
    [InlineData("audience")]
    [InlineData("resource")]
    [InlineData("scope")]
    public void Extra_parameters_cannot_override_the_exchange_the_grant_or_the_client(string name) =>
        Assert.Equal($"params[1] ({name})", LeftOf<OAuthError.InvalidArgument, HttpRequestSpec>(TokenExchangeRequests.Exchange(Confidential,
            TokenExchangeRequest.For("t", TokenTypeUri.AccessToken).WithParameters(Parameters.Of(("ok", "1"), (name, "evil"))))).Name);

    [Fact]
    public void The_jwt_bearer_grant_sends_the_assertion_after_the_grant_type()
    {
        Assert.Equal(Head + "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=eyJ.eyJ.sig&scope=api",
            Right(ExtensionGrants.JwtBearer(Confidential, "eyJ.eyJ.sig", Parameters.Empty.WithScopes("api"))).Render());
        Assert.Equal("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=a&client_id=c&client_secret=s",
            Right(ExtensionGrants.JwtBearer(InBody, "a")).Body.Render());
    }

    [Fact]
    public void The_jwt_bearer_assertion_is_required_and_cannot_be_replaced_by_a_parameter()
    {
        Assert.Equal("assertion", LeftOf<OAuthError.InvalidArgument, HttpRequestSpec>(ExtensionGrants.JwtBearer(Confidential, null)).Name);
        Assert.Equal("assertion", LeftOf<OAuthError.InvalidArgument, HttpRequestSpec>(ExtensionGrants.JwtBearer(Confidential, "")).Name);
        Assert.Equal("params[0] (assertion)", LeftOf<OAuthError.InvalidArgument, HttpRequestSpec>(
            ExtensionGrants.JwtBearer(Confidential, "a", Parameters.Of(("assertion", "b")))).Name);
        Assert.Equal("params[0] (grant_type)", LeftOf<OAuthError.InvalidArgument, HttpRequestSpec>(
            ExtensionGrants.JwtBearer(Confidential, "a", Parameters.Of(("grant_type", "password")))).Name);
    }

    [Fact]
    public void The_generic_grant_sends_its_grant_type_then_the_parameters_in_order()
    {
        var saml = Right(GrantType.Of("urn:ietf:params:oauth:grant-type:saml2-bearer"));
        Assert.Equal(Head + "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Asaml2-bearer&assertion=PHNhbWw%2B&scope=a%20b&x=1",
            Right(ExtensionGrants.Request(Confidential, saml, Parameters.Of(("assertion", "PHNhbWw+")).WithScopes("a", "b").Add("x", "1"))).Render());
        Assert.Equal(Head + "grant_type=client_credentials", Right(ExtensionGrants.Request(Confidential, GrantType.ClientCredentials, null)).Render());
    }

    [Fact]
    public void The_generic_grant_refuses_grant_type_and_credentials_including_renamed_ones()
    {
        var renamed = DefaultConfig("c", "s");
        renamed = renamed with { Client = renamed.Client with { IdParamName = "cid", SecretParamName = "csec" } };
        foreach (var name in new[] { "grant_type", "client_id", "client_secret", "client_assertion", "client_assertion_type", "cid", "csec" })
            Assert.Equal($"params[0] ({name})", LeftOf<OAuthError.InvalidArgument, HttpRequestSpec>(
                ExtensionGrants.Request(Valid(renamed, GrantKind.Extension), GrantType.JwtBearer, Parameters.Of((name, "v")))).Name);
        Assert.Equal("grantType", LeftOf<OAuthError.InvalidArgument, HttpRequestSpec>(ExtensionGrants.Request(Confidential, null, null)).Name);
    }

    [Theory]
    [InlineData("client_credentials", true)]
    [InlineData("password", true)]
    [InlineData("authorization_code", true)]
    [InlineData("refresh_token", true)]
    [InlineData("urn:ietf:params:oauth:grant-type:token-exchange", true)]
    [InlineData("https://grants.example/custom", true)]
    [InlineData("implicit", false)]
    [InlineData("custom", false)]
    [InlineData("/relative", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("urn:x y", false)]
    [InlineData("1urn:x", false)]
    public void A_grant_type_is_a_registered_name_or_an_absolute_uri(string? value, bool valid)
    {
        var grant = GrantType.Of(value);
        Assert.Equal(valid, grant.IsRight);
        if (valid) Assert.Equal(value, Right(grant).Value);
        else Assert.Equal("grantType", LeftOf<OAuthError.InvalidArgument, GrantType>(grant).Name);
    }

    [Theory]
    [InlineData("urn:ietf:params:oauth:token-type:access_token", true)]
    [InlineData("https://tokens.example/x", true)]
    [InlineData("access_token", false)]
    [InlineData("/x", false)]
    [InlineData(null, false)]
    public void A_token_type_is_an_absolute_uri(string? value, bool valid)
    {
        Assert.Equal(valid, TokenTypeUri.Of(value).IsRight);
        if (valid) Assert.Equal(value, Right(TokenTypeUri.Of(value)).Value);
    }

    [Fact]
    public void The_standard_token_types_are_the_registered_urns()
    {
        Assert.Equal("urn:ietf:params:oauth:token-type:access_token", TokenTypeUri.AccessToken.Value);
        Assert.Equal("urn:ietf:params:oauth:token-type:refresh_token", TokenTypeUri.RefreshToken.Value);
        Assert.Equal("urn:ietf:params:oauth:token-type:id_token", TokenTypeUri.IdToken.Value);
        Assert.Equal("urn:ietf:params:oauth:token-type:jwt", TokenTypeUri.Jwt.Value);
        Assert.Equal("urn:ietf:params:oauth:token-type:saml1", TokenTypeUri.Saml1.Value);
        Assert.Equal("urn:ietf:params:oauth:token-type:saml2", TokenTypeUri.Saml2.Value);
        Assert.Equal(TokenTypeUri.AccessToken, Right(TokenTypeUri.Of("urn:ietf:params:oauth:token-type:access_token")));
    }

    [Fact]
    public void A_request_description_prints_types_and_targets_but_no_token()
    {
        var text = TokenExchangeRequest.For("SUBJECT-SECRET", TokenTypeUri.AccessToken)
            .WithActor("ACTOR-SECRET", TokenTypeUri.Jwt).WithAudience("orders").WithResource("https://orders.example/api?k=QUERY-SECRET")
            .WithParameters(Parameters.Of(("x", "EXTRA-SECRET"))).ToString();
        Assert.DoesNotContain("SECRET", text);
        Assert.Contains("orders", text);
        Assert.Contains("urn:ietf:params:oauth:token-type:jwt", text);
        Assert.Equal("TypedToken([redacted], urn:ietf:params:oauth:token-type:jwt)", new TypedToken("SECRET", TokenTypeUri.Jwt).ToString());
    }
}
