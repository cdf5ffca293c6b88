using Microsoft.Extensions.Time.Testing;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Shell;

public class GrantClientTests
{
    private const string DefaultBasic = "Basic dGhlK2NsaWVudCtpZDp0aGUrY2xpZW50K3NlY3JldA==";
    private readonly FakeTimeProvider clock = new(Jan1);

    private ClientCredentials CC(FakeTransport fake, OAuthConfig? config = null) =>
        Right(ClientCredentials.Create(config ?? DefaultConfig(), timeProvider: clock, transport: fake.Transport));

    [Fact]
    public async Task GetToken_sends_the_exact_request_and_reads_the_clock_when_the_answer_arrives()
    {
        var fake = new FakeTransport().Answer(200, "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":60}");
        var token = Right(await CC(fake).GetTokenAsync(Parameters.Empty.WithScopes("a", "b"), RequestOptions.WithHeaders(("X-Trace", "1"))));
        var sent = Assert.Single(fake.Requests);
        Assert.Equal(
            "POST /oauth/token HTTP/1.1\r\nHost: authorization-server.org\r\nAccept: application/json\r\nX-Trace: 1\r\n" +
            $"Authorization: {DefaultBasic}\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n" +
            "grant_type=client_credentials&scope=a%20b", sent.Render());
        Assert.Equal(Some(Jan1.AddSeconds(60)), token.ExpiresAt);
    }

    [Fact]
    public async Task Password_and_authorization_code_clients_send_their_grant()
    {
        var fake = new FakeTransport().Answer(200, "{\"access_token\":\"a\"}").Answer(200, "{\"access_token\":\"b\"}");
        var ropc = Right(ResourceOwnerPassword.Create(DefaultConfig(), timeProvider: clock, transport: fake.Transport));
        var code = Right(AuthorizationCode.Create(DefaultConfig(), timeProvider: clock, transport: fake.Transport));
        Assert.True((await ropc.GetTokenAsync(Parameters.Of(("username", "alice"), ("password", "secret")))).IsRight);
        Assert.True((await code.GetTokenAsync(Parameters.Of(("code", "c"), ("redirect_uri", "http://cb")))).IsRight);
        Assert.Equal("grant_type=password&username=alice&password=secret", fake.Requests[0].Body.Render());
        Assert.Equal("grant_type=authorization_code&code=c&redirect_uri=http%3A%2F%2Fcb", fake.Requests[1].Body.Render());
        Assert.Equal("https://authorization-server.org/oauth/authorize?response_type=code&client_id=the+client+id",
            Right(code.AuthorizeUrl()));
    }

    [Fact]
    public void Create_reports_every_config_problem_for_its_grant()
    {
        var config = new OAuthConfig(new ClientSettings("id"), new AuthSettings("nope") { AuthorizePath = "/a" });
        var e = LeftOf<OAuthError.InvalidConfig, ClientCredentials>(ClientCredentials.Create(config, transport: new FakeTransport().Transport));
        Assert.Equal(Seq("auth.tokenHost", "auth.authorizePath"), e.Problems.Map(p => p.Field));
        Assert.Equal(Seq1("auth.tokenHost"), LeftOf<OAuthError.InvalidConfig, AuthorizationCode>(AuthorizationCode.Create(config)).Problems.Map(p => p.Field));
    }

    [Fact]
    public async Task Refresh_keeps_the_old_refresh_token_when_the_server_omits_it()
    {
        var fake = new FakeTransport().Answer(200, "{\"access_token\":\"new\",\"expires_in\":10}");
        var client = CC(fake);
        var old = Right(client.CreateToken("{\"access_token\":\"old\",\"refresh_token\":\"RT\",\"scope\":\"s\"}"));
        clock.Advance(TimeSpan.FromMinutes(1));
        var fresh = Right(await client.RefreshAsync(old));
        Assert.Equal("grant_type=refresh_token&refresh_token=RT", fake.Requests[0].Body.Render());
        Assert.Equal("new", fresh.Value.Reveal());
        Assert.Equal("RT", fresh.RefreshToken.Map(r => r.Reveal()).IfNone(""));
        Assert.Equal(Some("s"), fresh.Scope); // RFC 6749 §6: an omitted scope is the scope originally granted
        Assert.Equal(Some(Jan1.AddMinutes(1).AddSeconds(10)), fresh.ExpiresAt);
        Assert.Contains("\"refresh_token\":\"RT\"", fresh.ToJson());
        Assert.Equal(Some("s"), Right(client.CreateToken(fresh.ToJson())).Scope);
        Assert.Equal("old", old.Value.Reveal());
    }

    [Fact]
    public async Task Refresh_takes_a_rotated_refresh_token()
    {
        var fake = new FakeTransport().Answer(200, "{\"access_token\":\"new\",\"refresh_token\":\"RT2\"}");
        var client = CC(fake);
        var fresh = Right(await client.RefreshAsync(Right(client.CreateToken("{\"access_token\":\"old\",\"refresh_token\":\"RT\"}"))));
        Assert.Equal("RT2", fresh.RefreshToken.Map(r => r.Reveal()).IfNone(""));
    }

    [Fact]
    public async Task Refresh_takes_the_new_scope_when_the_server_sends_one()
    {
        var fake = new FakeTransport().Answer(200, "{\"access_token\":\"new\",\"scope\":\"narrow\"}");
        var client = CC(fake);
        var old = Right(client.CreateToken("{\"access_token\":\"old\",\"refresh_token\":\"RT\",\"scope\":\"wide narrow\"}"));
        Assert.Equal(Some("narrow"), Right(await client.RefreshAsync(old)).Scope);
    }

    [Fact]
    public async Task RevokeAll_revokes_the_refresh_token_first_then_the_access_token()
    {
        var fake = new FakeTransport().Answer(200, "", "text/plain").Answer(204, "", "text/plain");
        var client = CC(fake);
        var token = Right(client.CreateToken("{\"access_token\":\"AT\",\"refresh_token\":\"RT\"}"));
        Assert.True((await client.RevokeAllAsync(token)).IsRight);
        Assert.Equal(Seq("token=RT&token_type_hint=refresh_token", "token=AT&token_type_hint=access_token"),
            toSeq(fake.Requests).Map(r => r.Body.Render()));
        Assert.All(fake.Requests, r => Assert.Equal("https://authorization-server.org/oauth/revoke", r.Url.AbsoluteUri));
    }

    [Fact]
    public async Task RevokeAll_attempts_both_and_lists_every_failure()
    {
        var fake = new FakeTransport().Answer(503, "down", "text/plain").Answer(400, "{\"error\":\"unsupported_token_type\"}");
        var client = CC(fake);
        var result = await client.RevokeAllAsync(Right(client.CreateToken("{\"access_token\":\"AT\",\"refresh_token\":\"RT\"}")));
        var e = Assert.IsType<OAuthError.RevocationFailed>(Left(result));
        Assert.Equal(2, fake.Requests.Count);
        Assert.Equal(Seq(TokenKind.RefreshToken, TokenKind.AccessToken), e.Failures.Map(f => f.Kind));
        Assert.Equal(Some(503), e.Failures[0].Error.StatusCode);
        Assert.Equal("unsupported_token_type", ServerError(e.Failures[1].Error));
        Assert.Contains("refresh token may still be valid", e.Message);
    }

    [Fact]
    public async Task RevokeAll_reports_a_refused_access_token_even_when_the_refresh_token_was_revoked()
    {
        // RFC 7009 §2.2.1: a server may refuse to revoke access tokens; the refresh token is then revoked all the same.
        var fake = new FakeTransport().Answer(200, "").Answer(400, "{\"error\":\"unsupported_token_type\"}");
        var client = CC(fake);
        var e = Assert.IsType<OAuthError.RevocationFailed>(Left(await client.RevokeAllAsync(
            Right(client.CreateToken("{\"access_token\":\"AT\",\"refresh_token\":\"RT\"}")))));
        Assert.Equal(TokenKind.AccessToken, Assert.Single(e.Failures).Kind);
        Assert.DoesNotContain("may still be valid", e.Message);
    }

    [Fact]
    public async Task RevokeAll_of_a_token_without_refresh_token_sends_one_request()
    {
        var fake = new FakeTransport().Answer(200, "");
        var client = CC(fake);
        Assert.True((await client.RevokeAllAsync(Right(client.CreateToken("{\"access_token\":\"AT\"}")))).IsRight);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task A_throwing_transport_becomes_a_transport_failure()
    {
        var fake = new FakeTransport().Throw(new InvalidOperationException("boom"));
        var e = Assert.IsType<OAuthError.TransportFailure>(Left(await CC(fake).GetTokenAsync()));
        Assert.Equal("InvalidOperationException", e.ExceptionType);
    }

    [Fact]
    public async Task Transport_errors_pass_through_unchanged()
    {
        var fake = new FakeTransport().Fail(new OAuthError.Timeout(TimeSpan.FromSeconds(1)));
        Assert.Equal(new OAuthError.Timeout(TimeSpan.FromSeconds(1)), Left(await CC(fake).GetTokenAsync()));
    }

    [Fact]
    public async Task Bad_arguments_never_reach_the_transport()
    {
        var fake = new FakeTransport();
        var client = CC(fake);
        Assert.IsType<OAuthError.InvalidArgument>(Left(await client.RefreshAsync(null)));
        Assert.IsType<OAuthError.InvalidArgument>(Left(await client.RevokeAsync(null, TokenKind.AccessToken)));
        Assert.IsType<OAuthError.InvalidArgument>(Left(await client.RevokeAllAsync(null)));
        Assert.IsType<OAuthError.InvalidArgument>(Left(await client.GetTokenAsync(Parameters.Of(("x", null!)))));
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public void IsExpired_reads_the_clients_clock()
    {
        var client = CC(new FakeTransport());
        var token = Right(client.CreateToken("{\"access_token\":\"a\",\"expires_in\":300}"));
        Assert.False(client.IsExpired(token));
        Assert.True(client.IsExpired(token, TimeSpan.FromSeconds(300)));
        clock.Advance(TimeSpan.FromSeconds(300));
        Assert.True(client.IsExpired(token));
        Assert.True(client.IsExpired(null));
    }
}
