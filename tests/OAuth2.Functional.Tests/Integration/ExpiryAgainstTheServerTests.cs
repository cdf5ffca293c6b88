using OAuth2.Functional.DevServer;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Integration;

/// <summary>Real expiry: a server with two-second access tokens, so the client's expiry math meets the server's.</summary>
public class ExpiryAgainstTheServerTests
{
    [Fact]
    public async Task A_short_lived_token_expires_on_both_sides_and_refresh_renews_it()
    {
        await using var server = await DevAuthorizationServer.StartAsync(new DevServerOptions { AccessTokenLifetime = TimeSpan.FromSeconds(2) });
        var client = Right(ResourceOwnerPassword.Create(server.ConfigFor(server.Confidential)));
        var token = Right(await client.GetTokenAsync(Parameters.Of(("username", "alice"), ("password", "wonderland")).WithScope("api offline_access")));
        Assert.Contains(token.Field("expires_in").IfNone(""), new[] { "1", "2" });
        Assert.False(client.IsExpired(token));
        Assert.True(client.IsExpired(token, TimeSpan.FromSeconds(5)));
        Assert.True(Right(await client.IntrospectAsync(token)).Active);

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.True(client.IsExpired(token));
        Assert.False(Right(await client.IntrospectAsync(token)).Active);

        var renewed = Right(await client.RefreshAsync(token));
        Assert.False(client.IsExpired(renewed));
        Assert.True(Right(await client.IntrospectAsync(renewed)).Active);
    }
}
