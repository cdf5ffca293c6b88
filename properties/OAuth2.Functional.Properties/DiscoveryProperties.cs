using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OAuth2.Functional.Encodings;
using OAuth2.Functional.Properties.Arbitraries;

namespace OAuth2.Functional.Properties;

/// <summary>Laws of discovery and of the pushed authorize URL: the well-known URL gives the issuer back once the well-known
/// segment is taken out (and so tells issuers apart), a document is accepted exactly when it states the requested issuer,
/// endpoints are https off loopback, the interpreter is total, and a pushed authorize URL carries the client id and the
/// request_uri and nothing else.</summary>
public class DiscoveryProperties
{
    private static readonly Gen<string> Segment =
        Gen.Elements("a", "b", "tenant", "t-1", "x.y", "~u", "_", "0", "%C3%A9", "A").ListOf().Where(l => l.Count > 0).Select(l => string.Concat(l));

    /// <summary>Issuers: https (or http on loopback) hosts with 0–3 path segments, sometimes a terminating slash.</summary>
    private static readonly Gen<string> IssuerGen =
        from origin in Gen.Elements("https://as.example", "https://login.example.com:8443", "http://127.0.0.1:5000", "https://xn--bcher-kva.example")
        from segments in Segment.ListOf().Select(l => l.Take(3).ToArray())
        from slash in ArbMap.Default.GeneratorFor<bool>()
        select origin + string.Concat(segments.Select(s => "/" + s)) + (slash ? "/" : string.Empty);

    private static string Trimmed(string issuer) => issuer.TrimEnd('/');

    [Property]
    public Property Taking_the_RFC_8414_segment_out_of_the_well_known_URL_gives_the_issuer_back() =>
        Prop.ForAll(IssuerGen.ToArbitrary(), issuer =>
        {
            var url = Discovery.WellKnownUrl(issuer, MetadataDocument.OAuthAuthorizationServer).Match(u => u.OriginalString, e => e.Code);
            var at = url.IndexOf(Discovery.OAuthAuthorizationServerSuffix, StringComparison.Ordinal);
            return (at > 0 && url.Remove(at, Discovery.OAuthAuthorizationServerSuffix.Length) == Trimmed(issuer)).Label(url);
        });

    [Property]
    public Property Taking_the_OIDC_suffix_off_the_well_known_URL_gives_the_issuer_back() =>
        Prop.ForAll(IssuerGen.ToArbitrary(), issuer =>
        {
            var url = Discovery.WellKnownUrl(issuer, MetadataDocument.OpenIdConfiguration).Match(u => u.OriginalString, e => e.Code);
            return (url.EndsWith(Discovery.OpenIdConfigurationSuffix, StringComparison.Ordinal) &&
                    url[..^Discovery.OpenIdConfigurationSuffix.Length] == Trimmed(issuer)).Label(url);
        });

    [Property]
    public Property Different_issuers_have_different_well_known_URLs() =>
        Prop.ForAll(IssuerGen.ToArbitrary(), IssuerGen.ToArbitrary(), ArbMap.Default.ArbFor<bool>(), (a, b, oidc) =>
        {
            var document = oidc ? MetadataDocument.OpenIdConfiguration : MetadataDocument.OAuthAuthorizationServer;
            var same = Discovery.WellKnownUrl(a, document) == Discovery.WellKnownUrl(b, document);
            return (same == (Trimmed(a) == Trimmed(b))).Label($"{a} vs {b}");
        });

    [Property]
    public Property A_document_is_accepted_exactly_when_it_states_the_requested_issuer() =>
        Prop.ForAll(IssuerGen.ToArbitrary(), Gen.OneOf(IssuerGen, Gens.UnicodeText).ToArbitrary(), (requested, stated) =>
        {
            var doc = "{\"issuer\":" + System.Text.Json.JsonSerializer.Serialize(stated) + "}";
            return Discovery.Interpret(HttpResponseSpec.Of(200, "application/json", doc), requested).Match(
                m => stated == requested && m.Issuer == requested,
                e => stated != requested && e is OAuthError.MalformedMetadata { Member: "issuer" });
        });

    [Property]
    public Property An_endpoint_is_accepted_exactly_when_it_is_https_or_on_loopback() =>
        Prop.ForAll(Gen.Elements("https", "http").ToArbitrary(), Gen.Elements("as.example", "127.0.0.1", "[::1]", "localhost.example", "10.0.0.1").ToArbitrary(),
            Gen.Elements("token_endpoint", "authorization_endpoint", "pushed_authorization_request_endpoint", "jwks_uri", "revocation_endpoint").ToArbitrary(),
            (scheme, host, member) =>
            {
                var doc = $"{{\"issuer\":\"https://as.example\",\"{member}\":\"{scheme}://{host}/e\"}}";
                var ok = scheme == "https" || host is "127.0.0.1" or "[::1]";
                return Discovery.Interpret(HttpResponseSpec.Of(200, "application/json", doc), "https://as.example").Match(
                    _ => ok,
                    e => !ok && e is OAuthError.MalformedMetadata m && m.Member == member);
            });

    [Property]
    public Property Interpreting_any_response_gives_a_value_never_an_exception() =>
        Prop.ForAll(Gens.Status.ToArbitrary(), Gens.ContentType.ToArbitrary(), Gens.Body.ToArbitrary(), (status, contentType, body) =>
        {
            var response = new HttpResponseSpec(status, "", Seq<(string, string)>(), Optional(contentType), body);
            return !Discovery.Interpret(response, "https://as.example").IsBottom
                && !PushedAuthorizationRequests.Interpret(response, DateTimeOffset.UnixEpoch).IsBottom;
        });

    [Property]
    public Property A_pushed_authorize_URL_carries_the_client_id_and_the_request_uri_and_nothing_else() =>
        Prop.ForAll(Gens.PrintableAscii.ToArbitrary(), Gens.NonEmptyUnicode.ToArbitrary(), (clientId, requestUri) =>
        {
            var config = ConfigValidation.Validate(new OAuthConfig(new ClientSettings(clientId), new AuthSettings("https://as.example")), GrantKind.AuthorizationCode);
            return config.Bind(c => AuthorizeUrls.Pushed(c, new PushedAuthorization(requestUri, DateTimeOffset.UnixEpoch))).Match(
                url => url.StartsWith("https://as.example/oauth/authorize?", StringComparison.Ordinal) &&
                       QueryEncoding.Decode(url[(url.IndexOf('?') + 1)..]).Equals(Seq(("client_id", clientId), ("request_uri", requestUri))),
                _ => false);
        });
}
