using OAuth2.Functional.Encodings;

namespace OAuth2.Functional;

/// <summary>Applies client authentication to a request's body pairs (spec §3.2 and §8).</summary>
internal static class ClientAuthentication
{
    /// <summary>
    /// Header mode with a secret: a Basic header value, body unchanged. Body mode with a secret: id and secret set in the
    /// body (in place if the caller already named them). No secret (a public client): <c>client_id</c> in the body, no header.
    /// </summary>
    public static (Seq<(string Name, string Value)> Body, Option<string> Authorization) Apply(
        ClientSettings client, OAuthOptions options, Seq<(string Name, string Value)> pairs) =>
        client.Secret.Match(
            secret => options.AuthorizationMethod == AuthorizationMethod.Header
                ? (pairs, Some(BasicCredentials.HeaderValue(client.Id, secret.Reveal(), options.CredentialsEncodingMode)))
                : (ParameterMap.SetInPlace(ParameterMap.SetInPlace(pairs, (client.IdParamName, client.Id)), (client.SecretParamName, secret.Reveal())),
                   Option<string>.None),
            () => (ParameterMap.SetInPlace(pairs, (client.IdParamName, client.Id)), Option<string>.None));
}
