namespace OAuth2.Functional;

/// <summary>
/// What makes two cached tokens interchangeable: the token endpoint, the client id and the request parameters (scope,
/// resource, audience …), compared by value. Never a secret: two clients that differ only in their secret would be
/// the same registration anyway.
/// </summary>
/// <param name="TokenUrl">The token endpoint.</param>
/// <param name="ClientId">The client id.</param>
/// <param name="Parameters">The parameters the token is requested with.</param>
internal sealed record TokenSourceKey(Uri TokenUrl, string ClientId, Parameters Parameters)
{
    // The key of tokens that <paramref name="config"/>'s client gets with these parameters.
    public static TokenSourceKey Of(ValidConfig config, Parameters parameters) => new(config.TokenUrl, config.Config.Client.Id, parameters);
}
