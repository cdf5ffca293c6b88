using OAuth2.Functional.DevServer;

namespace OAuth2.Functional.Demo;

/// <summary>Every flow of the library against the embedded server, written as LINQ pipelines over Either/EitherAsync.</summary>
internal sealed class Tour(DevAuthorizationServer server)
{
    private static readonly Parameters Alice = Parameters.Of(("username", "alice"), ("password", "wonderland")).WithScopes("api", "offline_access");

    public Seq<Step> Steps => Seq(
        new Step("client credentials (Basic header, strict encoding)", ClientCredentialsToken),
        new Step("password grant (client credentials in the body)", PasswordToken),
        new Step("stored token round trip (ToJson → CreateToken)", StoredRoundTrip),
        new Step("expiry check with a window", ExpiryCheck),
        new Step("refresh (the server rotates the refresh token)", Refresh),
        new Step("authorization code with PKCE and state", AuthorizationCodeWithPkce),
        Step.ExpectFailure("the user denies: the callback is a typed refusal", UserDenies, e => e is OAuthError.AuthorizationRefused { Error: "access_denied" }),
        new Step("device authorization grant (RFC 8628): code approved, polling gets the token", DeviceFlow),
        new Step("revoke the access token, checked by introspection", RevokeAccess),
        new Step("revokeAll, checked by introspection", RevokeAll),
        Step.ExpectFailure("a wrong client secret", WrongSecret, e => e is OAuthError.ProtocolError { Error: "invalid_client", Status: 401 }));

    private Either<OAuthError, ResourceOwnerPassword> PasswordClient =>
        ResourceOwnerPassword.Create(server.ConfigFor(server.Confidential, new OAuthOptions { AuthorizationMethod = AuthorizationMethod.Body }));

    private EitherAsync<OAuthError, string> ClientCredentialsToken() =>
        from client in ClientCredentials.Create(server.ConfigFor(server.Awkward))
        from token in client.GetTokenAsync(Parameters.Empty.WithScope("api"))
        select $"client \"{server.Awkward.Id}\" with an awkward secret: " + Redact.Token(token);

    private EitherAsync<OAuthError, string> PasswordToken() =>
        from client in PasswordClient
        from token in client.GetTokenAsync(Alice)
        select Redact.Token(token);

    private EitherAsync<OAuthError, string> StoredRoundTrip() =>
        from client in PasswordClient
        from token in client.GetTokenAsync(Alice)
        let stored = token.ToJson()
        from restored in client.CreateToken(stored)
        from same in guard(restored == token, OAuthError.Malformed("(json)", "the restored token differs"))
        select $"{stored.Length} bytes of JSON restore to an equal token ({string.Join(", ", restored.Fields.Map(f => f.Name))})";

    private EitherAsync<OAuthError, string> ExpiryCheck() =>
        from client in PasswordClient
        from token in client.GetTokenAsync(Alice)
        from fresh in guardnot(client.IsExpired(token), OAuthError.Malformed("expires_in", "a new token is already expired"))
        from soon in guard(client.IsExpired(token, TimeSpan.FromHours(2)), OAuthError.Malformed("expires_in", "a one-hour token outlives a two-hour window"))
        select $"not expired now; expired within a 2 h window (expires {token.ExpiresAt.Map(Expiry.ToIso).IfNone("never")})";

    private EitherAsync<OAuthError, string> Refresh() =>
        from client in PasswordClient
        from token in client.GetTokenAsync(Alice)
        from refreshed in client.RefreshAsync(token)
        from rotated in guard(refreshed.RefreshToken != token.RefreshToken, OAuthError.Malformed("refresh_token", "was not rotated"))
        select "new " + Redact.Token(refreshed);

    private EitherAsync<OAuthError, string> AuthorizationCodeWithPkce()
    {
        var pkce = PkceGenerator.New();
        var state = PkceGenerator.NewState();
        var redirect = Parameters.Of(("redirect_uri", DevAuthorizationServer.CallbackUri));
        return
            from client in AuthorizationCode.Create(server.ConfigFor(server.Public))
            from url in client.AuthorizeUrl(pkce.AddChallenge(redirect.Add("state", state).WithScopes("api", "offline_access")))
            from callback in UserAgent.FollowAuthorizeAsync(url, CallbackExpectation.ForState(state).WithIssuer(server.Issuer, required: true)).ToAsync()
            from token in client.GetTokenAsync(pkce.AddVerifier(redirect.Add("code", callback.Code.Reveal())))
            select "public client \"spa\": callback checked (state, iss " + callback.Issuer.IfNone("none") + "); " + Redact.Token(token);
    }

    private EitherAsync<OAuthError, string> UserDenies()
    {
        var state = PkceGenerator.NewState();
        return
            from client in AuthorizationCode.Create(server.ConfigFor(server.Web))
            from url in client.AuthorizeUrl(Parameters.Of(("redirect_uri", DevAuthorizationServer.CallbackUri), ("state", state),
                ("login_hint", DevAuthorizationServer.DenyingLoginHint)).WithScope("api"))
            from callback in UserAgent.FollowAuthorizeAsync(url, CallbackExpectation.ForState(state).WithIssuer(server.Issuer, required: true)).ToAsync()
            select "unexpected: a code";
    }

    private EitherAsync<OAuthError, string> DeviceFlow() =>
        from client in DeviceCode.Create(server.ConfigFor(server.Device))
        from device in client.AuthorizeDeviceAsync(Parameters.Empty.WithScope("api"))
        from approved in UserAgent.ApproveDeviceAsync(new Uri(device.VerificationUri), device.UserCode)
            .Map(r => r.MapLeft(e => OAuthError.Argument("verification", e))).ToAsync()
        from token in client.PollTokenAsync(device)
        select $"user code shown at {device.VerificationUri}, approved; after one {device.Interval.TotalSeconds:0} s interval: " + Redact.Token(token);

    private EitherAsync<OAuthError, string> RevokeAccess() =>
        from client in PasswordClient
        from token in client.GetTokenAsync(Alice)
        from before in client.IntrospectAsync(token)
        from _ in client.RevokeAsync(token, TokenKind.AccessToken)
        from after in client.IntrospectAsync(token)
        from ok in guard(before.Active && !after.Active, OAuthError.Malformed("active", "revocation did not deactivate the token"))
        select "introspection: active before, inactive after";

    private EitherAsync<OAuthError, string> RevokeAll() =>
        from client in PasswordClient
        from token in client.GetTokenAsync(Alice)
        from _ in client.RevokeAllAsync(token)
        from access in client.IntrospectAsync(token, TokenKind.AccessToken)
        from refresh in client.IntrospectAsync(token, TokenKind.RefreshToken)
        from ok in guard(!access.Active && !refresh.Active, OAuthError.Malformed("active", "a token is still active"))
        select "access and refresh tokens both inactive";

    private EitherAsync<OAuthError, string> WrongSecret() =>
        from client in ClientCredentials.Create(server.ConfigFor(server.Confidential with { Secret = "not-the-secret" }))
        from token in client.GetTokenAsync()
        select Redact.Token(token);
}
