using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OAuth2.Functional.Encodings;
using OAuth2.Functional.Properties.Arbitraries;

namespace OAuth2.Functional.Properties;

/// <summary>Laws of the authorization-callback check: a callback is accepted exactly when its state (and iss) equal the
/// expected ones, whatever the text; an accepted callback gives back the very code the server put in it; nothing throws.</summary>
public class CallbackProperties
{
    private static string Query(params (string Name, string Value)[] pairs) => "/cb?" + FormEncoding.Encode(toSeq(pairs));

    [Property]
    public Property A_callback_is_accepted_exactly_when_its_state_equals_the_one_sent() =>
        Prop.ForAll(Gens.NonEmptyUnicode.ToArbitrary(), Gens.UnicodeText.ToArbitrary(), Gens.NonEmptyUnicode.ToArbitrary(), (sent, returned, code) =>
            AuthorizationCallbacks.FromRedirectUri(Query(("code", code), ("state", returned)), CallbackExpectation.ForState(sent))
                .Match(c => sent == returned && c.Code.Reveal() == code && c.State == sent, e => sent != returned && e is OAuthError.InvalidArgument { Name: "state" }));

    [Property]
    public Property The_returned_state_equal_to_the_sent_one_is_always_accepted_and_the_code_survives_encoding() =>
        Prop.ForAll(Gens.NonEmptyUnicode.ToArbitrary(), Gens.NonEmptyUnicode.ToArbitrary(), (state, code) =>
            AuthorizationCallbacks.FromFormPost(FormEncoding.Encode(Seq(("state", state), ("code", code))), CallbackExpectation.ForState(state))
                .Match(c => c.Code.Reveal() == code, _ => false));

    [Property]
    public Property An_iss_is_accepted_exactly_when_it_equals_the_expected_issuer() =>
        Prop.ForAll(Gens.NonEmptyUnicode.ToArbitrary(), Gens.NonEmptyUnicode.ToArbitrary(), ArbMap.Default.ArbFor<bool>(), (expected, iss, required) =>
            AuthorizationCallbacks.FromRedirectUri(Query(("code", "c"), ("state", "s"), ("iss", iss)), CallbackExpectation.ForState("s").WithIssuer(expected, required))
                .Match(c => iss == expected && c.Issuer == Some(expected), e => iss != expected && e is OAuthError.InvalidArgument { Name: "iss" }));

    [Property]
    public Property Any_text_as_a_callback_gives_a_value_never_an_exception() =>
        Prop.ForAll(Gens.Hostile.ToArbitrary(), Gens.UnicodeText.ToArbitrary(), (text, state) =>
        {
            var expected = CallbackExpectation.ForState(state);
            var a = AuthorizationCallbacks.FromRedirectUri(text, expected);
            var b = AuthorizationCallbacks.FromFormPost(text, expected);
            return !a.IsBottom && !b.IsBottom;
        });
}
