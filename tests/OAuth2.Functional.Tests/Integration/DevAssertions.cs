using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OAuth2.Functional.DevServer;

namespace OAuth2.Functional.Tests.Integration;

/// <summary>JWT bearer assertions (RFC 7523 §3) signed with JsonWebTokenHandler, for the embedded server's real verifier.</summary>
internal static class DevAssertions
{
    public static string Sign(DevAuthorizationServer server, string subject = "carol", DateTime? expires = null, string? audience = null,
        SigningCredentials? credentials = null, string? jwtId = null)
    {
        var until = expires ?? DateTime.UtcNow.AddMinutes(5);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = server.AssertionTrust.Issuer,
            Audience = audience ?? server.TokenEndpointUri.AbsoluteUri,
            Subject = new ClaimsIdentity(jwtId is null ? [new Claim("sub", subject)] : [new Claim("sub", subject), new Claim("jti", jwtId)]),
            NotBefore = until.AddMinutes(-10),
            IssuedAt = until.AddMinutes(-10),
            Expires = until,
            SigningCredentials = credentials ?? server.AssertionTrust.SigningCredentials,
        });
    }
}
