using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OAuth2.Functional.Encodings;
using OAuth2.Functional.Properties.Arbitraries;

namespace OAuth2.Functional.Properties;

/// <summary>Laws of the extension grants (token exchange, JWT bearer, the generic grant).</summary>
public class ExtensionGrantProperties
{
    private static readonly ValidConfig Config = ConfigValidation.Validate(
        new OAuthConfig(new ClientSettings("c", "s"), new AuthSettings("https://as.example")) { Options = new OAuthOptions { AuthorizationMethod = AuthorizationMethod.Body } },
        GrantKind.Extension).Match(c => c, e => throw new InvalidOperationException(e.Message));

    private static readonly string[] Reserved = ["grant_type", "client_id", "client_secret", "client_assertion", "client_assertion_type"];

    /// <summary>Absolute URIs without a fragment: https URLs with a path, and URNs, across Unicode (percent-encoded).</summary>
    private static readonly Gen<string> Resource =
        from scheme in Gen.Elements("https://api.example/", "urn:example:", "http://127.0.0.1:8080/x/")
        from tail in Gens.UnicodeText
        select scheme + Uri.EscapeDataString(tail);

    private static readonly Gen<string[]> Audiences = Gens.NonEmptyUnicode.ArrayOf();
    private static readonly Gen<string[]> Resources = Resource.ArrayOf();

    private static Seq<(string Name, string Value)> Body(HttpRequestSpec request) => FormEncoding.Decode(request.Body.Render());

    [Property]
    public Property Every_audience_and_resource_appears_once_in_order() =>
        Prop.ForAll(Audiences.ToArbitrary(), Resources.ToArbitrary(), (audiences, resources) =>
            TokenExchangeRequests.Exchange(Config, TokenExchangeRequest.For("t", TokenTypeUri.AccessToken).WithAudience(audiences).WithResource(resources))
                .Match(request =>
                    {
                        var body = Body(request);
                        return body.Filter(p => p.Name == "audience").Map(p => p.Value).SequenceEqual(audiences)
                               && body.Filter(p => p.Name == "resource").Map(p => p.Value).SequenceEqual(resources);
                    },
                    _ => false));

    [Property]
    public Property A_resource_with_a_fragment_is_always_refused_by_its_position() =>
        Prop.ForAll(Resources.ToArbitrary(), Resource.ToArbitrary(), Gens.UnicodeText.ToArbitrary(), (before, resource, fragment) =>
            TokenExchangeRequests.Exchange(Config, TokenExchangeRequest.For("t", TokenTypeUri.AccessToken)
                    .WithResource(before).WithResource(resource + "#" + fragment))
                .Match(_ => false, e => e is OAuthError.InvalidArgument a && a.Name == $"resource[{before.Length}]"));

    /// <summary>Secrets are wrapped in delimiters no other generated field can contain; the description never shows one.</summary>
    [Property]
    public Property Tokens_and_parameter_values_never_appear_in_the_request_description() =>
        Prop.ForAll(Gens.UnicodeText.Three().ToArbitrary(), Gens.PrintableAscii.ListOf().ToArbitrary(), (secrets, audiences) =>
        {
            static string Hide(string s) => "\u27EA" + s + "\u27EB";
            var text = TokenExchangeRequest.For(Hide(secrets.Item1), TokenTypeUri.AccessToken)
                .WithActor(Hide(secrets.Item2), TokenTypeUri.Jwt)
                .WithAudience(audiences.ToArray())
                .WithParameters(Parameters.Of(("extra", Hide(secrets.Item3))))
                .ToString();
            return (!text.Contains('\u27EA') && !text.Contains('\u27EB')).Label(text);
        });

    private static readonly Gen<Parameters> AnyParameters =
        Gen.OneOf(Gen.Elements(Reserved.Concat(["assertion", "scope", "x"]).ToArray()), Gens.NonEmptyUnicode).Two().ListOf()
            .Select(pairs => Parameters.Of(pairs.Select(p => (p.Item1, p.Item2)).ToArray()));

    private static readonly Gen<GrantType> AnyGrant = Gen.OneOf(
        Gen.Elements(GrantType.ClientCredentials, GrantType.JwtBearer, GrantType.TokenExchange, GrantType.DeviceCode),
        Gens.UnicodeText.Select(t => GrantType.Of("urn:example:" + Uri.EscapeDataString(t)).Match(g => g, _ => GrantType.Password)));

    /// <summary>Whatever parameters a caller passes, the body has exactly one grant_type, first, and it is the request's;
    /// otherwise the request is refused naming the reserved parameter.</summary>
    [Property(MaxTest = 500)]
    public Property Grant_type_is_never_overridable() =>
        Prop.ForAll(AnyGrant.ToArbitrary(), AnyParameters.ToArbitrary(), (grant, parameters) =>
        {
            var firstReserved = parameters.Items.Map(i => i.Name).Find(n => Reserved.Contains(n));
            bool Holds(Either<OAuthError, HttpRequestSpec> built, string expected, Option<string> refused) =>
                built.Match(
                    request =>
                    {
                        var body = Body(request);
                        return refused.IsNone && body.Head == ("grant_type", expected) && body.Count(p => p.Name == "grant_type") == 1
                               && body.Count(p => p.Name == "client_secret") == 1;
                    },
                    e => refused.Case is string name && e is OAuthError.InvalidArgument a && a.Name.EndsWith($"({name})", StringComparison.Ordinal));
            var assertionRefused = parameters.Items.Map(i => i.Name).Find(n => Reserved.Contains(n) || n == "assertion");
            return (Holds(ExtensionGrants.Request(Config, grant, parameters), grant.Value, firstReserved)
                    && Holds(ExtensionGrants.JwtBearer(Config, "a", parameters), GrantType.JwtBearer.Value, assertionRefused))
                .Label(parameters.ToString());
        });

    [Property(MaxTest = 500)]
    public Property Interpreting_an_exchange_response_is_total() =>
        Prop.ForAll(Gens.Status.ToArbitrary(), Gens.Body.ToArbitrary(), Gens.Instant.ToArbitrary(), (status, body, at) =>
            TokenExchangeResponses.Interpret(new HttpResponseSpec(status, "", Seq<(string, string)>(), Some("application/json"), body), at)
                .Match(t => t.IssuedTokenType.Value.Contains(':'), e => e.Message.Length > 0));
}
