namespace OAuth2.Functional;

/// <summary>A configuration that passed validation for one grant, with its endpoint URLs resolved.
/// Only <see cref="ConfigValidation.Validate"/> makes one, so request builders never see bad configuration.</summary>
public sealed record ValidConfig
{
    internal ValidConfig(GrantKind grant, OAuthConfig config, Uri tokenUrl, Uri refreshUrl, Uri revokeUrl, Uri introspectUrl, Option<string> authorizeBase, Uri deviceAuthorizationUrl, Option<Uri> pushedAuthorizationUrl = default)
    {
        Grant = grant;
        Config = config;
        TokenUrl = tokenUrl;
        RefreshUrl = refreshUrl;
        RevokeUrl = revokeUrl;
        IntrospectUrl = introspectUrl;
        AuthorizeBase = authorizeBase;
        DeviceAuthorizationUrl = deviceAuthorizationUrl;
        PushedAuthorizationUrl = pushedAuthorizationUrl;
        Authentication = ClientAuthMethods.Resolve(config.Client, config.Options);
        BasicAuthorization = Authentication is ClientAuthMethod.ClientSecretBasic basic
            ? Some(Encodings.BasicCredentials.HeaderValue(config.Client.Id, basic.Secret.Reveal(), basic.Encoding))
            : Option<string>.None;
    }

    /// <summary>The Basic header value, computed once (it holds the secret; never printed).</summary>
    internal Option<string> BasicAuthorization { get; }

    /// <summary>How every request of this configuration authenticates: <see cref="ClientSettings.Authentication"/>, or the
    /// method the secret and <see cref="OAuthOptions.AuthorizationMethod"/> stand for.</summary>
    public ClientAuthMethod Authentication { get; }

    /// <summary>The grant, the endpoints and the client id; never the secret.</summary>
    public override string ToString() =>
        $"ValidConfig({Grant}, client {Config.Client.Id} ({Authentication.Name}), token {UrlText.WithoutSecrets(TokenUrl)}, revoke {UrlText.WithoutSecrets(RevokeUrl)})";

    /// <summary>The grant this configuration was validated for.</summary>
    public GrantKind Grant { get; }
    /// <summary>The configuration as given.</summary>
    public OAuthConfig Config { get; }
    /// <summary><c>tokenPath</c> resolved against <c>tokenHost</c>.</summary>
    public Uri TokenUrl { get; }
    /// <summary><c>refreshPath</c> (default <c>tokenPath</c>) resolved against <c>tokenHost</c>.</summary>
    public Uri RefreshUrl { get; }
    /// <summary><c>revokePath</c> resolved against <c>tokenHost</c>.</summary>
    public Uri RevokeUrl { get; }
    /// <summary><c>introspectPath</c> resolved against <c>tokenHost</c>.</summary>
    public Uri IntrospectUrl { get; }
    /// <summary><c>deviceAuthorizationPath</c> resolved against <c>tokenHost</c> (RFC 8628).</summary>
    public Uri DeviceAuthorizationUrl { get; }
    /// <summary>For the authorization-code grant: <c>pushedAuthorizationPath</c> resolved against <c>tokenHost</c> (RFC 9126), when configured.</summary>
    public Option<Uri> PushedAuthorizationUrl { get; }
    /// <summary>For the authorization-code grant: <c>authorizePath</c> resolved against <c>authorizeHost</c>, as text.</summary>
    public Option<string> AuthorizeBase { get; }
}
