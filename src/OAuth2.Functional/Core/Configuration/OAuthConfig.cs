namespace OAuth2.Functional;

/// <summary>
/// The whole client configuration, mirroring simple-oauth2's <c>{ client, auth, options, http }</c> with the same defaults.
/// It is plain data: validate it with <see cref="ConfigValidation.Validate"/> (the grant clients' <c>Create</c> does).
/// </summary>
/// <param name="Client">Client identity and credential parameter names.</param>
/// <param name="Auth">Authorization-server hosts and paths.</param>
public sealed record OAuthConfig(ClientSettings Client, AuthSettings Auth)
{
    /// <summary>Encoding and authentication options (simple-oauth2's <c>options</c>).</summary>
    public OAuthOptions Options { get; init; } = OAuthOptions.Default;

    /// <summary>HTTP settings: extra headers, timeout, response size cap (simple-oauth2's <c>http</c>).</summary>
    public HttpSettings Http { get; init; } = HttpSettings.Default;

    /// <summary>A DPoP proof key (RFC 9449), or <c>null</c> (the default) for bearer tokens. With a key, token and refresh
    /// requests carry a proof, so the server can bind the tokens it issues to the key.</summary>
    public DPoPKey? DPoP { get; init; }
}
