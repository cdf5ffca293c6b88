using OAuth2.Functional.Encodings;

namespace OAuth2.Functional;

/// <summary>Where the authorization server is (simple-oauth2's <c>auth</c>). Paths are resolved against their host
/// with the WHATWG URL rules: an absolute path drops the host's path, a relative one replaces its last segment.</summary>
/// <param name="TokenHost">Base URL of every POST (required, http or https).</param>
public sealed record AuthSettings(string TokenHost)
{
    /// <summary>Token endpoint path (default <c>/oauth/token</c>).</summary>
    public string TokenPath { get; init; } = "/oauth/token";

    /// <summary>Refresh endpoint path; <c>null</c> (the default) means <see cref="TokenPath"/>.</summary>
    public string? RefreshPath { get; init; }

    /// <summary>Revocation endpoint path (default <c>/oauth/revoke</c>).</summary>
    public string RevokePath { get; init; } = "/oauth/revoke";

    /// <summary>Introspection endpoint path (RFC 7662; default <c>/oauth/introspect</c>). Not a simple-oauth2 option.</summary>
    public string IntrospectPath { get; init; } = "/oauth/introspect";

    /// <summary>Device authorization endpoint path (RFC 8628; default <c>/oauth/device</c>). Not a simple-oauth2 option.</summary>
    public string DeviceAuthorizationPath { get; init; } = "/oauth/device";

    /// <summary>Pushed authorization request endpoint (RFC 9126), a path or an absolute URL; <c>null</c> (the default) means the
    /// server has none. Only the authorization-code grant accepts it. Not a simple-oauth2 option.</summary>
    public string? PushedAuthorizationPath { get; init; }

    /// <summary>True when the server requires pushed authorization requests (RFC 9126 §5, the metadata's
    /// <c>require_pushed_authorization_requests</c>): the client then pushes the parameters before every authorize URL
    /// (<see cref="AuthorizationCode.AuthorizeUrlAsync"/>), and the plain <see cref="AuthorizationCode.AuthorizeUrl"/> is refused.
    /// Needs <see cref="PushedAuthorizationPath"/>. Only the authorization-code grant accepts it. Not a simple-oauth2 option.</summary>
    public bool RequirePushedAuthorizationRequests { get; init; }

    /// <summary>Host of the authorize URL; <c>null</c> (the default) means <see cref="TokenHost"/>.
    /// Only the authorization-code grant accepts it.</summary>
    public string? AuthorizeHost { get; init; }

    /// <summary>Path of the authorize URL, may carry a query; <c>null</c> (the default) means <c>/oauth/authorize</c>.
    /// Only the authorization-code grant accepts it.</summary>
    public string? AuthorizePath { get; init; }

    /// <summary>Hosts and paths, with any user info (<c>user:password@</c>) replaced by <c>[redacted]</c>.</summary>
    public override string ToString() =>
        $"AuthSettings {{ TokenHost = {UrlText.WithoutUserInfo(TokenHost)}, TokenPath = {UrlText.WithoutUserInfo(TokenPath)}, " +
        $"RefreshPath = {UrlText.WithoutUserInfo(RefreshPath)}, RevokePath = {UrlText.WithoutUserInfo(RevokePath)}, " +
        $"IntrospectPath = {UrlText.WithoutUserInfo(IntrospectPath)}, DeviceAuthorizationPath = {UrlText.WithoutUserInfo(DeviceAuthorizationPath)}, " +
        $"PushedAuthorizationPath = {UrlText.WithoutUserInfo(PushedAuthorizationPath)}, RequirePushedAuthorizationRequests = {RequirePushedAuthorizationRequests}, AuthorizeHost = {UrlText.WithoutUserInfo(AuthorizeHost)}, " +
        $"AuthorizePath = {UrlText.WithoutUserInfo(AuthorizePath)} }}";
}
