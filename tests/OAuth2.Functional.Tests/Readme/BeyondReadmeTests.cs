using OAuth2.Functional.DevServer;
using OAuth2.Functional.Tests.Integration;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Readme;

/// <summary>The callback and device-flow snippets of README.md (kept in ReadmeExamples), run against the embedded server.</summary>
[Collection("devserver")]
public class BeyondReadmeTests(DevServerFixture fixture)
{
    private DevAuthorizationServer Server => fixture.Server;

    [Fact]
    public async Task The_callback_example_accepts_the_servers_callback_and_rejects_a_mix_up()
    {
        var url = Right(AuthorizationCode.Create(Server.ConfigFor(Server.Web)))
            .AuthorizeUrl(Parameters.Of(("redirect_uri", DevAuthorizationServer.CallbackUri), ("state", "st")).WithScope("api"));
        var location = Right(await UserAgent.RedirectOfAsync(Right(url)));
        Assert.True(ReadmeExamples.CheckCallback(location, "st", Server.Issuer).IsRight);
        Assert.Equal("iss", LeftOf<OAuthError.InvalidArgument, AuthorizationCallback>(ReadmeExamples.CheckCallback(location, "st", "https://other.example/")).Name);
    }

    [Fact]
    public async Task The_pkce_sign_in_example_redeems_the_checked_callback_for_a_token()
    {
        var client = Right(AuthorizationCode.Create(Server.ConfigFor(Server.Public)));
        var pkce = PkceGenerator.New();
        var state = PkceGenerator.NewState();
        var url = Right(ReadmeExamples.SignInUrl(client, pkce, state, DevAuthorizationServer.CallbackUri));
        Assert.Contains("code_challenge_method=S256", url);
        var location = Right(await UserAgent.RedirectOfAsync(url));
        var callback = Right(ReadmeExamples.CheckCallback(location, state, Server.Issuer));
        var token = Right(await ReadmeExamples.Redeem(client, pkce, callback, DevAuthorizationServer.CallbackUri).ToEither());
        Assert.True(token.RefreshToken.IsSome);
    }

    [Fact]
    public async Task The_device_example_gets_a_token_once_the_shown_code_is_approved()
    {
        Task<Either<string, Unit>>? approval = null;
        var token = await ReadmeExamples.SignInOnADevice(Server.ConfigFor(Server.Device),
            device => approval = UserAgent.ApproveDeviceAsync(new Uri(device.VerificationUri), device.UserCode)).ToEither();
        Assert.True(token.IsRight, token.ToString());
        Assert.True((await approval!).IsRight);
    }

    [Fact]
    public async Task The_private_key_jwt_example_gets_a_token_from_the_server()
    {
        var client = Right(ReadmeExamples.WithPrivateKeyJwt(Server.EcKeyClient.Id, Server.EcKeyClient.PrivateKeyPem, Server.BaseUri.AbsoluteUri, Server.Issuer));
        Assert.True((await client.GetTokenAsync()).IsRight);
    }

    [Fact]
    public async Task The_dpop_example_calls_the_dpop_resource_with_a_bound_token()
    {
        using var http = Right(ReadmeExamples.WithDPoP(Server.ConfigFor(Server.Confidential), Server.BaseUri));
        var response = await http.GetAsync(Server.DPoPResourceUri);
        Assert.Equal("ok dpop", await response.Content.ReadAsStringAsync());
    }
}
