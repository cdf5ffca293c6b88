using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Parity;

/// <summary>
/// Differential test against the parity anchor itself: Node's simple-oauth2 5.1.0 (installed from the npm registry into
/// Parity/node on first run) sends each scenario to a local capture server; we build the same scenario and the bytes
/// must be the same: method, path, Accept, Authorization, Content-Type and body, and the authorize URL's exact text.
/// </summary>
public class SimpleOAuth2ParityTests
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

    private static string NodeFolder => Path.Combine(RepoRoot(), "tests", "OAuth2.Functional.Tests", "Parity", "node");

    private static async Task<string> Run(string file, string arguments, string? stdin)
    {
        var start = new ProcessStartInfo(file, arguments)
        { WorkingDirectory = NodeFolder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(process.ExitCode == 0, $"{file} {arguments} failed: {await error}");
        return await output;
    }

    private static Parameters ParametersOf((string Name, object Value)[] ps) =>
        ps.Aggregate(Parameters.Empty, (acc, p) => p.Value is string[] list
            ? acc with { Items = acc.Items.Add((p.Name, new ParamValue.ScopeList(toSeq(list)))) }
            : acc.Add(p.Name, (string)p.Value));

    [Fact]
    public async Task Every_scenario_sends_the_same_bytes_as_simple_oauth2()
    {
        if (!Directory.Exists(Path.Combine(NodeFolder, "node_modules", "simple-oauth2")))
            await Run("npm", "ci --no-audit --no-fund --loglevel=error", null);
        var input = JsonSerializer.Serialize(Scenarios.Select(s => new
        {
            name = s.Name, grant = s.Grant, op = s.Op, config = s.NodeConfig, refreshToken = s.RefreshToken, kind = s.Kind,
            @params = s.Params.Select(p => new object[] { p.Name, p.Value }),
        }));
        var output = JsonNode.Parse(await Run("node", "capture.js", input))!;
        var host = (string)output["host"]!;
        var results = output["results"]!.AsArray();
        Assert.Equal(Scenarios.Length, results.Count);
        foreach (var (scenario, theirs) in Scenarios.Zip(results))
            await Compare(scenario, theirs!, host);
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
