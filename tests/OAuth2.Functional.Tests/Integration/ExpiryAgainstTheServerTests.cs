using OAuth2.Functional.DevServer;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Integration;

/// <summary>Real expiry: a server with three-second access tokens, so the client's expiry math meets the server's.
/// Written to hold on a loaded machine: it states what must agree (the server never calls active a token the client
/// calls expired, allowing the server's one-second rounding) instead of timing a fixed sleep.</summary>
public class ExpiryAgainstTheServerTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_short_lived_token_expires_on_both_sides_and_refresh_renews_it()
    {
        await using var server = await DevAuthorizationServer.StartAsync(new DevServerOptions { AccessTokenLifetime = Lifetime });
        var client = Right(ResourceOwnerPassword.Create(server.ConfigFor(server.Confidential)));
        var login = Parameters.Of(("username", "alice"), ("password", "wonderland")).WithScope("api offline_access");
        var token = Right(await client.GetTokenAsync(login));
        // On a badly overloaded machine the server can finish a response after its 3-second token has already lapsed,
        // and then it leaves expires_in out; ask again (bounded) for a token it still dates.
        for (var i = 0; i < 3 && token.Field("expires_in").IsNone; i++) token = Right(await client.GetTokenAsync(login));
        var expiresIn = int.Parse(token.Field("expires_in").IfNone("-1"));
        Assert.InRange(expiresIn, 0, 3);
        Assert.True(client.IsExpired(token, Lifetime + TimeSpan.FromSeconds(1)));

        // Wait (bounded) until the client's clock says expired, then one more second for the server's rounding.
        for (var i = 0; i < 100 && !client.IsExpired(token); i++) await Task.Delay(100);
        Assert.True(client.IsExpired(token));
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        Assert.False(Right(await client.IntrospectAsync(token)).Active);

        var renewed = Right(await client.RefreshAsync(token));
        Assert.True(renewed.ExpiresAt.IfNone(default(DateTimeOffset)) > token.ExpiresAt.IfNone(default(DateTimeOffset)));
        var active = Right(await client.IntrospectAsync(renewed)).Active;
        // Both sides agree: active at the server means not expired here (one second of server rounding allowed).
        Assert.True(!active || !client.IsExpired(renewed, TimeSpan.FromSeconds(-1)), "server says active, client says expired");
        Assert.True(active || client.IsExpired(renewed, TimeSpan.FromSeconds(1)), "server says inactive, client says valid");
    }
}
