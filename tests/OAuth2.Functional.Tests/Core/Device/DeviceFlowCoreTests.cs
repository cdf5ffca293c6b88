using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Core.Device;

/// <summary>RFC 8628 through the pure builders, interpreter and polling rules, with literal vectors.</summary>
public class DeviceFlowCoreTests
{
    private static ValidConfig PublicClient => Valid(new OAuthConfig(new ClientSettings("device", null), new AuthSettings("https://as.example.com")), GrantKind.DeviceCode);
    private static ValidConfig Confidential => Valid(DefaultConfig("c", "s"), GrantKind.DeviceCode);

    private static DeviceAuthorization Authorization(int expiresIn = 1800, int interval = 5) =>
        new(Secret.Of("GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS"), "WDJB-MJHT", "https://example.com/device", None,
            Jan1.AddSeconds(expiresIn), TimeSpan.FromSeconds(interval));

    [Fact]
    public void The_device_authorization_request_of_a_public_client_carries_its_id_in_the_body()
    {
        var request = Right(DeviceRequests.Authorize(PublicClient, Parameters.Empty.WithScopes("api", "offline_access")));
        Assert.Equal(
            "POST /oauth/device HTTP/1.1\r\nHost: as.example.com\r\nAccept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n" +
            "scope=api%20offline_access&client_id=device", request.Render());
    }

    [Fact]
    public void A_confidential_client_authenticates_with_basic_and_polls_with_the_device_code_grant()
    {
        var poll = Right(DeviceRequests.Poll(Confidential, Authorization()));
        Assert.Equal(
            "POST /oauth/token HTTP/1.1\r\nHost: authorization-server.org\r\nAccept: application/json\r\nAuthorization: Basic Yzpz\r\n" +
            "Content-Type: application/x-www-form-urlencoded\r\n\r\n" +
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS", poll.Render());
        Assert.Equal("https://authorization-server.org/oauth/device", Right(DeviceRequests.Authorize(Confidential, null)).Url.AbsoluteUri);
    }

    [Fact]
    public void The_device_path_is_configurable_and_validated()
    {
        var custom = DefaultConfig() with { Auth = new AuthSettings(Host) { DeviceAuthorizationPath = "/device_authorization" } };
        Assert.Equal(Host + "/device_authorization", Valid(custom, GrantKind.DeviceCode).DeviceAuthorizationUrl.AbsoluteUri);
        var bad = LeftOf<OAuthError.InvalidConfig, ValidConfig>(ConfigValidation.Validate(
            DefaultConfig() with { Auth = new AuthSettings(Host) { DeviceAuthorizationPath = "" } }, GrantKind.DeviceCode));
        Assert.Contains(bad.Problems, p => p.Field == "auth.deviceAuthorizationPath");
    }

    [Fact]
    public void The_rfc_8628_example_response_is_read_with_its_expiry_on_the_clients_clock()
    {
        var response = HttpResponseSpec.Of(200, "application/json",
            """{"device_code":"GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS","user_code":"WDJB-MJHT","verification_uri":"https://example.com/device","verification_uri_complete":"https://example.com/device?user_code=WDJB-MJHT","expires_in":1800,"interval":5}""");
        var device = Right(DeviceResponses.InterpretAuthorization(response, Jan1));
        Assert.Equal(("GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS", "WDJB-MJHT", "https://example.com/device"), (device.DeviceCode.Reveal(), device.UserCode, device.VerificationUri));
        Assert.Equal(Some("https://example.com/device?user_code=WDJB-MJHT"), device.VerificationUriComplete);
        Assert.Equal((Jan1.AddMinutes(30), TimeSpan.FromSeconds(5)), (device.ExpiresAt, device.Interval));
        Assert.Equal("DeviceAuthorization(DeviceCode = [redacted], UserCode = [redacted], VerificationUri = https://example.com/device, " +
            "VerificationUriComplete = [redacted], ExpiresAt = 2024-01-01T00:30:00.000Z, Interval = 5 s)", device.ToString());
    }

    [Theory]
    [InlineData("""{"device_code":"d","user_code":"u","verification_uri":"v","expires_in":"600"}""", 600, 5)]
    [InlineData("""{"device_code":"d","user_code":"u","verification_uri":"v","expires_in":60,"interval":null}""", 60, 5)]
    [InlineData("""{"device_code":"d","user_code":"u","verification_uri":"v","expires_in":60.5,"interval":2.5}""", 60.5, 2.5)]
    public void Numbers_may_be_numeric_strings_and_the_interval_defaults_to_five_seconds(string body, double expiresIn, double interval)
    {
        var device = Right(DeviceResponses.InterpretAuthorization(HttpResponseSpec.Of(200, "application/json", body), Jan1));
        Assert.Equal((Jan1.AddSeconds(expiresIn), TimeSpan.FromSeconds(interval)), (device.ExpiresAt, device.Interval));
    }

    [Theory]
    [InlineData("""{"user_code":"u","verification_uri":"v","expires_in":60}""", "device_code")]
    [InlineData("""{"device_code":"","user_code":"u","verification_uri":"v","expires_in":60}""", "device_code")]
    [InlineData("""{"device_code":"d","user_code":7,"verification_uri":"v","expires_in":60}""", "user_code")]
    [InlineData("""{"device_code":"d","user_code":"u","expires_in":60}""", "verification_uri")]
    [InlineData("""{"device_code":"d","user_code":"u","verification_uri":"v"}""", "expires_in")]
    [InlineData("""{"device_code":"d","user_code":"u","verification_uri":"v","expires_in":0}""", "expires_in")]
    [InlineData("""{"device_code":"d","user_code":"u","verification_uri":"v","expires_in":1e300}""", "expires_in")]
    [InlineData("""{"device_code":"d","user_code":"u","verification_uri":"v","expires_in":60,"interval":-1}""", "interval")]
    [InlineData("""{"device_code":"d","user_code":"u","verification_uri":"v","expires_in":60,"interval":true}""", "interval")]
    [InlineData("""[1]""", "(body)")]
    public void A_malformed_response_names_its_field(string body, string field) =>
        Assert.Equal(field, LeftOf<OAuthError.MalformedToken, DeviceAuthorization>(DeviceResponses.InterpretAuthorization(HttpResponseSpec.Of(200, "application/json", body), Jan1)).Field);

    [Fact]
    public void Error_bodies_redirects_and_pages_are_the_usual_errors()
    {
        Assert.Equal("invalid_client", ServerError(Left(DeviceResponses.InterpretAuthorization(HttpResponseSpec.Of(401, "application/json", """{"error":"invalid_client"}"""), Jan1))));
        LeftOf<OAuthError.HttpError, DeviceAuthorization>(DeviceResponses.InterpretAuthorization(HttpResponseSpec.Of(503, "text/html", "<p>down</p>"), Jan1));
        LeftOf<OAuthError.UnexpectedContent, DeviceAuthorization>(DeviceResponses.InterpretAuthorization(HttpResponseSpec.Of(200, "text/html", "<p>hi</p>"), Jan1));
        LeftOf<OAuthError.InvalidArgument, DeviceAuthorization>(DeviceResponses.InterpretAuthorization(null, Jan1));
    }

    private static Either<OAuthError, AccessToken> Server(string error) =>
        new OAuthError.ProtocolError(error, None, None, 400);

    [Fact]
    public void Polling_rules_pending_waits_the_interval_slow_down_adds_five_seconds_and_the_rest_ends_the_poll()
    {
        var five = TimeSpan.FromSeconds(5);
        var deadline = Jan1.AddMinutes(30);
        Assert.Equal(new DevicePollStep.Wait(five, five), DevicePolling.Start(Authorization(), Jan1));
        Assert.Equal(new DevicePollStep.Wait(five, five), DevicePolling.Next(Server("authorization_pending"), five, deadline, Jan1));
        Assert.Equal(new DevicePollStep.Wait(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)), DevicePolling.Next(Server("slow_down"), five, deadline, Jan1));
        Assert.Equal(new DevicePollStep.Wait(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15)), DevicePolling.Next(Server("slow_down"), TimeSpan.FromSeconds(10), deadline, Jan1));
        foreach (var error in new[] { "access_denied", "expired_token", "invalid_grant", "AUTHORIZATION_PENDING" })
            Assert.Equal(error, ServerError(Assert.IsType<DevicePollStep.Failed>(DevicePolling.Next(Server(error), five, deadline, Jan1)).Error));
        var token = Token("""{"access_token":"a"}""");
        Assert.Equal(new DevicePollStep.Done(token), DevicePolling.Next(token, five, deadline, Jan1));
        // RFC 8628 §3.5: a timed-out poll backs off exponentially; a refused connection ends the poll (resumable).
        Assert.Equal(new DevicePollStep.Wait(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)), DevicePolling.Next(new OAuthError.Timeout(five), five, deadline, Jan1));
        Assert.Equal(new DevicePollStep.Wait(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20)), DevicePolling.Next(new OAuthError.Timeout(five), TimeSpan.FromSeconds(10), deadline, Jan1));
        Assert.IsType<OAuthError.TransportFailure>(Assert.IsType<DevicePollStep.Failed>(
            DevicePolling.Next(new OAuthError.TransportFailure("ConnectionError", "refused"), five, deadline, Jan1)).Error);
    }

    [Fact]
    public void A_wait_that_reaches_the_expiry_ends_the_poll_with_DeviceCodeExpired()
    {
        var five = TimeSpan.FromSeconds(5);
        var expired = Assert.IsType<OAuthError.DeviceCodeExpired>(Assert.IsType<DevicePollStep.Failed>(
            DevicePolling.Next(Server("authorization_pending"), five, Jan1.AddSeconds(5), Jan1)).Error);
        Assert.Equal(Jan1.AddSeconds(5), expired.ExpiredAt);
        Assert.Equal("The device code expired at 2024-01-01T00:00:05Z before the user approved it; start a new device authorization", expired.Message);
        Assert.IsType<DevicePollStep.Wait>(DevicePolling.Next(Server("authorization_pending"), five, Jan1.AddSeconds(5).AddTicks(1), Jan1));
        Assert.IsType<DevicePollStep.Failed>(DevicePolling.Start(Authorization(expiresIn: 4), Jan1));
        Assert.Equal(new DevicePollStep.Wait(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)), DevicePolling.Start(Authorization(interval: 0), Jan1));
        Assert.IsType<DevicePollStep.Failed>(DevicePolling.Next(default, TimeSpan.FromSeconds(5), Jan1.AddDays(1), Jan1));
        Assert.IsType<DevicePollStep.Failed>(DevicePolling.Start(null, Jan1));
    }
}
