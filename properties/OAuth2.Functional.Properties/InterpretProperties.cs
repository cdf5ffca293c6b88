using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OAuth2.Functional.Properties.Arbitraries;

namespace OAuth2.Functional.Properties;

public class InterpretProperties
{
    private static readonly Gen<HttpResponseSpec> Response =
        from status in Gens.Status
        from contentType in Gens.ContentType
        from body in Gens.Body
        select new HttpResponseSpec(status, "", Seq<(string, string)>(), Optional(contentType), body);

    [Property(MaxTest = 1000)]
    public Property Interpret_is_total() =>
        Prop.ForAll(Response.ToArbitrary(), Gens.Instant.ToArbitrary(), (response, at) =>
            Responses.InterpretToken(response, at).Match(t => t.Value.Reveal().Length > 0, e => e.Message.Length > 0 && e.ToString().Length > 0)
            && Responses.InterpretRevocation(response).Match(_ => response.Status is >= 200 and < 300, e => e.Message.Length > 0));

    [Property]
    public Property Non_2xx_never_yields_a_token() =>
        Prop.ForAll(Response.ToArbitrary(), response =>
            (Responses.InterpretToken(response, DateTimeOffset.UnixEpoch).IsLeft).When(response.Status is < 200 or >= 300));

    [Property]
    public Property A_body_with_an_error_member_never_yields_a_token() =>
        Prop.ForAll(Gens.NonEmptyUnicode.ToArbitrary(), Gens.Status.ToArbitrary(), (error, status) =>
            Responses.InterpretToken(HttpResponseSpec.Of(status, "application/json",
                "{\"access_token\":\"a\",\"error\":" + System.Text.Json.JsonSerializer.Serialize(error) + "}"), DateTimeOffset.UnixEpoch).IsLeft);
}
