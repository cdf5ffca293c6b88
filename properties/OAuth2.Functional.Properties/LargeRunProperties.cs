using FsCheck;
using FsCheck.Fluent;
using OAuth2.Functional.Properties.Arbitraries;

namespace OAuth2.Functional.Properties;

/// <summary>
/// Totality at scale: hostile responses through every interpreter and hostile stored JSON through CreateToken. The
/// default run is small; set <c>OAUTH2_PROPERTY_CASES</c> (e.g. 500000 each, so 10⁶ in total) for the opt-in large run.
/// </summary>
public class LargeRunProperties
{
    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("OAUTH2_PROPERTY_CASES"), out var n) && n > 0 ? n : 300;

    private static Config Run => Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true);

    private static readonly Gen<HttpResponseSpec> Response =
        from status in Gens.Status
        from contentType in Gens.ContentType
        from body in Gens.Body
        from reason in Gen.Elements("", "OK", "Unauthorized", "Weird Reason")
        select new HttpResponseSpec(status, reason, Seq<(string, string)>(), Optional(contentType), body);

    [Fact]
    public void Every_interpreter_returns_a_value_for_every_hostile_response() =>
        Check.One(Run, Prop.ForAll(Response.ToArbitrary(), Gens.Instant.ToArbitrary(), (response, at) =>
            Responses.InterpretToken(response, at).Match(t => t.Value.Reveal().Length > 0, e => e.Message.Length > 0)
            && Responses.InterpretRevocation(response).Match(_ => true, e => e.ToString().Length > 0)
            && Responses.InterpretIntrospection(response).Match(_ => true, e => e.Message.Length > 0)));

    [Fact]
    public void CreateToken_returns_a_value_for_every_hostile_json() =>
        Check.One(Run, Prop.ForAll(Gen.OneOf(Gens.TokenJson, Gens.Hostile, Gens.UnicodeText).ToArbitrary(), Gens.Instant.ToArbitrary(), (json, now) =>
            AccessToken.FromJson(json, now).Match(
                t => AccessToken.FromJson(t.ToJson(), now).Match(r => r == t, _ => false),
                e => e.Message.Length > 0)));
}
