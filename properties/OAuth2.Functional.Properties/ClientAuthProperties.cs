using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OAuth2.Functional.Properties.Arbitraries;

namespace OAuth2.Functional.Properties;

/// <summary>Laws of the client authentication closed set and of the assertion and DPoP claims.</summary>
public class ClientAuthProperties
{
    private static OAuthConfig Config(ClientSettings client, OAuthOptions? options = null) =>
        new(client, new AuthSettings("https://as.example")) { Options = options ?? OAuthOptions.Default };

    private static string Render(OAuthConfig config) =>
        ConfigValidation.Validate(config, GrantKind.ClientCredentials)
            .Bind(valid => TokenRequests.ClientCredentials(valid, Parameters.Empty.WithScope("api")))
            .Match(r => r.Render(), e => "error: " + e.Code);

    [Property]
    public Property The_explicit_secret_methods_send_the_legacy_bytes() =>
        Prop.ForAll(Gens.PrintableAscii.ToArbitrary(), Gens.PrintableAscii.ToArbitrary(), Gen.Elements(0, 1, 2).ToArbitrary(), (id, secret, mode) =>
        {
            var options = mode switch
            {
                0 => new OAuthOptions(),
                1 => new OAuthOptions { CredentialsEncodingMode = CredentialsEncodingMode.Loose },
                _ => new OAuthOptions { AuthorizationMethod = AuthorizationMethod.Body },
            };
            ClientAuthMethod method = mode switch
            {
                0 => new ClientAuthMethod.ClientSecretBasic(secret),
                1 => new ClientAuthMethod.ClientSecretBasic(secret, CredentialsEncodingMode.Loose),
                _ => new ClientAuthMethod.ClientSecretPost(secret),
            };
            return Render(Config(new ClientSettings(id, secret), options)) == Render(Config(new ClientSettings(id) { Authentication = method }));
        });

    [Property]
    public Property An_assertion_names_the_client_twice_and_lives_its_lifetime_rounded_up() =>
        Prop.ForAll(Gens.PrintableAscii.ToArbitrary(), Gens.Instant.ToArbitrary(), Gen.Choose(1, 600_000).ToArbitrary(), (id, now, ms) =>
        {
            var pending = new PendingClientAssertion(new ClientAuthMethod.None(), id, "https://as.example/", TimeSpan.FromMilliseconds(ms), ClientAssertionClaims.JwtType);
            var c = ClientAssertionClaims.For(pending, "j", now);
            return c.Issuer == id && c.Subject == id && c.IssuedAt == now.ToUnixTimeSeconds() && c.ExpiresAt - c.IssuedAt == (ms + 999) / 1000;
        });

    [Property]
    public Property A_proofs_htu_has_no_query_or_fragment_and_keeps_the_path() =>
        Prop.ForAll(Gens.PrintableAscii.ToArbitrary(), Gens.PrintableAscii.ToArbitrary(), (query, fragment) =>
        {
            var url = new Uri("https://api.example/a/b?" + Uri.EscapeDataString(query) + "#" + Uri.EscapeDataString(fragment));
            var htu = DPoPProofClaims.For("GET", url, "j", DateTimeOffset.UnixEpoch, Option<string>.None, Option<string>.None).Url;
            return htu == "https://api.example/a/b";
        });
}
