namespace OAuth2.Functional;

/// <summary>Applies client authentication to a request's body pairs (spec §3.2 and §8), for each method of the closed set.</summary>
internal static class ClientAuthentication
{
    /// <summary>
    /// <c>client_secret_basic</c>: a Basic header value, body unchanged. <c>client_secret_post</c>: id and secret set in the
    /// body (in place if the caller already named them). <c>none</c>: <c>client_id</c> in the body, no header.
    /// <c>client_secret_jwt</c> and <c>private_key_jwt</c>: <c>client_id</c> in the body and an assertion to sign. Its
    /// audience is the issuer when configured (draft-ietf-oauth-rfc7523bis, explicitly typed), else the token endpoint URL
    /// (RFC 7523 §3), for every request alike (revocation, introspection and device too): one value the server knows as itself.
    /// </summary>
    public static (Seq<(string Name, string Value)> Body, Option<string> Authorization, Option<PendingClientAssertion> Assertion) Apply(
        ValidConfig config, Seq<(string Name, string Value)> pairs)
    {
        var client = config.Config.Client;
        var method = config.Authentication;
        // Basic first, before any body work: it is the default and every such call's hot path.
        if (method is ClientAuthMethod.ClientSecretBasic) return (pairs, config.BasicAuthorization, None);
        var withId = ParameterMap.SetInPlace(pairs, (client.IdParamName, client.Id));
        return method switch
        {
            ClientAuthMethod.ClientSecretPost post => (ParameterMap.SetInPlace(withId, (client.SecretParamName, post.Secret.Reveal())), None, None),
            _ => (withId, None, method.Assertion.Map(a => a.Issuer is { } issuer
                ? new PendingClientAssertion(method, client.Id, issuer, a.Lifetime, ClientAssertionClaims.JwtType)
                : new PendingClientAssertion(method, client.Id, config.TokenUrl.AbsoluteUri, a.Lifetime, ClientAssertionClaims.ClassicJwtType))),
        };
    }
}
