using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Core;

public class PkceAndStateTests
{
    [Fact]
    public void The_rfc7636_appendix_b_vector()
    {
        var pkce = Right(Pkce.FromVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", pkce.Challenge);
        Assert.Equal("S256", pkce.Method);
        Assert.Equal(Seq(("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"), ("code_challenge_method", "S256")),
            pkce.AddChallenge(null).Items.Map(i => (i.Name, i.Value.Render(" "))));
        Assert.Equal(Seq1(("code_verifier", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")), pkce.AddVerifier(null).Items.Map(i => (i.Name, i.Value.Render(" "))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("short")]
    [InlineData("has spaces has spaces has spaces has spaces has")]
    [InlineData("é-not-ascii-é-not-ascii-é-not-ascii-é-not-ascii")]
    public void A_bad_verifier_is_an_invalid_argument(string? verifier) =>
        Assert.Equal("verifier", LeftOf<OAuthError.InvalidArgument, Pkce>(Pkce.FromVerifier(verifier)).Name);

    [Fact]
    public void Generated_values_are_fresh_and_well_formed()
    {
        var a = PkceGenerator.New();
        var b = PkceGenerator.New();
        Assert.NotEqual(a.Verifier, b.Verifier);
        Assert.Equal(43, a.Verifier.Reveal().Length);
        Assert.Equal(a, Right(Pkce.FromVerifier(a.Verifier.Reveal())));
        Assert.Equal(22, PkceGenerator.NewState().Length);
        Assert.NotEqual(PkceGenerator.NewState(), PkceGenerator.NewState());
    }

    [Theory]
    [InlineData("abc", "abc", true)]
    [InlineData("abc", "abd", false)]
    [InlineData("abc", "ab", false)]
    [InlineData("abc", null, false)]
    [InlineData(null, null, false)]
    public void State_check(string? sent, string? returned, bool ok) => Assert.Equal(ok, StateCheck.Verify(sent, returned).IsRight);
}

public class StateCheckTests
{
    [Fact]
    public void An_empty_expected_state_is_an_error_even_when_the_callback_echoes_it() =>
        Assert.Equal("expected", Assert.IsType<OAuthError.InvalidArgument>(TestSupport.Left(StateCheck.Verify("", ""))).Name);

    [Fact]
    public void A_missing_state_in_the_callback_is_an_error() =>
        Assert.Contains("missing", TestSupport.Left(StateCheck.Verify("abc", null)).Message);

    [Fact]
    public void Different_utf16_strings_never_match()
    {
        // Pairs that the old UTF-8 comparison took as equal (lone surrogates all become U+FFFD). Built in code: xunit's
        // theory data would itself replace lone surrogates.
        var pairs = new[] { ("\uD800", "\uDBFF"), ("a\uDC00", "a\uDFFF"), ("x\uD800y", "x\uFFFDy") };
        foreach (var (sent, returned) in pairs)
        {
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(sent), System.Text.Encoding.UTF8.GetBytes(returned)); // the old trap
            Assert.True(StateCheck.Verify(sent, returned).IsLeft);
        }
    }

    [Fact]
    public void The_exact_same_state_matches() => Assert.True(StateCheck.Verify("s\uD83D\uDE00-é", "s\uD83D\uDE00-é").IsRight);
}
