using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OAuth2.Functional.DevServer;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Integration;

/// <summary>Real callbacks from the OpenIddict server, checked by <see cref="AuthorizationCallbacks"/>: the server's own
/// <c>iss</c> (RFC 9207, advertised in its discovery document), a user's refusal, a forged state, a mix-up, and form_post.</summary>
[Collection("devserver")]
public class CallbackTests(DevServerFixture fixture)
{
    private DevAuthorizationServer Server => fixture.Server;

    private string AuthorizeUrl(string state, string? responseMode = null, string? loginHint = null)
    {
        var client = Right(AuthorizationCode.Create(Server.ConfigFor(Server.Web)));
        var parameters = Parameters.Of(("redirect_uri", DevAuthorizationServer.CallbackUri), ("state", state)).WithScope("api");
        if (responseMode is not null) parameters = parameters.Add("response_mode", responseMode);
        return Right(client.AuthorizeUrl(loginHint is null ? parameters : parameters.Add("login_hint", loginHint)));
    }

    private CallbackExpectation Expect(string state) => CallbackExpectation.ForState(state).WithIssuer(Server.Issuer, required: true);

    [Fact]
    public async Task The_server_advertises_and_sends_iss_and_the_callback_redeems()
    {
        using var http = new HttpClient();
        var discovery = await http.GetFromJsonAsync<JsonElement>(Server.DiscoveryUri);
        Assert.True(discovery.GetProperty("authorization_response_iss_parameter_supported").GetBoolean());
        Assert.Equal(Server.Issuer, discovery.GetProperty("issuer").GetString());

        var callback = Right(await UserAgent.FollowAuthorizeAsync(AuthorizeUrl("s-1"), Expect("s-1")));
        Assert.Equal(Some(Server.Issuer), callback.Issuer);
        var client = Right(AuthorizationCode.Create(Server.ConfigFor(Server.Web)));
        Assert.True((await client.GetTokenAsync(callback.ToParameters().Add("redirect_uri", DevAuthorizationServer.CallbackUri))).IsRight);
    }

    [Fact]
    public async Task A_callback_from_another_issuer_is_a_mix_up_and_a_wrong_state_a_forgery()
    {
        var location = Right(await UserAgent.RedirectOfAsync(AuthorizeUrl("s-2")));
        var foreign = location.Replace("iss=" + Uri.EscapeDataString(Server.Issuer), "iss=" + Uri.EscapeDataString("https://attacker.example/"), StringComparison.Ordinal);
        Assert.NotEqual(location, foreign);
        Assert.Equal("iss", LeftOf<OAuthError.InvalidArgument, AuthorizationCallback>(AuthorizationCallbacks.FromRedirectUri(foreign, Expect("s-2"))).Name);
        var withoutIss = Regex.Replace(location, "[&?]iss=[^&#]*", string.Empty);
        Assert.Equal("iss", LeftOf<OAuthError.InvalidArgument, AuthorizationCallback>(AuthorizationCallbacks.FromRedirectUri(withoutIss, Expect("s-2"))).Name);
        Assert.Equal("state", LeftOf<OAuthError.InvalidArgument, AuthorizationCallback>(AuthorizationCallbacks.FromRedirectUri(location, Expect("s-3"))).Name);
        Assert.True(AuthorizationCallbacks.FromRedirectUri(location, Expect("s-2")).IsRight);
    }

    [Fact]
    public async Task A_refusal_from_the_server_is_AuthorizationRefused_with_its_fields()
    {
        var refused = Assert.IsType<OAuthError.AuthorizationRefused>(Left(await UserAgent.FollowAuthorizeAsync(AuthorizeUrl("s-4", loginHint: DevAuthorizationServer.DenyingLoginHint), Expect("s-4"))));
        Assert.Equal("access_denied", refused.Error);
        Assert.True(refused.ErrorDescription.IsSome);
        Assert.DoesNotContain(refused.ErrorDescription.IfNone("?"), refused.ToString());
    }

    [Fact]
    public async Task A_form_post_callback_is_checked_the_same_way()
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var page = await http.GetAsync(AuthorizeUrl("s-5", responseMode: "form_post"));
        var html = await page.Content.ReadAsStringAsync();
        // The page the browser would auto-submit: its hidden inputs are the POST body the client's endpoint receives.
        var inputs = Regex.Matches(html, "<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"").Select(m =>
            Uri.EscapeDataString(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)) + "=" + Uri.EscapeDataString(System.Net.WebUtility.HtmlDecode(m.Groups[2].Value)));
        var body = string.Join("&", inputs);
        Assert.Contains("code=", body);
        var callback = Right(AuthorizationCallbacks.FromFormPost(body, Expect("s-5")));
        Assert.Equal(Some(Server.Issuer), callback.Issuer);
        Assert.Equal("iss", LeftOf<OAuthError.InvalidArgument, AuthorizationCallback>(AuthorizationCallbacks.FromFormPost(body,
            CallbackExpectation.ForState("s-5").WithIssuer("http://127.0.0.1:1/", required: true))).Name);
    }
}
