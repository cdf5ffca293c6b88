using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OAuth2.Functional.Encodings;
using OAuth2.Functional.Properties.Arbitraries;

namespace OAuth2.Functional.Properties;

public class EncodingProperties
{
    private static readonly Gen<Seq<(string, string)>> Pairs =
        Gens.UnicodeText.Two().ListOf().Select(ps => toSeq(ps.Select(p => (p.Item1, p.Item2))));

    [Property]
    public Property Form_encoding_round_trips_for_all_unicode_strings() =>
        Prop.ForAll(Pairs.Where(ps => !ps.IsEmpty).ToArbitrary(), pairs => FormEncoding.Decode(FormEncoding.Encode(pairs)).Equals(pairs));

    [Property]
    public Property Form_encoding_emits_only_unreserved_characters_and_escapes() =>
        Prop.ForAll(Gens.UnicodeText.ToArbitrary(), s =>
            FormEncoding.Escape(s).All(c => char.IsAsciiLetterOrDigit(c) || "-_.!~*'()%".Contains(c)));

    [Property]
    public Property Strict_basic_credentials_decode_to_the_original_id_and_secret() =>
        Prop.ForAll(Gens.PrintableAscii.ToArbitrary(), Gens.PrintableAscii.ToArbitrary(), (id, secret) =>
        {
            var header = BasicCredentials.HeaderValue(id, secret, CredentialsEncodingMode.Strict);
            var decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
            var parts = decoded.Split(':');
            return (parts.Length == 2 && FormEncoding.Decode("a=" + parts[0]).Head.Item2 == id && FormEncoding.Decode("a=" + parts[1]).Head.Item2 == secret)
                .Label(decoded);
        });

    [Property]
    public Property Loose_basic_credentials_are_the_raw_pair() =>
        Prop.ForAll(Gens.PrintableAscii.ToArbitrary(), Gens.PrintableAscii.ToArbitrary(), (id, secret) =>
            System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(BasicCredentials.HeaderValue(id, secret, CredentialsEncodingMode.Loose)["Basic ".Length..])) == id + ":" + secret);

    [Property]
    public Property The_authorize_urls_query_parses_back_to_exactly_the_parameters_given() =>
        Prop.ForAll(Gens.ParamName.Two().Select(t => (t.Item1, t.Item2)).ListOf().ToArbitrary(), Gens.PrintableAscii.ToArbitrary(), (raw, clientId) =>
        {
            var given = toSeq(raw.DistinctBy(p => p.Item1)).Map(p => (Name: p.Item1, Value: p.Item2));
            var config = ConfigValidation.Validate(
                new OAuthConfig(new ClientSettings(clientId), new AuthSettings("https://as.example")), GrantKind.AuthorizationCode);
            return config.Bind(c => AuthorizeUrls.Build(c, new Parameters(given.Map(p => (p.Name, (ParamValue)new ParamValue.Text(p.Value))))))
                .Match(uri =>
                {
                    var text = uri;
                    var query = text[(text.IndexOf('?') + 1)..];
                    var expected = Seq<(string, string)>(("response_type", "code"), ("client_id", clientId)).Append(given.Map(p => (p.Name, p.Value)));
                    return QueryEncoding.Decode(query).Equals(expected).Label(text);
                }, e => false.Label(e.ToString()));
        });

    [Property]
    public Property Json_bodies_parse_back_to_the_pairs() =>
        Prop.ForAll(Pairs.Select(ps => toSeq(ps.DistinctBy(p => p.Item1))).ToArbitrary(), pairs =>
        {
            using var doc = System.Text.Json.JsonDocument.Parse(JsonText.Object(pairs));
            var back = toSeq(doc.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.GetString()!)).ToList());
            var distinctLast = pairs.DistinctBy(p => p.Item1).Count() == pairs.Count;
            return back.Equals(pairs).When(distinctLast);
        });
}
