using System.Text.Json;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;

namespace OAuth2.Functional.DevServer;

/// <summary>
/// DPoP at the dev server. At the token endpoint a request with a <c>DPoP</c> header has its proof verified (a server
/// nonce required) before OpenIddict sees it; the token handler then adds <c>cnf: {"jkt": …}</c> to the access token and
/// the response says <c>token_type: DPoP</c> (RFC 9449 §5, §6). The resource at <see cref="Path"/> accepts only
/// <c>Authorization: DPoP</c> with a valid proof whose key matches the token's <c>cnf.jkt</c>; the token itself is
/// validated against the server's own signing keys.
/// </summary>
internal static class DPoPEndpoints
{
    public const string Path = "/api/dpop";
    public const string ThumbprintItem = "dpop_jkt";

    public static async Task TokenEndpoint(HttpContext http, DPoPVerifier verifier, Func<Task> next)
    {
        var path = http.Request.Path;
        var pushed = path == DevAuthorizationServer.PushedAuthorizationPath;
        if (!HttpMethods.IsPost(http.Request.Method) || (path != "/oauth/token" && !pushed) || !http.Request.Headers.ContainsKey("DPoP"))
        {
            await next();
            return;
        }
        var outcome = await verifier.VerifyAsync(http.Request, null);
        if (pushed && outcome.Thumbprint is { } proven)
        {
            // RFC 9449 §10.1: a pushed request's proof stands for dpop_jkt; when both are sent they must name the same key.
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
            if (form is not null && form.TryGetValue("dpop_jkt", out var jkt) && jkt.ToString() != proven)
                outcome = new DPoPVerifier.Outcome(null, "invalid_dpop_proof", "dpop_jkt does not match the key of the DPoP proof");
            else
                verifier.RecordPushedProof();
        }
        if (outcome.Thumbprint is null)
        {
            if (outcome.Error == "use_dpop_nonce") http.Response.Headers["DPoP-Nonce"] = verifier.Nonce;
            http.Response.StatusCode = 400;
            http.Response.Headers.CacheControl = "no-store";
            await http.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["error"] = outcome.Error!, ["error_description"] = outcome.Description! });
            return;
        }
        http.Items[ThumbprintItem] = outcome.Thumbprint;
        await next();
    }

    /// <summary>Access tokens issued for a proven key carry <c>cnf: {"jkt": …}</c> (RFC 9449 §6), added as the token is
    /// generated (OpenIddict drops a <c>cnf</c> claim set on the principal earlier, as it owns that claim for mTLS), and the
    /// token response says <c>token_type: DPoP</c>.</summary>
    public static void BindTokens(OpenIddictServerBuilder server)
    {
        server.AddEventHandler<OpenIddictServerEvents.GenerateTokenContext>(handler => handler
            .UseInlineHandler(context =>
            {
                if (context.TokenType == OpenIddict.Abstractions.OpenIddictConstants.TokenTypeIdentifiers.AccessToken && context.Principal is { } principal &&
                    context.Transaction.GetHttpRequest()?.HttpContext.Items[ThumbprintItem] is string jkt)
                    context.SecurityTokenDescriptor.Claims = new Dictionary<string, object>(context.SecurityTokenDescriptor.Claims ?? new Dictionary<string, object>())
                    {
                        ["cnf"] = new Dictionary<string, object> { ["jkt"] = jkt },
                    };
                return default;
            })
            .SetOrder(OpenIddictServerHandlers.Protection.GenerateIdentityModelToken.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom));
        server.AddEventHandler<OpenIddictServerEvents.ApplyTokenResponseContext>(handler => handler
            .UseInlineHandler(context =>
            {
                if (context.Transaction.GetHttpRequest()?.HttpContext.Items.ContainsKey(ThumbprintItem) == true && context.Response.AccessToken is not null)
                    context.Response.TokenType = "DPoP";
                return default;
            })
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom));
    }

    public static async Task<IResult> Resource(HttpContext http, DPoPVerifier verifier)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("DPoP ", StringComparison.Ordinal)) return Challenge(http, "invalid_token", "a DPoP-bound token is required");
        var token = header["DPoP ".Length..];
        var jkt = await BoundThumbprint(http, token);
        if (jkt is null) return Challenge(http, "invalid_token", "the token is not valid or not bound to a key");
        var outcome = await verifier.VerifyAsync(http.Request, token);
        if (outcome.Error == "use_dpop_nonce")
        {
            http.Response.Headers["DPoP-Nonce"] = verifier.Nonce;
            return Challenge(http, "use_dpop_nonce", "Resource server requires nonce in DPoP proof");
        }
        if (outcome.Thumbprint is null) return Challenge(http, "invalid_dpop_proof", outcome.Description!);
        return outcome.Thumbprint == jkt ? Results.Text("ok dpop", "text/plain") : Challenge(http, "invalid_token", "the token is bound to another key");
    }

    private static async Task<string?> BoundThumbprint(HttpContext http, string token)
    {
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = options.SigningCredentials.Select(c => c.Key), ValidateIssuer = false, ValidateAudience = false,
            ValidTypes = ["at+jwt"],
        });
        return result.IsValid && result.SecurityToken is JsonWebToken jwt && jwt.TryGetPayloadValue<JsonElement>("cnf", out var cnf) &&
               cnf.ValueKind == JsonValueKind.Object && cnf.TryGetProperty("jkt", out var jkt) && jkt.ValueKind == JsonValueKind.String
            ? jkt.GetString()
            : null;
    }

    private static IResult Challenge(HttpContext http, string error, string description)
    {
        http.Response.Headers.WWWAuthenticate = $"DPoP error=\"{error}\", error_description=\"{description}\", algs=\"ES256 PS256 RS256\"";
        return Results.StatusCode(401);
    }
}
