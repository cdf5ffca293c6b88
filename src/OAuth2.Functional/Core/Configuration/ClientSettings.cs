namespace OAuth2.Functional;

/// <summary>The client's identity (simple-oauth2's <c>client</c>). Without a secret the client is public: no Basic header
/// is sent and <c>client_id</c> goes in the body. A string converts to a <see cref="Functional.Secret"/>, so both
/// <c>new ClientSettings("id", "secret")</c> and <c>settings with { Secret = "rotated" }</c> compile; the secret prints as
/// <c>[redacted]</c>.</summary>
/// <param name="Id">The client id (<c>client.id</c>): required, printable ASCII, may be empty.</param>
/// <param name="Secret">The client secret (<c>client.secret</c>); <c>null</c> for a public client.</param>
public sealed record ClientSettings(string Id, Secret? Secret = null)
{
    /// <summary>Name of the id parameter in the authorize URL and in body credentials (default <c>client_id</c>).</summary>
    public string IdParamName { get; init; } = "client_id";

    /// <summary>Name of the secret parameter in body credentials (default <c>client_secret</c>).</summary>
    public string SecretParamName { get; init; } = "client_secret";

    /// <summary>How the client authenticates (<c>client_secret_basic</c>, <c>client_secret_post</c>, <c>client_secret_jwt</c>,
    /// <c>private_key_jwt</c> or <c>none</c>). <c>null</c> (the default) keeps simple-oauth2's rule: <see cref="Secret"/> with
    /// <see cref="OAuthOptions.AuthorizationMethod"/> and <see cref="OAuthOptions.CredentialsEncodingMode"/>. When set, the
    /// method carries its own secret or key, so <see cref="Secret"/> must stay <c>null</c>.</summary>
    public ClientAuthMethod? Authentication { get; init; }
}
