namespace OAuth2.Functional.Hosting;

/// <summary>
/// One named OAuth client as configuration holds it (an <c>appsettings.json</c> section binds to it directly), with the
/// token source's renewal settings. Checked at start-up: every problem is listed at once, each naming its field.
/// </summary>
public sealed class OAuth2ClientOptions
{
    /// <summary>The grant the token source runs: <c>client_credentials</c> (default) or <c>password</c>.</summary>
    public string Grant { get; set; } = "client_credentials";

    /// <summary>The client id (<c>client.id</c>).</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret; none for a public client. Keep it in a secret store, not in appsettings.json.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The token server's base URL (<c>auth.tokenHost</c>).</summary>
    public string? TokenHost { get; set; }

    /// <summary>The token endpoint's path (default <c>/oauth/token</c>).</summary>
    public string TokenPath { get; set; } = "/oauth/token";

    /// <summary>How the client authenticates: <c>Header</c> (HTTP Basic, default) or <c>Body</c>.</summary>
    public AuthorizationMethod AuthorizationMethod { get; set; } = AuthorizationMethod.Header;

    /// <summary>The client authentication method: <c>client_secret_basic</c>, <c>client_secret_post</c>,
    /// <c>client_secret_jwt</c>, <c>private_key_jwt</c> or <c>none</c>. Unset (the default), <see cref="ClientSecret"/> and
    /// <see cref="AuthorizationMethod"/> decide, as before.</summary>
    public string? AuthenticationMethod { get; set; }

    /// <summary>For <c>private_key_jwt</c>: the private key as PEM text or as a JWK (JSON). Keep it in a secret store.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>For <c>private_key_jwt</c>: RS256, PS256 or ES256 (default: the JWK's <c>alg</c>, else RS256 for PEM text).</summary>
    public string? SigningAlgorithm { get; set; }

    /// <summary>For the JWT methods: the authorization server's issuer identifier, the assertions' sole audience
    /// (draft-ietf-oauth-rfc7523bis); unset, the token endpoint URL is the audience.</summary>
    public string? Issuer { get; set; }

    /// <summary>Sender-constrained tokens (RFC 9449): a DPoP key is made at start and every token request and resource
    /// request proves possession of it. Default false.</summary>
    public bool DPoP { get; set; }

    /// <summary>The scope to request, space-separated.</summary>
    public string? Scope { get; set; }

    /// <summary>More request parameters (e.g. <c>resource</c>, <c>audience</c>; for the password grant <c>username</c>
    /// and <c>password</c>). Order follows the configuration's.</summary>
    public Dictionary<string, string> Parameters { get; set; } = new();

    /// <summary>Timeout of one token request (default 30 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>See <see cref="RenewalOptions.Skew"/> (default 60 s).</summary>
    public TimeSpan Skew { get; set; } = RenewalOptions.Default.Skew;

    /// <summary>See <see cref="RenewalOptions.FallbackLifetime"/> (default 5 min).</summary>
    public TimeSpan FallbackLifetime { get; set; } = RenewalOptions.Default.FallbackLifetime;

    /// <summary>See <see cref="RenewalOptions.AheadFraction"/> (default 0.1).</summary>
    public double AheadFraction { get; set; } = RenewalOptions.Default.AheadFraction;

    /// <summary>Allow plain http off loopback (never in production). Default false.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Settings only; the secret and parameter values never print.</summary>
    public override string ToString() =>
        $"OAuth2ClientOptions(Grant = {Grant}, ClientId = {ClientId}, ClientSecret = {(ClientSecret is null ? "none" : "[redacted]")}, " +
        $"AuthenticationMethod = {AuthenticationMethod ?? "(from the secret)"}, PrivateKey = {(PrivateKey is null ? "none" : "[redacted]")}, DPoP = {DPoP}, " +
        $"TokenHost = {TokenHost}, TokenPath = {TokenPath}, Scope = {Scope}, Parameters = [{string.Join(", ", Parameters.Keys)}])";
}
