using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Core.Metadata;

/// <summary>Literal callbacks (RFC 6749 §4.1.2, RFC 9207) through the pure interpreter.</summary>
public class AuthorizationCallbackTests
{
    private const string Issuer = "https://as.example.com";
    private static readonly CallbackExpectation StateOnly = CallbackExpectation.ForState("xyz");
    private static readonly CallbackExpectation WithIss = StateOnly.WithIssuer(Issuer, required: false);
    private static readonly CallbackExpectation IssRequired = StateOnly.WithIssuer(Issuer, required: true);

    /// <summary>The name an <see cref="OAuthError.InvalidArgument"/> blames (failing for any other outcome).</summary>
    private static string Arg(Either<OAuthError, AuthorizationCallback> r) => LeftOf<OAuthError.InvalidArgument, AuthorizationCallback>(r).Name;

    [Fact]
    public void The_rfc_6749_example_callback_gives_its_code_and_state()
    {
        var callback = Right(AuthorizationCallbacks.FromRedirectUri("https://client.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz", StateOnly));
        Assert.Equal("SplxlOBeZQQYbYS6WxSbIA", callback.Code.Reveal());
        Assert.Equal("xyz", callback.State);
        Assert.Equal(Option<string>.None, callback.Issuer);
        Assert.Equal("code=SplxlOBeZQQYbYS6WxSbIA", Right(TokenRequests.ForGrant(Valid(DefaultConfig()), "x", callback.ToParameters())).Body.Pairs.Skip(1).Map(p => p.Name + "=" + p.Value).Head);
    }

    [Theory]
    [InlineData("/cb?state=xyz&code=a%2Bb%20c+d#code=ignored", "a+b c d")]
    [InlineData("?code=%C3%A9&state=xyz", "é")]
    [InlineData("http://127.0.0.1/callback?code=c&state=xyz&other=1&other=2", "c")]
    public void Query_decoding_paths_fragments_and_unknown_parameters(string uri, string code) =>
        Assert.Equal(code, Right(AuthorizationCallbacks.FromRedirectUri(uri, StateOnly)).Code.Reveal());

    [Fact]
    public void A_form_post_body_is_read_like_a_query() =>
        Assert.Equal("c/1", Right(AuthorizationCallbacks.FromFormPost("code=c%2F1&state=xyz&iss=https%3A%2F%2Fas.example.com", IssRequired)).Code.Reveal());

    [Theory]
    [InlineData("/cb?code=c", "state")]                         // missing state
    [InlineData("/cb?code=c&state=xy", "state")]                // prefix
    [InlineData("/cb?code=c&state=xyzz", "state")]              // longer
    [InlineData("/cb?code=c&state=XYZ", "state")]               // case
    [InlineData("/cb?code=c&state=xyz&state=xyz", "state")]     // repeated (RFC 6749 §3.1)
    [InlineData("/cb?code=c&code=d&state=xyz", "code")]
    [InlineData("/cb?state=xyz", "code")]
    [InlineData("/cb?state=xyz&code=", "code")]
    [InlineData("/cb", "state")]
    public void State_and_code_failures_name_the_parameter(string uri, string name) =>
        Assert.Equal(name, Arg(AuthorizationCallbacks.FromRedirectUri(uri, StateOnly)));

    [Theory]
    [InlineData("iss")]
    [InlineData("error")]
    [InlineData("error_description")]
    public void Every_parameter_the_check_reads_must_be_single(string name) =>
        Assert.Equal(name, Arg(AuthorizationCallbacks.FromRedirectUri($"/cb?code=c&state=xyz&{name}=a&{name}=a", WithIss)));

    [Fact]
    public void An_error_answer_is_refused_only_after_its_state_checks_out()
    {
        const string uri = "/cb?error=access_denied&error_description=The+user+said+no%0A&error_uri=https%3A%2F%2Fx%2Fe%20f&state=";
        var refused = LeftOf<OAuthError.AuthorizationRefused, AuthorizationCallback>(AuthorizationCallbacks.FromRedirectUri(uri + "xyz", StateOnly));
        Assert.Equal(("access_denied", Some("The user said no\\n"), Some("https://x/e\\u0020f")), (refused.Error, refused.ErrorDescription, refused.ErrorUri));
        Assert.Equal("authorization_refused", refused.Code);
        Assert.Equal("The authorization server refused the authorization request with \"access_denied\"; its description is in ErrorDescription", refused.Message);
        Assert.Equal("state", Arg(AuthorizationCallbacks.FromRedirectUri(uri + "forged", StateOnly)));
    }

    [Fact]
    public void An_unregistered_or_overlong_server_error_is_escaped_bounded_and_not_printed()
    {
        var refused = LeftOf<OAuthError.AuthorizationRefused, AuthorizationCallback>(
            AuthorizationCallbacks.FromRedirectUri("/cb?state=xyz&error=" + new string('e', 100) + "%22%0A", StateOnly));
        Assert.Equal(new string('e', ServerText.MaxCodeChars) + "…", refused.Error);
        Assert.DoesNotContain("eee", refused.Message);
        Assert.DoesNotContain("eee", refused.ToString());
    }

    [Theory]
    [InlineData("/cb?code=c&state=xyz&iss=https%3A%2F%2Fas.example.com", true)]
    [InlineData("/cb?code=c&state=xyz", true)]                                          // iss optional when not required
    [InlineData("/cb?code=c&state=xyz&iss=https%3A%2F%2Fevil.example.com", false)]      // mix-up
    [InlineData("/cb?code=c&state=xyz&iss=https%3A%2F%2Fas.example.com%2F", false)]     // exact: no trailing-slash leniency
    [InlineData("/cb?code=c&state=xyz&iss=HTTPS%3A%2F%2Fas.example.com", false)]        // exact: no case folding
    [InlineData("/cb?error=access_denied&state=xyz&iss=https%3A%2F%2Fevil.example.com", false)] // a foreign error is not believed either
    public void Iss_is_compared_exactly_whenever_present(string uri, bool accepted)
    {
        var result = AuthorizationCallbacks.FromRedirectUri(uri, WithIss);
        if (accepted) Assert.Equal(uri.Contains("iss=") ? Some(Issuer) : None, Right(result).Issuer);
        else Assert.Equal("iss", Arg(result));
    }

    [Fact]
    public void Iss_is_required_when_the_metadata_says_it_is_sent()
    {
        Assert.Equal("iss", Arg(AuthorizationCallbacks.FromRedirectUri("/cb?code=c&state=xyz", IssRequired)));
        Assert.Equal("iss", Arg(AuthorizationCallbacks.FromRedirectUri("/cb?error=access_denied&state=xyz", IssRequired)));
        Assert.Equal("expected", Arg(AuthorizationCallbacks.FromRedirectUri("/cb?code=c&state=xyz", StateOnly with { IssuerRequired = true })));
    }

    [Fact]
    public void An_iss_that_cannot_be_compared_is_not_passed_on() =>
        Assert.Equal(Option<string>.None, Right(AuthorizationCallbacks.FromRedirectUri("/cb?code=c&state=xyz&iss=https%3A%2F%2Fany", StateOnly)).Issuer);

    [Fact]
    public void Nulls_and_empty_expected_state_are_arguments()
    {
        Assert.Equal("redirectUri", Arg(AuthorizationCallbacks.FromRedirectUri(null, StateOnly)));
        Assert.Equal("body", Arg(AuthorizationCallbacks.FromFormPost(null, StateOnly)));
        Assert.Equal("expected", Arg(AuthorizationCallbacks.FromRedirectUri("/cb?code=c&state=", CallbackExpectation.ForState(""))));
        Assert.Equal("expected", Arg(AuthorizationCallbacks.FromRedirectUri("/cb?code=c&state=xyz", null)));
        Assert.Equal("parameters", Arg(AuthorizationCallbacks.FromParameters(Seq1(("code", (string)null!)), StateOnly)));
    }

    [Fact]
    public void Nothing_prints_the_code_or_the_state()
    {
        var callback = Right(AuthorizationCallbacks.FromRedirectUri("/cb?code=c0de&state=xyz&iss=https%3A%2F%2Fas.example.com", IssRequired));
        Assert.Equal("AuthorizationCallback(Code = [redacted], State = [redacted], Issuer = https://as.example.com)", callback.ToString());
        Assert.DoesNotContain("xyz", IssRequired.ToString());
    }
}
