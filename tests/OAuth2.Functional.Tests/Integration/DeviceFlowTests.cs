using OAuth2.Functional.DevServer;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Integration;

/// <summary>RFC 8628 against the real OpenIddict server over real HTTP. Waits go through a stepping fake clock (the server
/// does not see our clock), so the test takes no interval-long pauses; the user's approval happens between two polls.</summary>
[Collection("devserver")]
public class DeviceFlowTests(DevServerFixture fixture)
{
    private DevAuthorizationServer Server => fixture.Server;

    [Fact]
    public async Task A_device_code_is_pending_until_the_user_approves_it_then_polling_gets_the_token()
    {
        var clock = new Shell.SteppingClock(DateTimeOffset.UtcNow);
        var http = HttpClientTransport.Create(null);
        var results = new List<string>();
        var approved = false;
        DeviceAuthorization? device = null;
        OAuthTransport transport = (request, ct) => Observe(request, ct).ToAsync();
        async Task<Either<OAuthError, HttpResponseSpec>> Observe(HttpRequestSpec request, CancellationToken ct)
        {
            var response = await http(request, ct).ToEither();
            if (request.Url.AbsolutePath != "/oauth/token") return response;
            results.Add(response.Match(r => r.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), e => e.Code));
            if (!approved && device is not null)
            {
                approved = true; // the user types the code after the first poll
                Assert.True((await UserAgent.ApproveDeviceAsync(new Uri(Server.BaseUri, "oauth/verify"), device.UserCode, ct)).IsRight);
            }
            return response;
        }

        var client = Right(DeviceCode.Create(Server.ConfigFor(Server.Device), timeProvider: clock, transport: transport));
        device = Right(await client.AuthorizeDeviceAsync(Parameters.Empty.WithScopes("api", "offline_access")));
        Assert.Equal(new Uri(Server.BaseUri, "oauth/verify").AbsoluteUri, device.VerificationUri);
        Assert.True(device.ExpiresAt > clock.GetUtcNow() && device.Interval > TimeSpan.Zero);

        var token = Right(await clock.RunAsync(client.PollTokenAsync(device).ToEither()));
        Assert.Equal(new[] { "400", "200" }, results);
        Assert.True(token.RefreshToken.IsSome);
        Assert.True(Right(await client.RefreshAsync(token)).ExpiresAt.IsSome);
        Assert.Equal("invalid_grant", ServerError(Left(await clock.RunAsync(client.PollTokenAsync(device).ToEither())))); // a device code is single-use
    }

    [Fact]
    public async Task A_device_authorization_for_an_unknown_client_is_invalid_client()
    {
        var client = Right(DeviceCode.Create(Server.ConfigFor(Server.Device with { Id = "nobody" })));
        Assert.Equal("invalid_client", ServerError(Left(await client.AuthorizeDeviceAsync(Parameters.Empty.WithScope("api")))));
    }
}
