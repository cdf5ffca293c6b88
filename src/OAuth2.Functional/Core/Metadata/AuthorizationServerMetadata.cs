namespace OAuth2.Functional;

/// <summary>
/// An authorization server's metadata (RFC 8414 §2, OpenID Connect Discovery §3), as checked by
/// <see cref="Discovery.Interpret"/>: the issuer equals the one requested, every endpoint is an absolute https URL (http only
/// on loopback) without user info or fragment, every list a list of strings. Absent members are <c>None</c>, empty lists or
/// <c>false</c>; the RFC's defaults for absent lists are applied by the <c>Effective…</c> members, not here, so the record
/// says what the server said. Every member of the document, known or not, is also kept in <see cref="Members"/>.
/// </summary>
/// <param name="Issuer">The issuer identifier, exactly as requested and as the document states it.</param>
/// <param name="AuthorizationEndpoint"><c>authorization_endpoint</c>.</param>
/// <param name="TokenEndpoint"><c>token_endpoint</c>.</param>
/// <param name="RevocationEndpoint"><c>revocation_endpoint</c> (RFC 7009).</param>
/// <param name="IntrospectionEndpoint"><c>introspection_endpoint</c> (RFC 7662).</param>
/// <param name="DeviceAuthorizationEndpoint"><c>device_authorization_endpoint</c> (RFC 8628).</param>
/// <param name="PushedAuthorizationRequestEndpoint"><c>pushed_authorization_request_endpoint</c> (RFC 9126).</param>
/// <param name="JwksUri"><c>jwks_uri</c>.</param>
/// <param name="GrantTypesSupported"><c>grant_types_supported</c>.</param>
/// <param name="ResponseTypesSupported"><c>response_types_supported</c>.</param>
/// <param name="ScopesSupported"><c>scopes_supported</c>.</param>
/// <param name="TokenEndpointAuthMethodsSupported"><c>token_endpoint_auth_methods_supported</c>.</param>
/// <param name="CodeChallengeMethodsSupported"><c>code_challenge_methods_supported</c> (RFC 7636); empty: PKCE not advertised.</param>
/// <param name="AuthorizationResponseIssParameterSupported"><c>authorization_response_iss_parameter_supported</c> (RFC 9207).</param>
/// <param name="RequirePushedAuthorizationRequests"><c>require_pushed_authorization_requests</c> (RFC 9126 §5).</param>
/// <param name="DpopSigningAlgValuesSupported"><c>dpop_signing_alg_values_supported</c> (RFC 9449).</param>
/// <param name="Members">Every member of the document as received (name, JSON kind, value), unknown ones included.</param>
public sealed record AuthorizationServerMetadata(
    string Issuer,
    Option<Uri> AuthorizationEndpoint,
    Option<Uri> TokenEndpoint,
    Option<Uri> RevocationEndpoint,
    Option<Uri> IntrospectionEndpoint,
    Option<Uri> DeviceAuthorizationEndpoint,
    Option<Uri> PushedAuthorizationRequestEndpoint,
    Option<Uri> JwksUri,
    Seq<string> GrantTypesSupported,
    Seq<string> ResponseTypesSupported,
    Seq<string> ScopesSupported,
    Seq<TokenEndpointAuthMethod> TokenEndpointAuthMethodsSupported,
    Seq<string> CodeChallengeMethodsSupported,
    bool AuthorizationResponseIssParameterSupported,
    bool RequirePushedAuthorizationRequests,
    Seq<string> DpopSigningAlgValuesSupported,
    Seq<TokenField> Members)
{
    /// <summary>The token endpoint's authentication methods, with RFC 8414's default (<c>client_secret_basic</c>) when the
    /// document names none.</summary>
    public Seq<TokenEndpointAuthMethod> EffectiveTokenEndpointAuthMethods =>
        TokenEndpointAuthMethodsSupported.IsEmpty ? Seq1(TokenEndpointAuthMethod.ClientSecretBasic) : TokenEndpointAuthMethodsSupported;

    /// <summary>The grant types, with RFC 8414's default (<c>authorization_code</c>, <c>implicit</c>) when the document names none.</summary>
    public Seq<string> EffectiveGrantTypes =>
        GrantTypesSupported.IsEmpty ? Seq("authorization_code", "implicit") : GrantTypesSupported;

    /// <summary>True when the server advertises PKCE with <c>S256</c>.</summary>
    public bool SupportsPkceS256 => CodeChallengeMethodsSupported.Exists(m => m == "S256");

    /// <summary>What the authorization callback must satisfy for this server: the <paramref name="state"/> sent, and the
    /// <c>iss</c> parameter (RFC 9207), compared with <see cref="Issuer"/> whenever present and required when the server says
    /// it sends one (<see cref="AuthorizationResponseIssParameterSupported"/>).</summary>
    public CallbackExpectation CallbackExpectation(string state) =>
        OAuth2.Functional.CallbackExpectation.ForState(state).WithIssuer(Issuer, AuthorizationResponseIssParameterSupported);

    /// <summary>The issuer, the endpoints and the flags; the lists and <see cref="Members"/> by count.</summary>
    public override string ToString() =>
        $"AuthorizationServerMetadata(Issuer = {UrlText.WithoutSecrets(Issuer)}, Token = {Show(TokenEndpoint)}, Authorization = {Show(AuthorizationEndpoint)}, " +
        $"PushedAuthorization = {Show(PushedAuthorizationRequestEndpoint)}, RequirePushedAuthorizationRequests = {RequirePushedAuthorizationRequests}, " +
        $"AuthorizationResponseIssParameterSupported = {AuthorizationResponseIssParameterSupported}, {Members.Count} members)";

    private static string Show(Option<Uri> endpoint) => endpoint.Match(u => UrlText.WithoutSecrets(u), () => "none");
}
