namespace OAuth2.Functional;

/// <summary>Applies client authentication to a request's body pairs (spec §3.2 and §8).</summary>
internal static class ClientAuthentication
{
    /// <summary>
    /// Header mode with a secret: a Basic header value, body unchanged. Body mode with a secret: id and secret set in the
    /// body (in place if the caller already named them). No secret (a public client): <c>client_id</c> in the body, no header.
    /// </summary>
    public static (Seq<(string Name, string Value)> Body, Option<string> Authorization) Apply(
        ValidConfig config, Seq<(string Name, string Value)> pairs)
    {
        var client = config.Config.Client;
        if (client.Secret is not { } secret) return (ParameterMap.SetInPlace(pairs, (client.IdParamName, client.Id)), None);
        if (config.Config.Options.AuthorizationMethod == AuthorizationMethod.Header) return (pairs, config.BasicAuthorization);
        return (ParameterMap.SetInPlace(ParameterMap.SetInPlace(pairs, (client.IdParamName, client.Id)), (client.SecretParamName, secret.Reveal())), None);
    }
}
