using Microsoft.Extensions.Logging;
using OAuth2.Functional.DevServer;

namespace OAuth2.Functional.Tests.Readme;

/// <summary>The README's code, compiled. Every ```csharp block of README.md must appear here verbatim (see ReadmeTests).</summary>
public static class ReadmeExamples
{
    // README: query syntax
    public static EitherAsync<OAuthError, AccessToken> SignInAndRefresh(OAuthConfig config, string user, string password) =>
        from client in ResourceOwnerPassword.Create(config)
        from token in client.GetTokenAsync(Parameters.Of(("username", user), ("password", password)).WithScopes("api", "offline_access"))
        from stored in client.CreateToken(token.ToJson())
        from refreshed in client.RefreshAsync(stored)
        select refreshed;

    // README: no exceptions, no LanguageExt at the call site
    public static async Task<string> Describe(OAuthConfig config)
    {
        var result = await ClientCredentials.Create(config).ToAsync()
            .Bind(client => client.GetTokenAsync(Parameters.Empty.WithScope("api")))
            .ToEither();
        return result.Match(
            Right: token => $"token of type {token.TokenType.IfNone("?")}, expires {token.ExpiresAt.Map(Expiry.ToIso).IfNone("never")}",
            Left: error => $"failed with {error.Code} (status {error.StatusCode.Match(s => s.ToString(), () => "none")}): {error.Message}");
    }

    // README: the DevServer in your own tests
    public static async Task<bool> TokenFromTheDevServer()
    {
        await using var server = await DevAuthorizationServer.StartAsync();
        var token = await ClientCredentials.Create(server.ConfigFor(server.Confidential)).ToAsync()
            .Bind(client => client.GetTokenAsync())
            .ToEither();
        return token.IsRight;
    }

    // README: logging
    public static Either<OAuthError, ClientCredentials> WithDebugLogging(OAuthConfig config, ILoggerFactory factory) =>
        ClientCredentials.Create(config, logger: factory.CreateLogger("OAuth2.Functional.ClientCredentials"));

    // README: filtering with guard, never where (OAF0001)
    public static EitherAsync<OAuthError, AccessToken> RefreshableToken(OAuthConfig config, Parameters login) =>
        from client in ResourceOwnerPassword.Create(config)
        from token in client.GetTokenAsync(login)
        from _ in guard<OAuthError>(token.RefreshToken.IsSome,
            new OAuthError.InvalidArgument("scope", "no refresh token was issued; ask for offline_access"))
        select token;

    // README-beyond: the authorization callback
    public static Either<OAuthError, AuthorizationCallback> CheckCallback(string redirectedTo, string sentState, string issuer) =>
        AuthorizationCallbacks.FromRedirectUri(redirectedTo, CallbackExpectation.ForState(sentState).WithIssuer(issuer, required: true));

    // README-beyond: the device authorization grant
    public static EitherAsync<OAuthError, AccessToken> SignInOnADevice(OAuthConfig config, Action<DeviceAuthorization> show) =>
        from client in DeviceCode.Create(config)
        from device in client.AuthorizeDeviceAsync(Parameters.Empty.WithScope("api")).Do(show)
        from token in client.PollTokenAsync(device)
        select token;
}
