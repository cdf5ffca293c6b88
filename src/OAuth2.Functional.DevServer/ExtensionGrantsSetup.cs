using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OAuth2.Functional.DevServer;

/// <summary>
/// Token exchange (RFC 8693, OpenIddict's own support: subject and actor tokens are validated by OpenIddict, audiences and
/// resources must be registered and permitted per client) and the JWT bearer grant (RFC 7523 §2.1, which OpenIddict does not
/// serve: registered as a custom grant whose assertion is verified here with <see cref="JsonWebTokenHandler"/>: signature,
/// issuer, audience and lifetime).
/// </summary>
internal static class ExtensionGrantsSetup
{
    public const string JwtBearerGrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /// <summary>The audiences and resources a token exchange may target.</summary>
    public static readonly string[] Audiences = ["orders-api", "billing-api"];
    public static readonly string[] Resources = ["https://orders.example/api", "https://billing.example/api"];

    public static void Configure(OpenIddictServerBuilder server, Func<DevAuthorizationServer> dev)
    {
        server.AllowTokenExchangeFlow().AllowCustomFlow(JwtBearerGrantType);
        server.RegisterAudiences(Audiences).RegisterResources(Resources);
        // Identity tokens may be requested too, so that a response with token_type N_A (RFC 8693 §2.2.1) can be tested.
        server.Configure(o => o.RequestedTokenTypes.Add(TokenTypeIdentifiers.IdentityToken));
        server.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler =>
            handler.UseInlineHandler(context => ValidateAssertionAsync(context, dev())).SetOrder(int.MaxValue - 1000));
    }

    /// <summary>Rejects a JWT bearer request unless its assertion verifies against the dev trust (RFC 7523 §3).</summary>
    private static async ValueTask ValidateAssertionAsync(OpenIddictServerEvents.ValidateTokenRequestContext context, DevAuthorizationServer dev)
    {
        if (context.Request.GrantType != JwtBearerGrantType) return;
        if (string.IsNullOrEmpty(context.Request.Assertion))
        {
            context.Reject(Errors.InvalidRequest, "The mandatory 'assertion' parameter is missing.");
            return;
        }
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(context.Request.Assertion, dev.AssertionTrust.ValidationParameters(dev.TokenEndpointUri));
        if (!result.IsValid || result.ClaimsIdentity.FindFirst(Claims.Subject) is null)
            context.Reject(Errors.InvalidGrant, "The assertion is not valid.");
        // RFC 7523 §3 (7): jti is optional; one seen before (within the assertion's lifetime) is a replay.
        else if (result.SecurityToken is JsonWebToken { Id.Length: > 0 } jwt && !dev.AssertionTrust.FirstUse(jwt.Id, jwt.ValidTo))
            context.Reject(Errors.InvalidGrant, "The assertion was used before (its jti was seen).");
    }
}
