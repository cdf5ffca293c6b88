using Xunit.Abstractions;
using System.Text.Json;
using System.Text.Json.Nodes;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Parity;

/// <summary>
/// Differential test against the parity anchor itself: what Node's simple-oauth2 5.1.0 sent for each scenario to a local
/// capture server is checked in as a golden file, and we build the same scenario: method, path, Accept, Authorization,
/// Content-Type and body, and the authorize URL's exact text, must be the same. Where Node.js and the npm registry are
/// available, simple-oauth2 is also run live (in a temporary folder) to prove the golden file is still what it sends.
/// </summary>
public class SimpleOAuth2ParityTests(ITestOutputHelper output)
{
    /// <summary>One scenario: how simple-oauth2 is configured (JSON, <c>$HOST</c> replaced) and how we are.</summary>
    private sealed record Scenario(string Name, string Grant, string Op, object NodeConfig, Func<string, OAuthConfig> Ours,
        (string Name, object Value)[] Params, string RefreshToken = "rt", string Kind = "access_token");

    private const string Odd = "x!'()*~-_. :/?#[]@$&+,;=%é😀";

    private static OAuthConfig Config(string host, string id, string? secret, OAuthOptions? options = null, Func<AuthSettings, AuthSettings>? auth = null) =>
        new(new ClientSettings(id, secret), (auth ?? (a => a))(new AuthSettings(host))) { Options = options ?? OAuthOptions.Default };

    private static readonly Scenario[] Scenarios =
    [
        new("client credentials, Unicode and reserved characters", "ClientCredentials", "token",
            new { client = new { id = "the client id", secret = "s!'()*~ :/?#[]@$&+,;=%" }, auth = new { tokenHost = "$HOST" } },
            h => Config(h, "the client id", "s!'()*~ :/?#[]@$&+,;=%"),
            [("scope", new[] { "a b", "é", "✓" }), ("extra", Odd)]),
        new("json body, body credentials, escapes", "ClientCredentials", "token",
            new { client = new { id = "id", secret = "sec" }, auth = new { tokenHost = "$HOST" }, options = new { bodyFormat = "json", authorizationMethod = "body" } },
            h => Config(h, "id", "sec", new OAuthOptions { BodyFormat = BodyFormat.Json, AuthorizationMethod = AuthorizationMethod.Body }),
            [("scope", "a"), ("x", "é😀\"\\\n\u0001/")]),
        new("password grant, body credentials, relative token path", "ResourceOwnerPassword", "token",
            new { client = new { id = "id x", secret = "s+c" }, auth = new { tokenHost = "$HOST", tokenPath = "rel/token" }, options = new { authorizationMethod = "body" } },
            h => Config(h, "id x", "s+c", new OAuthOptions { AuthorizationMethod = AuthorizationMethod.Body }, a => a with { TokenPath = "rel/token" }),
            [("username", "a@b"), ("password", "p w&=")]),
        new("loose credentials", "ClientCredentials", "token",
            new { client = new { id = "a:b", secret = "c d" }, auth = new { tokenHost = "$HOST" }, options = new { credentialsEncodingMode = "loose" } },
            h => Config(h, "a:b", "c d", new OAuthOptions { CredentialsEncodingMode = CredentialsEncodingMode.Loose }),
            []),
        new("authorization code, renamed params, grant_type override, separator", "AuthorizationCode", "token",
            new { client = new { id = "cid", secret = "cs", idParamName = "app", secretParamName = "key" }, auth = new { tokenHost = "$HOST", tokenPath = "/t?v=1" },
                  options = new { authorizationMethod = "body", scopeSeparator = "," } },
            h => Config(h, "cid", "cs", new OAuthOptions { AuthorizationMethod = AuthorizationMethod.Body, ScopeSeparator = "," }, a => a with { TokenPath = "/t?v=1" })
                with { Client = new ClientSettings("cid", "cs") { IdParamName = "app", SecretParamName = "key" } },
            [("code", "c/d"), ("app", "mine"), ("scope", new[] { "x", "y" }), ("grant_type", "urn:custom")]),
        new("authorize URL with a query and fragment in the path", "AuthorizationCode", "authorize",
            new { client = new { id = "the client id", secret = "s" }, auth = new { tokenHost = "$HOST", authorizePath = "/auth?x=1&y=a+b&x=2#frag" } },
            h => Config(h, "the client id", "s", auth: a => a with { AuthorizePath = "/auth?x=1&y=a+b&x=2#frag" }),
            [("redirect_uri", "http://cb/a?b=c"), ("scope", new[] { "a", "b" }), ("state", Odd), ("x", "z")]),
        new("authorize URL on another host", "AuthorizationCode", "authorize",
            new { client = new { id = "id" , secret = "s" }, auth = new { tokenHost = "$HOST", authorizeHost = "https://Example.COM:443/root/x" } },
            h => Config(h, "id", "s", auth: a => a with { AuthorizeHost = "https://Example.COM:443/root/x" }),
            [("response_type", "token")]),
        new("refresh with a caller refresh_token and a refresh path", "ClientCredentials", "refresh",
            new { client = new { id = "id", secret = "sec" }, auth = new { tokenHost = "$HOST", refreshPath = "/r" } },
            h => Config(h, "id", "sec", auth: a => a with { RefreshPath = "/r" }),
            [("scope", new[] { "x", "y" }), ("refresh_token", "ignored"), ("z", "1")], RefreshToken: "R T+"),
        new("revoke the refresh token, body credentials, json", "ClientCredentials", "revoke",
            new { client = new { id = "id", secret = "sec" }, auth = new { tokenHost = "$HOST" }, options = new { authorizationMethod = "body", bodyFormat = "json" } },
            h => Config(h, "id", "sec", new OAuthOptions { AuthorizationMethod = AuthorizationMethod.Body, BodyFormat = BodyFormat.Json }),
            [], RefreshToken: "R T+", Kind: "refresh_token"),
    ];

    /// <summary>The checked-in scripts (package.json, its lock file, capture.js); copied to a temporary folder to run.</summary>
    private static string NodeFolder => Path.Combine(RepoRoot(), "tests", "OAuth2.Functional.Tests", "Parity", "node");

    /// <summary>simple-oauth2 5.1.0's captured requests for <see cref="Scenarios"/>, with the capture server's origin as <c>$HOST</c>.</summary>
    private static string GoldenFile => Path.Combine(RepoRoot(), "tests", "OAuth2.Functional.Tests", "Parity", "simple-oauth2-5.1.0.golden.json");

    private const string OurHost = "http://127.0.0.1:8080";

    private static string ScenarioInput() => JsonSerializer.Serialize(Scenarios.Select(s => new
    {
        name = s.Name, grant = s.Grant, op = s.Op, config = s.NodeConfig, refreshToken = s.RefreshToken, kind = s.Kind,
        @params = s.Params.Select(p => new object[] { p.Name, p.Value }),
    }));

    private static JsonArray GoldenResults() => JsonNode.Parse(File.ReadAllText(GoldenFile))!["results"]!.AsArray();

    private static Parameters ParametersOf((string Name, object Value)[] ps) =>
        ps.Aggregate(Parameters.Empty, (acc, p) => p.Value is string[] list
            ? acc with { Items = acc.Items.Add((p.Name, new ParamValue.ScopeList(toSeq(list)))) }
            : acc.Add(p.Name, (string)p.Value));

    [Fact]
    public async Task Every_scenario_sends_the_same_bytes_as_simple_oauth2s_golden_capture()
    {
        var golden = JsonNode.Parse(GoldenResults().ToJsonString().Replace("$HOST", OurHost, StringComparison.Ordinal))!.AsArray();
        Assert.Equal(Scenarios.Select(s => s.Name), golden.Select(r => (string)r!["name"]!));
        foreach (var (scenario, theirs) in Scenarios.Zip(golden))
            await Compare(scenario, theirs!, OurHost);
        output.WriteLine($"compared {Scenarios.Length} scenarios against the golden file {Path.GetFileName(GoldenFile)}");
    }

    /// <summary>Where Node.js and the npm registry are reachable, runs simple-oauth2 5.1.0 itself (installed into a temporary
    /// folder, never the source tree) and fails if its output differs from the golden file. Otherwise says why it did not.</summary>
    [Fact]
    public async Task The_golden_file_matches_a_live_simple_oauth2_run_where_node_is_available()
    {
        var node = ProcessRun.Find("node");
        var npm = ProcessRun.Find("npm"); // npm.cmd on Windows, found through PATHEXT
        if (node is null || npm is null)
        {
            output.WriteLine($"golden file only: {(node is null ? "node" : "npm")} is not on PATH, so simple-oauth2 was not run live");
            return;
        }
        var temp = Directory.CreateTempSubdirectory("oauth2-functional-parity").FullName;
        try
        {
            foreach (var file in new[] { "package.json", "package-lock.json", "capture.js" })
                File.Copy(Path.Combine(NodeFolder, file), Path.Combine(temp, file));
            var install = await ProcessRun.RunAsync(npm,
                ["ci", "--no-audit", "--no-fund", "--loglevel=error", "--fetch-retries=0", "--fetch-timeout=20000"], temp, TimeSpan.FromMinutes(3));
            if (!install.Succeeded)
            {
                output.WriteLine("golden file only: npm ci could not install simple-oauth2 (offline or no registry?): " + install.Describe());
                return;
            }
            var run = await ProcessRun.RunAsync(node, ["capture.js"], temp, TimeSpan.FromMinutes(1), stdin: ScenarioInput());
            Assert.True(run.Succeeded, "node capture.js failed: " + run.Describe());
            var live = JsonNode.Parse(run.Output)!;
            var host = (string)live["host"]!;
            var results = JsonNode.Parse(live["results"]!.ToJsonString().Replace(host, "$HOST", StringComparison.Ordinal))!;
            var fresh = Path.Combine(Path.GetTempPath(), "simple-oauth2-5.1.0.golden.json");
            var freshText = new JsonObject { ["simpleOAuth2"] = "5.1.0", ["results"] = results }.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            if (!JsonNode.DeepEquals(results, GoldenResults()))
            {
                await File.WriteAllTextAsync(fresh, freshText);
                Assert.Fail($"The golden file {GoldenFile} is stale: simple-oauth2 now sends something else. Review {fresh} and copy it over.");
            }
            output.WriteLine($"live: simple-oauth2 5.1.0 ran {Scenarios.Length} scenarios under node ({node}) and matched the golden file");
        }
        finally
        {
            try { Directory.Delete(temp, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static async Task Compare(Scenario s, JsonNode theirs, string host)
    {
        var sent = new List<HttpRequestSpec>();
        OAuthTransport capture = (request, _) =>
        {
            sent.Add(request);
            return RightAsync<OAuthError, HttpResponseSpec>(HttpResponseSpec.Of(200, "application/json", "{\"access_token\":\"at\",\"refresh_token\":\"rt\"}"));
        };
        var config = s.Ours(host);
        var parameters = ParametersOf(s.Params);
        var stored = $"{{\"access_token\":\"old\",\"refresh_token\":{JsonSerializer.Serialize(s.RefreshToken)}}}";
        GrantClient client = s.Grant switch
        {
            "AuthorizationCode" => Right(AuthorizationCode.Create(config, transport: capture)),
            "ResourceOwnerPassword" => Right(ResourceOwnerPassword.Create(config, transport: capture)),
            _ => Right(ClientCredentials.Create(config, transport: capture)),
        };
        if (s.Op == "authorize")
        {
            Assert.Equal((string)theirs["url"]!, Right(((AuthorizationCode)client).AuthorizeUrl(parameters)));
            return;
        }
        var outcome = s.Op switch
        {
            "refresh" => (await client.RefreshAsync(Right(client.CreateToken(stored)), parameters).ToEither()).Map(_ => unit),
            "revoke" => await client.RevokeAsync(Right(client.CreateToken(stored)), s.Kind == "refresh_token" ? TokenKind.RefreshToken : TokenKind.AccessToken).ToEither(),
            _ => (await (client switch
            {
                AuthorizationCode a => a.GetTokenAsync(parameters),
                ResourceOwnerPassword p => p.GetTokenAsync(parameters),
                ClientCredentials c => c.GetTokenAsync(parameters),
                _ => throw new InvalidOperationException(),
            }).ToEither()).Map(_ => unit),
        };
        Assert.True(outcome.IsRight, s.Name + ": " + outcome);
        var ours = Assert.Single(sent);
        Assert.Equal(((string)theirs["method"]!, (string)theirs["path"]!), (ours.Method, ours.Url.PathAndQuery));
        Assert.Equal(((string?)theirs["accept"], (string?)theirs["authorization"], (string?)theirs["contentType"]),
            (ours.Header("Accept").IfNoneUnsafe((string?)null), ours.Header("Authorization").IfNoneUnsafe((string?)null), ours.Header("Content-Type").IfNoneUnsafe((string?)null)));
        Assert.Equal((string)theirs["body"]!, ours.Body.Render());
    }
}
