namespace OAuth2.Functional.DevServer;

/// <summary>A client registered in the embedded server.</summary>
/// <param name="Id">The client id.</param>
/// <param name="Secret">The client secret; <c>null</c> for a public client.</param>
/// <param name="RedirectUri">The registered redirect URI, for authorization-code clients.</param>
public sealed record DevClient(string Id, string? Secret, string? RedirectUri)
{
    /// <summary>Id and redirect URI only: the secret is never printed.</summary>
    public override string ToString() => $"DevClient({Id}, {(Secret is null ? "public" : "confidential")}, {RedirectUri ?? "no redirect"})";
}

/// <summary>The fixed resource owner whom the server signs in.</summary>
/// <param name="Username">The user name.</param>
/// <param name="Password">The password.</param>
public sealed record DevUser(string Username, string Password)
{
    /// <summary>The user name only.</summary>
    public override string ToString() => $"DevUser({Username})";
}
