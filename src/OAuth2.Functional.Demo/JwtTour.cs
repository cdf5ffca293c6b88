using System.Net;
using OAuth2.Functional.DevServer;

namespace OAuth2.Functional.Demo;

/// <summary>Client authentication without a shared secret on the wire (RFC 7523) and sender-constrained tokens (RFC 9449).</summary>
internal sealed class JwtTour(DevAuthorizationServer server)
{
    public Seq<Step> Steps => Seq(
        new Step("private_key_jwt: an ES256 assertion addressed to the issuer (RFC 7523, draft-ietf-oauth-rfc7523bis)", PrivateKeyJwt),
        new Step("client_secret_jwt: token, introspection and revocation, each with a fresh HS256 assertion", SecretJwt),
        Step.ExpectFailure("private_key_jwt with a key the server does not hold", StrangerKey, e => e is OAuthError.ProtocolError { Error: "invalid_client" }),
        new Step("DPoP: a token bound to the proof key, the nonce demand answered once, the resource called with a fresh proof", DPoP));

    private EitherAsync<OAuthError, string> PrivateKeyJwt() =>
        from client in ClientCredentials.Create(server.EcKeyClient.ConfigFor(server))
        from token in client.GetTokenAsync(Parameters.Empty.WithScope("api"))
        select $"client \"{server.EcKeyClient.Id}\" signed with {server.EcKeyClient.Key}: " + Redact.Token(token);

    private OAuthConfig SecretJwtConfig =>
        server.ConfigFor(new DevClient(server.SecretJwt.Id, null, null)) is var c
            ? c with { Client = c.Client with { Authentication = new ClientAuthMethod.ClientSecretJwt(server.SecretJwt.Secret!) { Issuer = server.Issuer } } }
            : c;

    private EitherAsync<OAuthError, string> SecretJwt() =>
        from client in ClientCredentials.Create(SecretJwtConfig)
        from token in client.GetTokenAsync()
        from before in client.IntrospectAsync(token)
        from _ in client.RevokeAsync(token, TokenKind.AccessToken)
        from after in client.IntrospectAsync(token)
        select $"active before revocation: {before.Active}, after: {after.Active}; the secret never left the client";

    private EitherAsync<OAuthError, string> StrangerKey() =>
        from key in SigningKey.Generate()
        from client in ClientCredentials.Create(server.EcKeyClient.ConfigFor(server, key))
        from token in client.GetTokenAsync()
        select Redact.Token(token);

    private EitherAsync<OAuthError, string> DPoP() =>
        from key in DPoPKey.Generate()
        from client in ClientCredentials.Create(server.ConfigFor(server.Confidential) with { DPoP = key })
        from source in TokenSource.Create(client)
        from status in CallResource(source)
        from token in source.GetTokenAsync()
        select $"{key}: {Redact.Token(token)}; the DPoP resource answered {(int)status} " +
               $"(server nonce demands so far: {server.DPoP.NonceChallenges})";

    private EitherAsync<OAuthError, HttpStatusCode> CallResource(TokenSource source)
    {
        var http = new HttpClient();
        return http.SendAsync(source, () => new HttpRequestMessage(HttpMethod.Get, server.DPoPResourceUri), Seq1(server.BaseUri))
            .Bind(response => response.StatusCode == HttpStatusCode.OK
                ? RightAsync<OAuthError, HttpStatusCode>(response.StatusCode)
                : LeftAsync<OAuthError, HttpStatusCode>(OAuthError.Argument("resource", $"answered {(int)response.StatusCode}")));
    }
}
