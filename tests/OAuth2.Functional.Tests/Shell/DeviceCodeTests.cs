using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Shell;

/// <summary>The device client's polling through a fake transport and a stepping fake clock: every wait is exact and instant.</summary>
public class DeviceCodeTests
{
    private const string Authorized = """{"device_code":"dc","user_code":"WDJB-MJHT","verification_uri":"https://as/device","expires_in":60,"interval":5}""";
    private static string ErrorBody(string error) => $$"""{"error":"{{error}}"}""";

    private sealed record Setup(DeviceCode Client, FakeTransport Transport, SteppingClock Clock, List<DateTimeOffset> SentAt);

    private static Setup Make()
    {
        var clock = new SteppingClock(Jan1);
        var fake = new FakeTransport();
        var sentAt = new List<DateTimeOffset>();
        OAuthTransport transport = (request, ct) => { sentAt.Add(clock.GetUtcNow()); return fake.Transport(request, ct); };
        return new Setup(Right(DeviceCode.Create(DefaultConfig("device", null), timeProvider: clock, transport: transport)), fake, clock, sentAt);
    }

    private static async Task<Either<OAuthError, AccessToken>> Poll(Setup s)
    {
        var device = Right(await s.Client.AuthorizeDeviceAsync(Parameters.Empty.WithScope("api")));
        return await s.Clock.RunAsync(s.Client.PollTokenAsync(device).ToEither());
    }

    private static double[] Seconds(Setup s) => s.SentAt.Select(t => (t - Jan1).TotalSeconds).ToArray();

    [Fact]
    public async Task Pending_waits_the_interval_and_slow_down_adds_five_seconds_for_the_rest_of_the_poll()
    {
        var s = Make();
        s.Transport.Answer(200, Authorized).Answer(400, ErrorBody("authorization_pending")).Answer(400, ErrorBody("slow_down"))
            .Answer(400, ErrorBody("authorization_pending")).Answer(400, ErrorBody("slow_down")).Answer(200, """{"access_token":"at","token_type":"Bearer"}""");
        var token = Right(await Poll(s));
        Assert.Equal("at", token.Value.Reveal());
        Assert.Equal(new double[] { 0, 5, 10, 20, 30, 45 }, Seconds(s));
        Assert.Equal("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=dc&client_id=device", s.Transport.Requests[1].Body.Render());
        Assert.Equal("https://authorization-server.org/oauth/device", s.Transport.Requests[0].Url.AbsoluteUri);
    }

    [Theory]
    [InlineData("access_denied")]
    [InlineData("expired_token")]
    public async Task Denial_and_server_expiry_end_the_poll_as_protocol_errors(string error)
    {
        var s = Make();
        s.Transport.Answer(200, Authorized).Answer(400, ErrorBody("authorization_pending")).Answer(400, ErrorBody(error));
        Assert.Equal(error, ServerError(Left(await Poll(s))));
        Assert.Equal(new double[] { 0, 5, 10 }, Seconds(s));
    }

    [Fact]
    public async Task The_deadline_ends_the_poll_without_a_request_that_can_only_fail()
    {
        var s = Make();
        s.Transport.Answer(200, Authorized);
        for (var i = 0; i < 11; i++) s.Transport.Answer(400, ErrorBody("authorization_pending"));
        var expired = Assert.IsType<OAuthError.DeviceCodeExpired>(Left(await Poll(s)));
        Assert.Equal(Jan1.AddSeconds(60), expired.ExpiredAt);
        Assert.Equal(new double[] { 0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55 }, Seconds(s)); // a poll at 60 would be at the expiry: none
    }

    [Fact]
    public async Task Cancelling_during_a_wait_is_Cancelled_and_sends_nothing_more()
    {
        var s = Make();
        s.Transport.Answer(200, Authorized).Answer(400, ErrorBody("authorization_pending"));
        using var cts = new CancellationTokenSource();
        var device = Right(await s.Client.AuthorizeDeviceAsync());
        var poll = s.Client.PollTokenAsync(device, cancellationToken: cts.Token).ToEither();
        s.Clock.Advance(TimeSpan.FromSeconds(5));          // first wait over: one poll, answered pending
        await WaitFor(() => s.SentAt.Count == 2);
        cts.Cancel();                                       // during the second wait
        Assert.IsType<OAuthError.Cancelled>(Left(await poll));
        Assert.Equal(2, s.SentAt.Count);
    }

    [Fact]
    public async Task A_transport_failure_ends_the_poll_with_that_failure()
    {
        var s = Make();
        s.Transport.Answer(200, Authorized).Fail(new OAuthError.TransportFailure("refused", "HttpRequestException"));
        Assert.IsType<OAuthError.TransportFailure>(Left(await Poll(s)));
    }

    [Fact]
    public async Task Null_authorization_is_an_argument_error_and_nothing_is_sent()
    {
        var s = Make();
        Assert.Equal("authorization", LeftOf<OAuthError.InvalidArgument, AccessToken>(await s.Client.PollTokenAsync(null)).Name);
        Assert.Empty(s.SentAt);
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
