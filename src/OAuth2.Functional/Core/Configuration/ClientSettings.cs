namespace OAuth2.Functional;

/// <summary>The client's identity (simple-oauth2's <c>client</c>).</summary>
public sealed record ClientSettings
{
    /// <summary>A client with an id and, for a confidential client, a secret. Without a secret the client is public:
    /// no Basic header is sent and <c>client_id</c> goes in the body.</summary>
    public ClientSettings(string id, string? secret = null)
    {
        Id = id;
        Secret = Optional(secret).Map(Functional.Secret.Of);
    }

    /// <summary>The client id (<c>client.id</c>): required, printable ASCII, may be empty.</summary>
    public string Id { get; init; }

    /// <summary>The client secret (<c>client.secret</c>); <c>None</c> for a public client.</summary>
    public Option<Secret> Secret { get; init; }

    /// <summary>Name of the id parameter in the authorize URL and in body credentials (default <c>client_id</c>).</summary>
    public string IdParamName { get; init; } = "client_id";

    /// <summary>Name of the secret parameter in body credentials (default <c>client_secret</c>).</summary>
    public string SecretParamName { get; init; } = "client_secret";
}
