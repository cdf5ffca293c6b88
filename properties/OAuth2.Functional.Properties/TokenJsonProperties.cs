using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OAuth2.Functional.Properties.Arbitraries;

namespace OAuth2.Functional.Properties;

public class TokenJsonProperties
{
    private static string Q(string s) => System.Text.Json.JsonSerializer.Serialize(s);

    /// <summary>A token response built from a model: Unicode values, optional members, extra members of every JSON kind.</summary>
    private static readonly Gen<string> TokenResponse =
        // An access token is what an Authorization header can carry: visible ASCII (anything else is MalformedToken).
        from access in Gens.PrintableAscii.Select(a => a.Replace(" ", "")).Where(a => a.Length > 0)
        from refresh in Gen.OneOf(Gen.Constant((string?)null), Gens.NonEmptyUnicode.Select(s => (string?)s))
        from scope in Gen.OneOf(Gen.Constant((string?)null), Gens.UnicodeText.Select(s => (string?)s))
        from expiry in Gen.OneOf(
            Gen.Constant(""),
            ArbMap.Default.GeneratorFor<int>().Select(n => $",\"expires_in\":{n}"),
            ArbMap.Default.GeneratorFor<int>().Select(n => $",\"expires_in\":\"{n}\""),
            Gen.Choose(0, int.MaxValue).Select(n => $",\"expires_at\":{n}"))
        from extraNames in Gens.NonEmptyUnicode.Where(n => n is not ("access_token" or "refresh_token" or "scope" or "expires_in" or "expires_at" or "token_type")).ListOf()
        from extraValues in Gen.Elements("1", "\"x\"", "null", "[1,{\"a\":[]}]", "{\"n\":{\"m\":true}}", "-0.5e-3").ListOf(extraNames.Count)
        select "{\"access_token\":" + Q(access) + ",\"token_type\":\"Bearer\"" +
               (refresh is null ? "" : ",\"refresh_token\":" + Q(refresh)) +
               (scope is null ? "" : ",\"scope\":" + Q(scope)) + expiry +
               string.Concat(extraNames.Distinct().Zip(extraValues, (n, v) => "," + Q(n) + ":" + v)) + "}";

    [Property]
    public Property FromJson_of_ToJson_is_the_same_token() =>
        Prop.ForAll(TokenResponse.ToArbitrary(), Gens.Instant.ToArbitrary(), Gens.Instant.ToArbitrary(), (json, receivedAt, later) =>
            AccessToken.FromJson(json, receivedAt).Match(
                token => AccessToken.FromJson(token.ToJson(), later).Match(
                    restored => (restored == token).Label("equal").And((restored.ToJson() == token.ToJson()).Label("same JSON")),
                    e => false.Label("restore failed: " + e)),
                e => false.Label("parse failed: " + e)));

    [Property]
    public Property Interpreting_a_200_token_response_equals_reading_it_as_stored_json_at_that_time() =>
        Prop.ForAll(TokenResponse.ToArbitrary(), Gens.Instant.ToArbitrary(), (json, at) =>
            Responses.InterpretToken(HttpResponseSpec.Of(200, "application/json", json), at) == AccessToken.FromJson(json, at));
}
