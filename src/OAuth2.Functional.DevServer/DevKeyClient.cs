namespace OAuth2.Functional.DevServer;

/// <summary>A client registered with a JSON Web Key Set (its public key), which authenticates with <c>private_key_jwt</c>.</summary>
/// <param name="Id">The client id.</param>
/// <param name="Key">The client's private key (prints its algorithm and key id only).</param>
/// <param name="PrivateKeyPem">The same private key as PKCS#8 PEM text, for tests of the other key sources.</param>
public sealed record DevKeyClient(string Id, SigningKey Key, string PrivateKeyPem)
{
    /// <summary>Id and key id only: the private key is never printed.</summary>
    public override string ToString() => $"DevKeyClient({Id}, {Key})";

    /// <summary>A configuration for this client with <c>private_key_jwt</c> and the default paths. The server's issuer is the
    /// assertions' audience (OpenIddict 7 accepts the explicitly typed, issuer-addressed assertions of draft-ietf-oauth-rfc7523bis).</summary>
    public OAuthConfig ConfigFor(DevAuthorizationServer server, SigningKey? key = null) =>
        server.ConfigFor(new DevClient(Id, null, null)) is var config
            ? config with { Client = config.Client with { Authentication = new ClientAuthMethod.PrivateKeyJwt(key ?? Key) { Issuer = server.Issuer } } }
            : config;
}
