using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OAuth2.Functional.DevServer;

/// <summary>
/// The server's passthrough handlers. OpenIddict has already done all protocol validation (client authentication,
/// redirect URIs, PKCE, code single use, refresh rotation, revocation state) before these run: they only say who the
/// user is.
/// </summary>
internal static class Endpoints
{
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    /// <summary>The <c>login_hint</c> that makes the authorize endpoint refuse, as a user would.</summary>
    public const string DenyingUser = "deny";

    public static IResult Authorize(HttpContext http, DevUser user)
    {
        var request = http.GetOpenIddictServerRequest();
        if (request is null) return Results.BadRequest();
        // login_hint=deny plays a user who presses "Deny": OpenIddict redirects back with error=access_denied.
        if (request.LoginHint == DenyingUser) return Reject(Errors.AccessDenied, "The user denied the authorization request.");
        var principal = Principal(user.Username, request.GetScopes());
        // RFC 9449 §10: dpop_jkt binds the code to a key. Kept in the code only (no destination): checked at redemption.
        if ((string?)request[DPoPEndpoints.ThumbprintItem] is { Length: > 0 } jkt)
            principal.SetClaim(DPoPEndpoints.ThumbprintItem, jkt);
        return Results.SignIn(principal, authenticationScheme: Scheme);
    }

    public static async Task<IResult> Token(HttpContext http, DevUser user)
    {
        var request = http.GetOpenIddictServerRequest();
        if (request is null) return Results.BadRequest();
        if (request.IsClientCredentialsGrantType())
            return Results.SignIn(Principal(request.ClientId ?? "client", request.GetScopes()), authenticationScheme: Scheme);
        if (request.IsPasswordGrantType())
            return request.Username == user.Username && request.Password == user.Password
                ? Results.SignIn(Principal(user.Username, request.GetScopes()), authenticationScheme: Scheme)
                : Reject(Errors.InvalidGrant, "The username or password is invalid.");
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType() || request.IsDeviceCodeGrantType())
        {
            var result = await http.AuthenticateAsync(Scheme);
            if (result.Principal is not { } principal) return Reject(Errors.InvalidGrant, "The token is no longer valid.");
            // RFC 9449 §10: a code bound with dpop_jkt is redeemed only with a proof from that key.
            if (request.IsAuthorizationCodeGrantType() && principal.GetClaim(DPoPEndpoints.ThumbprintItem) is { } bound &&
                http.Items[DPoPEndpoints.ThumbprintItem] as string != bound)
                return Reject(Errors.InvalidGrant, "The authorization code is bound to another DPoP key (dpop_jkt).");
            return Results.SignIn(Principal(principal.GetClaim(Claims.Subject) ?? user.Username, principal.GetScopes()), authenticationScheme: Scheme);
        }
        return await GrantEndpoints.TryHandle(http, request) ?? Reject(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    public static async Task<IResult> Verify(HttpContext http, DevUser user)
    {
        var result = await http.AuthenticateAsync(Scheme);
        return result.Principal is { } principal
            ? Results.SignIn(Principal(user.Username, principal.GetScopes()), authenticationScheme: Scheme)
            : Results.Text("Enter a user_code.", "text/plain", statusCode: 400);
    }

    private static ClaimsPrincipal Principal(string subject, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(Scheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject).SetClaim(Claims.Name, subject);
        identity.SetScopes(scopes);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    private static IResult Reject(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [Scheme]);
}
