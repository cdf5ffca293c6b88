namespace OAuth2.Functional.Hosting;

/// <summary>
/// Makes a named client's <see cref="TokenSource"/> from the parts <see cref="OAuth2Clients"/> built from its validated
/// options. The default is <c>TokenSource.Create(parts.Client, parts.Parameters, parts.Options)</c>; a factory set with
/// <see cref="OAuth2ClientBuilder.WithTokenSourceFactory"/> replaces it (e.g. a source whose renewals go through a
/// fleet-wide store). Called once per client name; a <c>Left</c> is what <see cref="OAuth2Clients.TokenSource"/> returns.
/// </summary>
public delegate Either<OAuthError, TokenSource> OAuth2TokenSourceFactory(OAuth2TokenSourceParts parts);

/// <summary>What a named client's token source is made from.</summary>
/// <param name="Name">The client's name.</param>
/// <param name="Client">The grant client (its <c>Config.TokenUrl</c> is the resolved token endpoint).</param>
/// <param name="Parameters">The grant's request parameters (scope and the configured extras; for the password grant the
/// credentials: never log them).</param>
/// <param name="Options">The source's options: name, renewal settings, the container's clock and the client's logger.</param>
public sealed record OAuth2TokenSourceParts(string Name, GrantClient Client, Parameters Parameters, TokenSourceOptions Options)
{
    /// <summary>Names only (the parameters may hold credentials).</summary>
    public override string ToString() => $"OAuth2TokenSourceParts({Name}, {Client.Config.Grant}, parameters [{string.Join(", ", Parameters.Items.Map(i => i.Name))}])";
}

/// <summary>Named options (per client name) holding the factory set by <see cref="OAuth2ClientBuilder.WithTokenSourceFactory"/>.</summary>
public sealed class OAuth2TokenSourceFactoryOptions
{
    /// <summary>The factory; none means the default token source.</summary>
    public OAuth2TokenSourceFactory? Factory { get; set; }
}
