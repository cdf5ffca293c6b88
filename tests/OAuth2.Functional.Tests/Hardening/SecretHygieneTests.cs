using System.Text.Json;
using OAuth2.Functional.DevServer;
using OAuth2.Functional.Tests.Integration;
using OAuth2.Functional.Tests.Shell;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Hardening;

/// <summary>No secret ever reaches a ToString, an error message or a log line.</summary>
[Collection("devserver")]
public class SecretHygieneTests(DevServerFixture fixture)
{
    private const string Mark = "SECRET";
    private static readonly string ClientSecret = "client-" + Mark + "-value";

    /// <summary>One instance of every public type of the library, built with known secret values.</summary>
    private static IEnumerable<object> Instances()
    {
        var config = new OAuthConfig(new ClientSettings("id", ClientSecret), new AuthSettings(Host))
        { Http = new HttpSettings { Headers = Seq1(("X-Api-Key", "key-" + Mark)) } };
        var valid = Valid(config);
        var token = Token($"{{\"access_token\":\"at-{Mark}\",\"refresh_token\":\"rt-{Mark}\",\"id_token\":\"id-{Mark}\",\"expires_in\":60}}");
        var parameters = Parameters.Of(("password", "pw-" + Mark), ("code", "code-" + Mark), ("code_verifier", "v-" + Mark),
            ("client_assertion", "assert-" + Mark), ("refresh_token", "rt-" + Mark));
        var request = Right(TokenRequests.Password(valid, parameters, RequestOptions.WithHeaders(("Authorization", "Bearer " + Mark))));
        yield return config;
        yield return config.Client;
        yield return new ConfigProblem("client.secret", "is wrong");
        yield return config.Auth;
        yield return config.Options;
        yield return config.Http;
        yield return valid;
        yield return Secret.Of(Mark);
        yield return token;
        yield return token.Fields.Head;
        yield return parameters;
        yield return parameters.Items.Head.Value;
        yield return new ParamValue.ScopeList(Seq1("api"));
        yield return RequestOptions.WithHeaders(("Authorization", "Bearer " + Mark));
        yield return request;
        yield return request.Body;
        yield return HttpResponseSpec.Of(200, "application/json", $"{{\"access_token\":\"{Mark}\"}}");
        yield return Right(Pkce.FromVerifier(new string('a', 30) + Mark + new string('b', 10)));
        yield return new Introspection(true, Some("api"), Some("id"), Some("alice"), None, Seq1(new TokenField("token", JsonValueKind.String, Mark)));
        yield return new DevClient("id", ClientSecret, null);
        yield return new DevUser("alice", "pw-" + Mark);
        yield return Right(AuthorizationCallbacks.FromRedirectUri($"http://127.0.0.1/callback?code={Mark}&state=state-{Mark}&iss=https%3A%2F%2Fas",
            CallbackExpectation.ForState("state-" + Mark).WithIssuer("https://as", required: true)));
        yield return CallbackExpectation.ForState("state-" + Mark);
        var device = Right(DeviceResponses.InterpretAuthorization(HttpResponseSpec.Of(200, "application/json",
            $"{{\"device_code\":\"dc-{Mark}\",\"user_code\":\"uc-{Mark}\",\"verification_uri\":\"https://u:{Mark}@as/device\",\"verification_uri_complete\":\"https://as/device?user_code=uc-{Mark}\",\"expires_in\":60}}"), Jan1));
        yield return device;
        yield return new DevicePollStep.Done(token);
        yield return new DevicePollStep.Failed(new OAuthError.Cancelled());
        yield return new DevicePollStep.Wait(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
        foreach (var e in Errors()) yield return e;
        foreach (var o in Others()) yield return o;
        var markToken = Right(AccessToken.FromJson($"{{\"access_token\":\"{Mark}\",\"refresh_token\":\"{Mark}\",\"expires_in\":3600}}", Jan1));
        var schedule = RenewalPolicy.Schedule(markToken, Jan1, RenewalOptions.Default);
        yield return schedule;
        yield return RenewalOptions.Default;
        yield return new CacheState(Some(schedule), Some(Jan1.AddHours(1)), None);
        yield return new TokenSourceOptions { Seed = Some(markToken), Name = "n" };
        yield return OAuthTokenHandlerOptions.For(new Uri("https://api.example/"));
        foreach (var at in new[] { Jan1, Jan1.AddMinutes(55), Jan1.AddHours(2) })
            yield return RenewalPolicy.Decide(new CacheState(Some(schedule), Some(Jan1.AddHours(3)), None), at, RenewalOptions.Default);
        yield return RenewalPolicy.Decide(CacheState.Empty, Jan1, RenewalOptions.Default);
        yield return RenewalPolicy.Decide(new CacheState(Some(schedule), None, None), Jan1.AddMinutes(55), RenewalOptions.Default);
    }

    /// <summary>Every error case, built from inputs that carry secrets.</summary>
    private static IEnumerable<OAuthError> Errors()
    {
        yield return Left(ConfigValidation.Validate(new OAuthConfig(new ClientSettings("id", ClientSecret + "\n"), new AuthSettings("bad")), GrantKind.ClientCredentials));
        yield return Left(TokenRequests.ClientCredentials(Valid(DefaultConfig()), Parameters.Of(("password", null!))));
        yield return Left(Responses.InterpretToken(HttpResponseSpec.Of(400, "application/json", $"{{\"error\":\"invalid_grant\",\"refresh_token\":\"{Mark}\"}}"), Jan1));
        yield return Left(Responses.InterpretToken(HttpResponseSpec.Of(502, "text/plain", $"access_token={Mark}&x=1 password={Mark} {{\"client_secret\":\"{Mark}\"}}"), Jan1));
        yield return Left(Responses.InterpretToken(HttpResponseSpec.Of(200, "text/html", $"<p>code={Mark}</p> refresh_token={Mark}"), Jan1));
        yield return Left(Responses.InterpretToken(HttpResponseSpec.Of(200, "application/json", $"{{\"access_token\":5,\"x\":\"{Mark}\"}}"), Jan1));
        yield return Left(Responses.InterpretToken(new HttpResponseSpec(302, "Found", Seq1(("Location", "https://x/cb")), None, System.Array.Empty<byte>()), Jan1));
        yield return new OAuthError.ResponseTooLarge(10);
        yield return new OAuthError.TransportFailure("Connection refused", "HttpRequestException");
        yield return new OAuthError.Timeout(TimeSpan.FromSeconds(1));
        yield return new OAuthError.Cancelled();
        yield return Left(Responses.InterpretToken(HttpResponseSpec.Of(400, "application/json",
            $"{{\"error\":\"invalid_grant\\nINFO forged\",\"error_description\":\"refresh_token rt-{Mark} is invalid\",\"error_uri\":\"https://x/{Mark}\"}}"), Jan1));
        yield return Left(Responses.InterpretToken(new HttpResponseSpec(302, "Found", Seq1(("Location", $"https://u:{Mark}@x/cb?code={Mark}#{Mark}")), None, System.Array.Empty<byte>()), Jan1));
        var failure = new TokenRevocationFailure(TokenKind.RefreshToken, Left(Responses.InterpretRevocation(HttpResponseSpec.Of(503, "text/plain", $"token={Mark}"))));
        yield return new OAuthError.RevocationFailed(Seq1(failure));
        yield return Left(AuthorizationCallbacks.FromRedirectUri($"/cb?error=access_denied%0AINFO+{Mark}&error_description=code+{Mark}&error_uri=https%3A%2F%2Fx%2F{Mark}&state=s",
            CallbackExpectation.ForState("s")));
        yield return new OAuthError.DeviceCodeExpired(Jan1);
        yield return Left(Discovery.Interpret(HttpResponseSpec.Of(200, "application/json",
            $"{{\"issuer\":\"https://as.example/{Mark}\",\"{Mark}\":1,\"{Mark}\":2}}"), "https://as.example/"));
        yield return Left(Discovery.Interpret(HttpResponseSpec.Of(200, "application/json", $"{{\"issuer\":\"https://{Mark}.example/\"}}"), "https://as.example/"));
        yield return Left(PushedAuthorizationRequests.Interpret(HttpResponseSpec.Of(201, "application/json", $"{{\"request_uri\":5,\"x\":\"{Mark}\"}}"), Jan1));
    }

    /// <summary>Other public records that carry server data.</summary>
    private static IEnumerable<object> Others()
    {
        yield return new TokenRevocationFailure(TokenKind.AccessToken, new OAuthError.Cancelled());
        var key = Right(SigningKey.Generate());
        var dpop = Right(DPoPKey.Generate());
        yield return dpop;
        yield return DPoPProofClaims.For("GET", new Uri("https://api.example/r?q=" + Mark), "jti-2", Jan1, None, Some("at-" + Mark));
        yield return new OAuthConfig(new ClientSettings("id", ClientSecret), new AuthSettings(Host)) { DPoP = dpop };
        var jwt = new ClientAuthMethod.ClientSecretJwt(ClientSecret + "-padded-to-32-bytes-at-least") { Issuer = "https://as/" };
        yield return new ClientAuthMethod.ClientSecretBasic(ClientSecret);
        yield return new ClientAuthMethod.ClientSecretPost(ClientSecret);
        yield return jwt;
        yield return new ClientAuthMethod.PrivateKeyJwt(key);
        yield return new ClientAuthMethod.None();
        yield return key;
        var config = new OAuthConfig(new ClientSettings("id") { Authentication = jwt }, new AuthSettings(Host));
        yield return config.Client;
        yield return Valid(config);
        var pending = Right(TokenRequests.ClientCredentials(Valid(config), null));
        yield return pending;
        yield return pending.PendingAssertion.IfNone(() => throw new InvalidOperationException("no pending assertion"));
        yield return ClientAssertionClaims.For(pending.PendingAssertion.IfNone(() => throw new InvalidOperationException()), "jti-1", Jan1);
        yield return new RetryAfter.Delay(TimeSpan.FromSeconds(5));
        yield return new RetryAfter.Date(Jan1);
        yield return TokenTypeUri.AccessToken;
        yield return GrantType.JwtBearer;
        yield return new TypedToken("subject-" + Mark, TokenTypeUri.Jwt);
        yield return TokenExchangeRequest.For("subject-" + Mark, TokenTypeUri.AccessToken).WithActor("actor-" + Mark, TokenTypeUri.Jwt)
            .WithAudience("orders").WithResource("https://orders.example/api").WithParameters(Parameters.Of(("x", "extra-" + Mark)));
        yield return Right(TokenExchangeResponses.Interpret(HttpResponseSpec.Of(200, "application/json",
            $"{{\"access_token\":\"issued-{Mark}\",\"issued_token_type\":\"urn:ietf:params:oauth:token-type:jwt\",\"token_type\":\"N_A\",\"refresh_token\":\"rt-{Mark}\"}}"), Jan1));
        yield return Right(Discovery.Interpret(HttpResponseSpec.Of(200, "application/json",
            $"{{\"issuer\":\"https://as.example/\",\"token_endpoint\":\"https://as.example/t?{Mark}\",\"x_secret\":\"{Mark}\"}}"), "https://as.example/"));
        yield return TokenEndpointAuthMethod.PrivateKeyJwt;
        yield return new PushedAuthorization("urn:ietf:params:oauth:request_uri:" + Mark, Jan1);
        yield return MetadataCacheOptions.Default;
    }

    [Fact]
    public void No_public_type_prints_a_secret()
    {
        var instances = Instances().ToList();
        foreach (var o in instances) Assert.DoesNotContain(Mark, o.ToString()!, StringComparison.Ordinal);
        foreach (var e in instances.OfType<OAuthError>()) Assert.DoesNotContain(Mark, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_case_and_every_public_record_is_covered_by_the_scan()
    {
        var covered = Instances().Select(o => o.GetType()).ToHashSet();
        var records = typeof(OAuthConfig).Assembly.GetExportedTypes()
            .Where(t => !t.IsAbstract && t.GetMethod("<Clone>$") is not null)
            .Where(t => !covered.Contains(t))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(records.Count == 0, "not scanned: " + string.Join(", ", records));
    }

    [Fact]
    public async Task No_log_line_of_any_flow_against_the_server_holds_a_secret()
    {
        var server = fixture.Server;
        var logger = new ListLogger();
        var password = Right(ResourceOwnerPassword.Create(server.ConfigFor(server.Confidential), logger: logger));
        var token = Right(await password.GetTokenAsync(Parameters.Of(("username", "alice"), ("password", "wonderland")).WithScope("api offline_access")));
        var refreshed = Right(await password.RefreshAsync(token));
        Right(await password.IntrospectAsync(refreshed));
        Right(await password.RevokeAllAsync(refreshed));
        Left(await password.RefreshAsync(refreshed));
        var code = Right(AuthorizationCode.Create(server.ConfigFor(server.Public), logger: logger));
        var pkce = PkceGenerator.New();
        var url = Right(code.AuthorizeUrl(pkce.AddChallenge(Parameters.Of(("redirect_uri", DevAuthorizationServer.CallbackUri), ("state", "st")).WithScope("api"))));
        var answer = Right(await UserAgent.FollowAuthorizeAsync(url, CallbackExpectation.ForState("st")));
        Right(await code.GetTokenAsync(pkce.AddVerifier(answer.ToParameters().Add("redirect_uri", DevAuthorizationServer.CallbackUri))));
        var wrong = Right(ClientCredentials.Create(server.ConfigFor(server.Confidential with { Secret = ClientSecret }), logger: logger));
        Left(await wrong.GetTokenAsync());

        var jwt = Right(ClientCredentials.Create(server.EcKeyClient.ConfigFor(server) with { DPoP = Right(DPoPKey.Generate()) }, logger: logger));
        var bound = Right(await jwt.GetTokenAsync());
        var privateKey = server.EcKeyClient.PrivateKeyPem.Split('\n')[1];

        var secrets = new[] { ClientSecret, server.Confidential.Secret!, "wonderland", token.Value.Reveal(), token.RefreshToken.Map(r => r.Reveal()).IfNone("?"),
            refreshed.Value.Reveal(), refreshed.RefreshToken.Map(r => r.Reveal()).IfNone("?"), pkce.Verifier.Reveal(), answer.Code.Reveal(),
            bound.Value.Reveal(), privateKey, "eyJ" };
        Assert.True(logger.Lines.Count >= 14, "too few log lines: " + logger.Lines.Count);
        foreach (var line in logger.Lines)
            foreach (var secret in secrets)
                Assert.DoesNotContain(secret, line);
    }
}
