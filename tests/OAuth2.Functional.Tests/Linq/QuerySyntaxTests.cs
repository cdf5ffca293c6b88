using Microsoft.Extensions.Time.Testing;
using OAuth2.Functional.Tests.Shell;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Linq;

public class QuerySyntaxTests
{
    [Fact]
    public async Task Either_and_EitherAsync_mix_in_one_query_and_the_result_is_an_EitherAsync()
    {
        var fake = new FakeTransport()
            .Answer(200, "{\"access_token\":\"one\",\"refresh_token\":\"rt\"}")
            .Answer(200, "{\"access_token\":\"two\"}");
        EitherAsync<OAuthError, AccessToken> flow =
            from client in ClientCredentials.Create(DefaultConfig(), timeProvider: new FakeTimeProvider(Jan1), transport: fake.Transport)
            from token in client.GetTokenAsync()
            from stored in client.CreateToken(token.ToJson())
            from refreshed in client.RefreshAsync(stored)
            select refreshed;
        var result = Right(await flow);
        Assert.Equal("two", result.Value.Reveal());
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task The_first_Left_short_circuits_the_rest()
    {
        var fake = new FakeTransport().Answer(401, "{\"error\":\"invalid_client\"}");
        EitherAsync<OAuthError, AccessToken> flow =
            from client in ClientCredentials.Create(DefaultConfig(), transport: fake.Transport)
            from token in client.GetTokenAsync()
            from refreshed in client.RefreshAsync(token)
            select refreshed;
        Assert.Equal("invalid_client", ServerError(Left(await flow)));
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task A_config_Left_stops_before_any_request()
    {
        var fake = new FakeTransport();
        EitherAsync<OAuthError, AccessToken> flow =
            from client in ClientCredentials.Create(new OAuthConfig(new ClientSettings("id"), new AuthSettings("bad")), transport: fake.Transport)
            from token in client.GetTokenAsync()
            select token;
        Assert.IsType<OAuthError.InvalidConfig>(Left(await flow));
        Assert.Empty(fake.Requests);
    }
}
