using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Shell;

/// <summary>The extension-grant clients through a recording transport: one guarded send each, the pure builders' bytes,
/// refusals before any send, and no secret in a log line.</summary>
public class ExtensionGrantClientTests
{
    private const string Exchanged =
        "{\"access_token\":\"NEW-SECRET\",\"issued_token_type\":\"urn:ietf:params:oauth:token-type:access_token\",\"token_type\":\"Bearer\",\"expires_in\":60}";

    [Fact]
    public async Task Each_client_sends_what_its_builder_builds_and_logs_no_secret()
    {
        var logger = new ListLogger();
        var fake = new FakeTransport().Answer(200, Exchanged).Answer(200, "{\"access_token\":\"AT-SECRET\"}").Answer(200, "{\"access_token\":\"AT2-SECRET\"}");
        var config = DefaultConfig("id", "CLIENT-SECRET");
        var request = TokenExchangeRequest.For("SUBJECT-SECRET", TokenTypeUri.AccessToken).WithAudience("orders");

        var exchanged = Right(await Right(TokenExchange.Create(config, logger: logger, transport: fake.Transport)).ExchangeAsync(request));
        Right(await Right(JwtBearer.Create(config, logger: logger, transport: fake.Transport)).GetTokenAsync("ASSERTION-SECRET"));
        Right(await Right(ExtensionGrant.Create(config, GrantType.Password, logger: logger, transport: fake.Transport))
            .GetTokenAsync(Parameters.Of(("username", "u"), ("password", "PW-SECRET"))));

        Assert.Equal("NEW-SECRET", exchanged.Token.Value.Reveal());
        var valid = Valid(config, GrantKind.Extension);
        Assert.Equal(Right(TokenExchangeRequests.Exchange(valid, request)).Render(), fake.Requests[0].Render());
        Assert.Equal(Right(ExtensionGrants.JwtBearer(valid, "ASSERTION-SECRET")).Render(), fake.Requests[1].Render());
        Assert.Equal("grant_type=password&username=u&password=PW-SECRET", fake.Requests[2].Body.Render());
        Assert.Contains("Debug: OAuth2.Functional token exchange: succeeded", logger.Lines);
        Assert.Contains("Debug: OAuth2.Functional jwt bearer: succeeded", logger.Lines);
        Assert.Contains("Debug: OAuth2.Functional password: succeeded", logger.Lines);
        Assert.All(logger.Lines, l => Assert.DoesNotContain("SECRET", l));
    }

    [Fact]
    public async Task A_refused_request_never_reaches_the_transport()
    {
        var fake = new FakeTransport();
        var config = DefaultConfig("id", "s");
        Assert.Equal("params[0] (grant_type)", LeftOf<OAuthError.InvalidArgument, AccessToken>(
            await Right(ExtensionGrant.Create(config, GrantType.JwtBearer, transport: fake.Transport)).GetTokenAsync(Parameters.Of(("grant_type", "x"))).ToEither()).Name);
        Assert.Equal("params[0] (client_id)", LeftOf<OAuthError.InvalidArgument, AccessToken>(
            await Right(TokenExchange.Create(config, transport: fake.Transport)).GetTokenAsync(Parameters.Of(("client_id", "x"))).ToEither()).Name);
        Assert.Equal("assertion", LeftOf<OAuthError.InvalidArgument, AccessToken>(
            await Right(JwtBearer.Create(config, transport: fake.Transport)).GetTokenAsync((Secret?)null).ToEither()).Name);
        Assert.Equal("resource[0]", LeftOf<OAuthError.InvalidArgument, ExchangedToken>(
            await Right(TokenExchange.Create(config, transport: fake.Transport)).ExchangeAsync(
                TokenExchangeRequest.For("t", TokenTypeUri.AccessToken).WithResource("relative")).ToEither()).Name);
        Assert.Empty(fake.Requests);
        Assert.Equal("grantType", LeftOf<OAuthError.InvalidArgument, ExtensionGrant>(ExtensionGrant.Create(config, null)).Name);
    }

    [Fact]
    public async Task A_response_without_issued_token_type_is_malformed_and_the_token_source_can_run_the_generic_grant()
    {
        var fake = new FakeTransport().Answer(200, "{\"access_token\":\"t\",\"token_type\":\"Bearer\"}");
        var exchange = Right(TokenExchange.Create(DefaultConfig("id", "s"), transport: fake.Transport));
        Assert.Equal("issued_token_type", LeftOf<OAuthError.MalformedToken, ExchangedToken>(
            await exchange.ExchangeAsync(TokenExchangeRequest.For("t", TokenTypeUri.AccessToken)).ToEither()).Field);

        var generic = new FakeTransport().Answer(200, "{\"access_token\":\"t2\",\"expires_in\":3600}");
        var client = Right(ExtensionGrant.Create(DefaultConfig("id", "s"), Right(GrantType.Of("urn:example:grant")), transport: generic.Transport));
        var source = Right(TokenSource.Create(client, Parameters.Of(("x", "1"))));
        Assert.Equal("t2", Right(await source.GetTokenAsync()).Value.Reveal());
        Assert.Equal("grant_type=urn%3Aexample%3Agrant&x=1", generic.Requests.Single().Body.Render());
    }
}
