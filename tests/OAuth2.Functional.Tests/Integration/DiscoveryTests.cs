using OAuth2.Functional.DevServer;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Integration;

/// <summary>Discovery against the real OpenIddict server over real HTTP: both well-known documents, the exact-issuer rule on a
/// real document, and clients configured from the metadata alone.</summary>
[Collection("devserver")]
public class DiscoveryTests(DevServerFixture fixture)
{
    private DevAuthorizationServer Server => fixture.Server;

    private AuthorizationServerMetadata Fetch(MetadataDocument document) =>
        Right(Right(DiscoveryClient.Create(Server.Issuer, document)).FetchAsync().ToEither().GetAwaiter().GetResult());

    [Fact]
    public void The_OpenID_configuration_reads_into_typed_metadata()
    {
        var m = Fetch(MetadataDocument.OpenIdConfiguration);
        Assert.Equal(Server.Issuer, m.Issuer);
        Assert.Equal(Some(new Uri(Server.BaseUri, "oauth/token")), m.TokenEndpoint);
        Assert.Equal(Some(new Uri(Server.BaseUri, "oauth/authorize")), m.AuthorizationEndpoint);
        Assert.Equal(Some(new Uri(Server.BaseUri, "oauth/revoke")), m.RevocationEndpoint);
        Assert.Equal(Some(new Uri(Server.BaseUri, "oauth/introspect")), m.IntrospectionEndpoint);
        Assert.Equal(Some(new Uri(Server.BaseUri, "oauth/device")), m.DeviceAuthorizationEndpoint);
        Assert.Equal(Some(Server.PushedAuthorizationUri), m.PushedAuthorizationRequestEndpoint);
        Assert.True(m.JwksUri.IsSome);
        Assert.True(m.AuthorizationResponseIssParameterSupported);
        Assert.False(m.RequirePushedAuthorizationRequests);
        Assert.True(m.SupportsPkceS256);
        Assert.Contains(TokenEndpointAuthMethod.ClientSecretBasic, m.TokenEndpointAuthMethodsSupported);
        Assert.Contains("client_credentials", m.GrantTypesSupported);
        Assert.Contains(m.Members, f => f.Name == "issuer");
    }

    [Fact]
    public void The_server_also_serves_the_RFC_8414_document_at_the_inserted_path()
    {
        // The issuer is http://127.0.0.1:port/ (path "/"): RFC 8414 §3.1 drops the terminating slash, so both documents live at
        // the root; OpenIddict serves the same document at both.
        Assert.Equal(Server.OAuthMetadataUri, Right(Discovery.WellKnownUrl(Server.Issuer, MetadataDocument.OAuthAuthorizationServer)));
        Assert.Equal(Fetch(MetadataDocument.OpenIdConfiguration), Fetch(MetadataDocument.OAuthAuthorizationServer));
    }

    [Fact]
    public async Task A_document_whose_issuer_differs_even_by_a_slash_is_refused()
    {
        var withoutSlash = Server.Issuer.TrimEnd('/');
        var client = Right(DiscoveryClient.Create(withoutSlash, MetadataDocument.OpenIdConfiguration));
        Assert.Equal(Server.DiscoveryUri, client.Url); // the same URL: only the issuer comparison tells them apart
        Assert.Equal("issuer", LeftOf<OAuthError.MalformedMetadata, AuthorizationServerMetadata>(await client.FetchAsync().ToEither()).Member);
    }

    [Fact]
    public async Task A_client_configured_from_metadata_gets_a_token_and_revokes_it()
    {
        var m = Fetch(MetadataDocument.OpenIdConfiguration);
        var config = Right(Discovery.ConfigFor(m, GrantKind.ClientCredentials, new ClientSettings(Server.Confidential.Id, Server.Confidential.Secret)));
        var client = Right(ClientCredentials.Create(config));
        Assert.Equal(new Uri(Server.BaseUri, "oauth/token"), client.Config.TokenUrl);
        var token = Right(await client.GetTokenAsync(Parameters.Empty.WithScope("api")));
        Assert.True(Right(await client.IntrospectAsync(token)).Active);
        Assert.True((await client.RevokeAsync(token, TokenKind.AccessToken)).IsRight);
        Assert.False(Right(await client.IntrospectAsync(token)).Active);
    }

    [Fact]
    public async Task The_code_flow_from_metadata_checks_the_callback_iss_the_metadata_promises()
    {
        var cache = Right(MetadataCache.Create(Right(DiscoveryClient.Create(Server.Issuer, MetadataDocument.OpenIdConfiguration))));
        var m = Right(await cache.GetAsync());
        var client = Right(AuthorizationCode.Create(Right(Discovery.ConfigFor(m, GrantKind.AuthorizationCode, new ClientSettings(Server.Public.Id)))));
        var pkce = PkceGenerator.New();
        var url = Right(client.AuthorizeUrl(pkce.AddChallenge(Parameters.Of(("redirect_uri", DevAuthorizationServer.CallbackUri), ("state", "d-1")).WithScope("api"))));
        var expected = m.CallbackExpectation("d-1");
        Assert.True(expected.IssuerRequired);
        var callback = Right(await UserAgent.FollowAuthorizeAsync(url, expected));
        var token = Right(await client.GetTokenAsync(pkce.AddVerifier(callback.ToParameters().Add("redirect_uri", DevAuthorizationServer.CallbackUri))));
        Assert.False(string.IsNullOrEmpty(token.Value.Reveal()));
    }
}
