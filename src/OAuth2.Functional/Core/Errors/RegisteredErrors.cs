namespace OAuth2.Functional;

/// <summary>The error codes registered for OAuth 2.0 (IANA "OAuth Extensions Error Registry" and the RFCs' own lists).
/// Only these are printed in the library's messages; any other server code stays in <see cref="OAuthError.ProtocolError.Error"/>.</summary>
internal static class RegisteredErrors
{
    private static readonly System.Collections.Generic.HashSet<string> Codes = new(StringComparer.Ordinal)
    {
        // RFC 6749 §4.1.2.1, §5.2
        "invalid_request", "invalid_client", "invalid_grant", "unauthorized_client", "unsupported_grant_type", "invalid_scope",
        "access_denied", "unsupported_response_type", "server_error", "temporarily_unavailable",
        // RFC 6750, RFC 7009, RFC 8628, RFC 8693, RFC 8707, RFC 9126, RFC 9449, RFC 9470, OIDC
        "invalid_token", "insufficient_scope", "unsupported_token_type", "authorization_pending", "slow_down", "expired_token",
        "invalid_target", "invalid_request_uri", "invalid_request_object", "request_not_supported", "request_uri_not_supported",
        "invalid_dpop_proof", "use_dpop_nonce", "insufficient_user_authentication", "invalid_authorization_details",
        "interaction_required", "login_required", "account_selection_required", "consent_required", "registration_not_supported",
        "invalid_redirect_uri", "invalid_client_metadata",
    };

    public static bool IsRegistered(string? code) => code is not null && Codes.Contains(code);
}
