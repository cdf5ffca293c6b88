using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OAuth2.Functional.DevServer;

/// <summary>The passthrough token endpoint's part for token exchange and the JWT bearer grant. OpenIddict (and, for JWT bearer,
/// <see cref="ExtensionGrantsSetup"/>'s verifier) has already validated the request: these only issue the token.</summary>
internal static class GrantEndpoints
{
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    /// <summary>Handles the grant, or <c>null</c> when it is neither of these two.</summary>
    public static async Task<IResult?> TryHandle(HttpContext http, OpenIddictRequest request)
    {
        if (request.IsTokenExchangeGrantType())
        {
            // The principal of the subject token, which OpenIddict validated (signature, lifetime, presenter).
            var result = await http.AuthenticateAsync(Scheme);
            if (result.Principal?.GetClaim(Claims.Subject) is not { } subject) return Forbid(Errors.InvalidRequest, "The subject token is not valid.");
            var principal = Principal(subject, request.GetScopes());
            principal.SetAudiences(request.GetAudiences()).SetResources(request.GetResources());
            return Results.SignIn(principal, authenticationScheme: Scheme);
        }
        if (request.GrantType == ExtensionGrantsSetup.JwtBearerGrantType)
            // The assertion was verified by the event handler before the endpoint runs; its subject becomes the token's.
            return Results.SignIn(Principal(new JsonWebToken(request.Assertion!).Subject, request.GetScopes()), authenticationScheme: Scheme);
        return null;
    }

    private static ClaimsPrincipal Principal(string subject, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(Scheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject).SetClaim(Claims.Name, subject);
        identity.SetScopes(scopes);
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }

    private static IResult Forbid(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [Scheme]);
}
