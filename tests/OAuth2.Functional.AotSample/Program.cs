using OAuth2.Functional;

// Exercises the library's pure core and one shell client the way an application does, and prints one line per check.
// Exit code 0 only when every check holds, so the NativeAOT test can tell "compiled" from "really works".
var failures = 0;
void Check(string name, bool ok, string detail)
{
    Console.WriteLine($"{(ok ? "ok" : "FAIL")} {name}: {detail}");
    if (!ok) failures++;
}

var good = new OAuthConfig(new ClientSettings("svc", "s3cret"), new AuthSettings("https://as.example/"));
var valid = ConfigValidation.Validate(good, GrantKind.ClientCredentials);
Check("valid config", valid.IsRight, valid.Match(v => v.TokenUrl.AbsoluteUri, e => e.Message));

var bad = new OAuthConfig(new ClientSettings("svc\n", "s\u00e9cret"), new AuthSettings("ftp://x") { TokenPath = "", RevokePath = "" })
{
    Options = new OAuthOptions { ScopeSeparator = "" },
    Http = new HttpSettings { Timeout = TimeSpan.Zero, MaxResponseBytes = 0 },
};
var invalid = ConfigValidation.Validate(bad, GrantKind.ClientCredentials);
var problems = invalid.Match(_ => 0, e => e is OAuthError.InvalidConfig c ? c.Problems.Count : -1);
Check("invalid config reports every problem", problems >= 6, $"{problems} problems");

var request = valid.Bind(v => TokenRequests.ClientCredentials(v, Parameters.Of(("scope", "api")), RequestOptions.WithHeaders(("X-Trace", "1"))));
Check("request", request.Match(r => r.Body.Render() == "grant_type=client_credentials&scope=api" && r.Header("X-Trace").IsSome, _ => false),
    request.Match(r => r.ToString(), e => e.Message));

var now = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
var token = Responses.InterpretToken(HttpResponseSpec.Of(200, "application/json",
    "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":60,\"scope\":\"api\",\"extra\":[1,{\"a\":null}]}"), now);
Check("token", token.Match(t => t.Value.Reveal() == "at" && t.ExpiresAt == Some(now.AddSeconds(60)) && t.Field("extra").IsSome, _ => false),
    token.Match(t => t.ToJson(), e => e.Message));

var error = Responses.InterpretToken(HttpResponseSpec.Of(400, "application/json", "{\"error\":\"invalid_client\"}"), now);
Check("protocol error", error.Match(_ => false, e => e is OAuthError.ProtocolError), error.Match(_ => "token", e => e.GetType().Name));

var roundTrip = token.Bind(t => AccessToken.FromJson(t.ToJson(), now));
Check("json round trip", roundTrip == token, roundTrip.Match(t => t.ExpiresAt.ToString(), e => e.Message));

OAuthTransport transport = (spec, _) => RightAsync<OAuthError, HttpResponseSpec>(
    HttpResponseSpec.Of(200, "application/json", "{\"access_token\":\"from-client\",\"token_type\":\"Bearer\"}"));
var viaClient = await ClientCredentials.Create(good, transport: transport).GetTokenAsync(Parameters.Empty);
Check("client", viaClient.Match(t => t.Value.Reveal() == "from-client", _ => false), viaClient.Match(t => t.ToString(), e => e.Message));

// Signing under NativeAOT: a private_key_jwt assertion and a DPoP proof (Microsoft.IdentityModel, trimmed).
HttpRequestSpec? sent = null;
OAuthTransport capture = (spec, _) =>
{
    sent = spec;
    return RightAsync<OAuthError, HttpResponseSpec>(HttpResponseSpec.Of(200, "application/json", "{\"access_token\":\"bound\",\"token_type\":\"DPoP\"}"));
};
var signed = await (from key in SigningKey.Generate("ES256")
                    from dpop in DPoPKey.Generate()
                    from client in ClientCredentials.Create(new OAuthConfig(
                        new ClientSettings("svc") { Authentication = new ClientAuthMethod.PrivateKeyJwt(key) { Issuer = "https://as.example/" } },
                        new AuthSettings("https://as.example/")) { DPoP = dpop }, transport: capture)
                    select client).ToAsync().Bind(c => c.GetTokenAsync()).ToEither();
var assertion = sent?.Body.Pairs.Find(p => p.Name == "client_assertion").Map(p => p.Value).IfNone("") ?? "";
var proof = sent?.Header("DPoP").IfNone("") ?? "";
Check("signed assertion and DPoP proof", signed.IsRight && assertion.Split('.').Length == 3 && proof.Split('.').Length == 3,
    signed.Match(t => $"token type {t.TokenType.IfNone("?")}, assertion {assertion.Length} chars, proof {proof.Length} chars", e => e.Message));

Console.WriteLine(failures == 0 ? "AOT sample: all checks passed" : $"AOT sample: {failures} check(s) failed");
return failures == 0 ? 0 : 1;
