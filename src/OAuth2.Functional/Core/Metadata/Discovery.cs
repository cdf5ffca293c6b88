using System.Text.Json;

namespace OAuth2.Functional;

/// <summary>
/// Authorization server discovery (RFC 8414, OpenID Connect Discovery 1.0), pure: the well-known URL of an issuer, the GET
/// request for it, the interpretation of the document into <see cref="AuthorizationServerMetadata"/>, and a client
/// configuration built from it. Total: never throws; every problem is a <c>Left</c> naming the member or argument.
/// </summary>
public static class Discovery
{
    /// <summary>The RFC 8414 well-known suffix.</summary>
    public const string OAuthAuthorizationServerSuffix = "/.well-known/oauth-authorization-server";

    /// <summary>The OpenID Connect Discovery well-known suffix.</summary>
    public const string OpenIdConfigurationSuffix = "/.well-known/openid-configuration";

    /// <summary>
    /// The URL of <paramref name="issuer"/>'s metadata document. RFC 8414 §3.1 inserts the well-known segment between the
    /// host and the issuer's path, after removing a terminating <c>/</c> (<c>https://as/tenant</c> →
    /// <c>https://as/.well-known/oauth-authorization-server/tenant</c>); OpenID Connect Discovery §4 appends it to the issuer
    /// without its terminating <c>/</c> (<c>https://as/tenant/.well-known/openid-configuration</c>). The issuer must be an
    /// absolute https URL (http only for a loopback host, or with <paramref name="allowInsecureHttp"/>) without user info, query
    /// or fragment (RFC 8414 §2).
    /// </summary>
    public static Either<OAuthError, Uri> WellKnownUrl(string? issuer, MetadataDocument document, bool allowInsecureHttp = false) =>
        from uri in IssuerUri(issuer, allowInsecureHttp)
        from doc in Enum.IsDefined(document)
            ? Right<OAuthError, MetadataDocument>(document)
            : Left<OAuthError, MetadataDocument>(OAuthError.Argument("document", "is not a known metadata document"))
        let path = uri.AbsolutePath.TrimEnd('/')
        let origin = uri.GetLeftPart(UriPartial.Authority)
        select new Uri(doc == MetadataDocument.OAuthAuthorizationServer
            ? origin + OAuthAuthorizationServerSuffix + path
            : origin + path + OpenIdConfigurationSuffix, UriKind.Absolute);

    /// <summary>The GET request for the document: <c>Accept: application/json</c>, no body, no credentials.</summary>
    public static Either<OAuthError, HttpRequestSpec> Request(string? issuer, MetadataDocument document, bool allowInsecureHttp = false) =>
        WellKnownUrl(issuer, document, allowInsecureHttp).Map(url =>
            new HttpRequestSpec("GET", url, Seq1(("Accept", "application/json")), new RequestBody(BodyFormat.Form, Seq<(string, string)>())));

    /// <summary>
    /// Reads a metadata document fetched for <paramref name="expectedIssuer"/>. A redirect, an OAuth error body, a non-2xx or
    /// content that is not a JSON object are the errors every interpreter gives; then, each as
    /// <see cref="OAuthError.MalformedMetadata"/> naming the member: a member that appears twice; <c>issuer</c> missing or not
    /// exactly equal to <paramref name="expectedIssuer"/> (RFC 8414 §3.3, ordinal comparison, no normalisation: a document
    /// from another server is refused); a known member of the wrong type (<c>null</c> counts as absent); an endpoint that is not an
    /// absolute https URL (http only on loopback, or with <paramref name="allowInsecureHttp"/>) or carries user info or a fragment.
    /// Unknown members are kept, unchecked, in <see cref="AuthorizationServerMetadata.Members"/>.
    /// </summary>
    public static Either<OAuthError, AuthorizationServerMetadata> Interpret(HttpResponseSpec? response, string? expectedIssuer, bool allowInsecureHttp = false) =>
        from expected in IssuerUri(expectedIssuer, allowInsecureHttp).Map(_ => expectedIssuer!)
        from fields in Responses.JsonObjectOf(response)
        from _ in JsonMembers.FirstRepeatedName(response!.Body).Match(
            name => Left<OAuthError, Unit>(OAuthError.Metadata(KnownMembers.Contains(name) ? name : "(an unknown member)", "appears more than once")),
            () => Right<OAuthError, Unit>(unit))
        from issuer in Text(fields, "issuer").Bind(i => i.ToEither(OAuthError.Metadata("issuer", "is missing")))
        from __ in issuer == expected
            ? Right<OAuthError, Unit>(unit)
            : Left<OAuthError, Unit>(OAuthError.Metadata("issuer", "does not equal the requested issuer; the document may describe another server (RFC 8414 §3.3)"))
        from authorization in Endpoint(fields, "authorization_endpoint", allowInsecureHttp)
        from token in Endpoint(fields, "token_endpoint", allowInsecureHttp)
        from revocation in Endpoint(fields, "revocation_endpoint", allowInsecureHttp)
        from introspection in Endpoint(fields, "introspection_endpoint", allowInsecureHttp)
        from device in Endpoint(fields, "device_authorization_endpoint", allowInsecureHttp)
        from par in Endpoint(fields, "pushed_authorization_request_endpoint", allowInsecureHttp)
        from jwks in Endpoint(fields, "jwks_uri", allowInsecureHttp)
        from grants in Strings(fields, "grant_types_supported")
        from responseTypes in Strings(fields, "response_types_supported")
        from scopes in Strings(fields, "scopes_supported")
        from authMethods in Strings(fields, "token_endpoint_auth_methods_supported")
        from pkce in Strings(fields, "code_challenge_methods_supported")
        from iss in Flag(fields, "authorization_response_iss_parameter_supported")
        from requirePar in Flag(fields, "require_pushed_authorization_requests")
        from dpop in Strings(fields, "dpop_signing_alg_values_supported")
        select new AuthorizationServerMetadata(issuer, authorization, token, revocation, introspection, device, par, jwks,
            grants, responseTypes, scopes, authMethods.Map(m => new TokenEndpointAuthMethod(m)), pkce, iss, requirePar, dpop,
            toSeq(fields.Select(f => f.Field).ToArray()));

    /// <summary>
    /// A client configuration for <paramref name="grant"/> from <paramref name="metadata"/> and the client's identity: the
    /// token endpoint (required), and those of revocation, introspection, device authorization (required for
    /// <see cref="GrantKind.DeviceCode"/>), authorization (required for <see cref="GrantKind.AuthorizationCode"/>) and pushed
    /// authorization requests with <c>require_pushed_authorization_requests</c> (authorization code only). An endpoint the
    /// document does not name keeps the library's default path on the issuer's host. A client with an explicit
    /// <see cref="ClientSettings.Authentication"/> keeps it when the server lists it in <c>token_endpoint_auth_methods_supported</c>
    /// (or lists nothing), JWT methods addressed to the metadata's <c>issuer</c> unless they name one; otherwise an
    /// <see cref="OAuthError.InvalidArgument"/> on <c>client.authentication</c>. A client with only a secret authenticates with
    /// <c>client_secret_basic</c> when the server supports it (RFC 8414's default when it names no method), else with
    /// <c>client_secret_post</c>; a server that supports neither is an <see cref="OAuthError.InvalidArgument"/> on
    /// <c>client</c>. The result has passed <see cref="ConfigValidation.Validate"/> for <paramref name="grant"/>.
    /// </summary>
    public static Either<OAuthError, OAuthConfig> ConfigFor(AuthorizationServerMetadata? metadata, GrantKind grant, ClientSettings? client,
        OAuthOptions? options = null, HttpSettings? http = null) =>
        from m in Require.NotNull(metadata, "metadata")
        from c in Require.NotNull(client, "client")
        from token in m.TokenEndpoint.ToEither(OAuthError.Metadata("token_endpoint", "is missing; every grant needs it"))
        from authorize in grant == GrantKind.AuthorizationCode
            ? m.AuthorizationEndpoint.Map(u => Some(u)).ToEither(OAuthError.Metadata("authorization_endpoint", "is missing; the authorization code grant needs it"))
            : Right<OAuthError, Option<Uri>>(None)
        from device in grant == GrantKind.DeviceCode
            ? m.DeviceAuthorizationEndpoint.Map(u => Some(u)).ToEither(OAuthError.Metadata("device_authorization_endpoint", "is missing; the device grant needs it"))
            : Right<OAuthError, Option<Uri>>(m.DeviceAuthorizationEndpoint)
        from authentication in AuthenticationOf(m, c, options ?? OAuthOptions.Default)
        let defaults = new AuthSettings(m.Issuer)
        let code = grant == GrantKind.AuthorizationCode
        let auth = defaults with
        {
            TokenPath = token.AbsoluteUri,
            RevokePath = m.RevocationEndpoint.Match(u => u.AbsoluteUri, () => defaults.RevokePath),
            IntrospectPath = m.IntrospectionEndpoint.Match(u => u.AbsoluteUri, () => defaults.IntrospectPath),
            DeviceAuthorizationPath = device.Match(u => u.AbsoluteUri, () => defaults.DeviceAuthorizationPath),
            AuthorizePath = authorize.MatchUnsafe(u => u.AbsoluteUri, () => (string?)null),
            PushedAuthorizationPath = code ? m.PushedAuthorizationRequestEndpoint.MatchUnsafe(u => u.AbsoluteUri, () => (string?)null) : null,
            RequirePushedAuthorizationRequests = code && m.RequirePushedAuthorizationRequests,
        }
        let config = new OAuthConfig(authentication.Client, auth) { Options = authentication.Options, Http = http ?? HttpSettings.Default }
        from valid in ConfigValidation.Validate(config, grant)
        select config;

    /// <summary>The members this interpreter reads (a repeated one is named in the error; other names are server text).</summary>
    private static readonly System.Collections.Generic.HashSet<string> KnownMembers = new(StringComparer.Ordinal)
    {
        "issuer", "authorization_endpoint", "token_endpoint", "revocation_endpoint", "introspection_endpoint", "device_authorization_endpoint",
        "pushed_authorization_request_endpoint", "jwks_uri", "grant_types_supported", "response_types_supported", "scopes_supported",
        "token_endpoint_auth_methods_supported", "code_challenge_methods_supported", "authorization_response_iss_parameter_supported",
        "require_pushed_authorization_requests", "dpop_signing_alg_values_supported",
    };

    /// <summary>
    /// The client with the method it will authenticate with. An explicit <see cref="ClientSettings.Authentication"/> is kept,
    /// but must be one the server lists (when it lists any), and a JWT method without an issuer gets the metadata's
    /// <c>issuer</c> as its audience (draft-ietf-oauth-rfc7523bis). Without one, a secret chooses <c>client_secret_basic</c>
    /// when the server supports it, else <c>client_secret_post</c>, else (a secret of at least 32 bytes) <c>client_secret_jwt</c>:
    /// a secret never upgrades to <c>client_secret_jwt</c> while Basic or post is offered, because servers register each client
    /// for one method. A client with neither secret nor method, or with <c>none</c> chosen explicitly, is public, listed or not.
    /// </summary>
    private static Either<OAuthError, (ClientSettings Client, OAuthOptions Options)> AuthenticationOf(AuthorizationServerMetadata m, ClientSettings client, OAuthOptions options)
    {
        var methods = m.EffectiveTokenEndpointAuthMethods;
        bool Supports(string name) => methods.Exists(x => x.Name == name);
        if (client.Authentication is { } method and not ClientAuthMethod.None)
        {
            if (!m.TokenEndpointAuthMethodsSupported.IsEmpty && !Supports(method.Name))
                return OAuthError.Argument("client.authentication",
                    $"is {method.Name}, which the server does not list in token_endpoint_auth_methods_supported");
            ClientAuthMethod chosen = method switch
            {
                ClientAuthMethod.PrivateKeyJwt { Issuer: null } k => k with { Issuer = m.Issuer },
                ClientAuthMethod.ClientSecretJwt { Issuer: null } j => j with { Issuer = m.Issuer },
                _ => method,
            };
            return (client with { Authentication = chosen }, options);
        }
        // A client without credentials is public. Not refused when the server does not list "none": OpenIddict and others
        // serve public (PKCE) clients without listing it, and the server's own answer is the authority there.
        if (client.Secret is not { } secret) return (client, options);
        if (Supports("client_secret_basic")) return (client, options with { AuthorizationMethod = AuthorizationMethod.Header });
        if (Supports("client_secret_post")) return (client, options with { AuthorizationMethod = AuthorizationMethod.Body });
        // Only when the server offers no way to send the secret itself: sign with it (needs 32 bytes for HS256).
        if (Supports("client_secret_jwt") && System.Text.Encoding.UTF8.GetByteCount(secret.Reveal()) >= ClientAuthMethods.MinHmacSecretBytes)
            return (client with { Secret = null, Authentication = new ClientAuthMethod.ClientSecretJwt(secret) { Issuer = m.Issuer } }, options);
        return OAuthError.Argument("client", "has a secret, but the server supports none of client_secret_basic, client_secret_post and client_secret_jwt (with a secret of at least 32 bytes)");
    }

    /// <summary>The issuer as a URL, or why it cannot be one (RFC 8414 §2).</summary>
    private static Either<OAuthError, Uri> IssuerUri(string? issuer, bool allowInsecureHttp)
    {
        if (issuer is null) return OAuthError.Argument("issuer", "is required");
        if (!Uri.TryCreate(issuer, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Host.Length == 0)
            return OAuthError.Argument("issuer", "must be an absolute https URL");
        if (uri.UserInfo.Length > 0) return OAuthError.Argument("issuer", "must not contain user info");
        if (issuer.Contains('?') || issuer.Contains('#')) return OAuthError.Argument("issuer", "must not have a query or a fragment (RFC 8414 §2)");
        if (!allowInsecureHttp && uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
            return OAuthError.Argument("issuer", "must use https (plain http is allowed only for loopback hosts)");
        return uri;
    }

    private static Either<OAuthError, Option<string>> Text(JsonField[] fields, string name) =>
        JsonObjectReader.Find(fields, name).Match(
            f => f.Kind switch
            {
                JsonValueKind.String => Right<OAuthError, Option<string>>(Optional(f.Text)),
                JsonValueKind.Null => Right<OAuthError, Option<string>>(None),
                _ => Left<OAuthError, Option<string>>(OAuthError.Metadata(name, $"must be a string, not {JsonObjectReader.Describe(f.Kind)}")),
            },
            () => Right<OAuthError, Option<string>>(None));

    private static Either<OAuthError, Option<Uri>> Endpoint(JsonField[] fields, string name, bool allowInsecureHttp) =>
        Text(fields, name).Bind(text => text.Match(
            t => EndpointUri(t, allowInsecureHttp).Match(
                Right: uri => Right<OAuthError, Option<Uri>>(Some(uri)),
                Left: reason => Left<OAuthError, Option<Uri>>(OAuthError.Metadata(name, reason))),
            () => Right<OAuthError, Option<Uri>>(None)));

    /// <summary>Left: why the text is not a usable endpoint (the library's words).</summary>
    private static Either<string, Uri> EndpointUri(string text, bool allowInsecureHttp)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Host.Length == 0)
            return "must be an absolute https URL";
        if (uri.UserInfo.Length > 0) return "must not contain user info";
        if (text.Contains('#')) return "must not have a fragment";
        if (!allowInsecureHttp && uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback) return "must use https (plain http is allowed only for loopback hosts)";
        return uri;
    }

    private static Either<OAuthError, Seq<string>> Strings(JsonField[] fields, string name) =>
        JsonObjectReader.Find(fields, name).Match(
            f => f.Kind switch
            {
                JsonValueKind.Array => JsonMembers.Strings(f.Raw).ToEither(OAuthError.Metadata(name, "must be an array of strings")),
                JsonValueKind.Null => Right<OAuthError, Seq<string>>(Seq<string>()),
                _ => Left<OAuthError, Seq<string>>(OAuthError.Metadata(name, $"must be an array of strings, not {JsonObjectReader.Describe(f.Kind)}")),
            },
            () => Right<OAuthError, Seq<string>>(Seq<string>()));

    private static Either<OAuthError, bool> Flag(JsonField[] fields, string name) =>
        JsonObjectReader.Find(fields, name).Match(
            f => f.Kind switch
            {
                JsonValueKind.True => Right<OAuthError, bool>(true),
                JsonValueKind.False or JsonValueKind.Null => Right<OAuthError, bool>(false),
                _ => Left<OAuthError, bool>(OAuthError.Metadata(name, $"must be a boolean, not {JsonObjectReader.Describe(f.Kind)}")),
            },
            () => Right<OAuthError, bool>(false));
}
