using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using OAuth2.Functional.Tests.Integration;

namespace OAuth2.Functional.Tests.Readme;

[Collection("devserver")]
public class ReadmeTests(DevServerFixture fixture)
{
    private static string Normalize(string code) => Regex.Replace(code, @"\s+", " ").Trim();

    [Fact]
    public void Every_csharp_block_of_the_readme_is_compiled_in_ReadmeExamples()
    {
        var readme = File.ReadAllText(Path.Combine(TestSupport.RepoRoot(), "README.md"));
        var examples = Normalize(File.ReadAllText(Path.Combine(TestSupport.RepoRoot(), "tests", "OAuth2.Functional.Tests", "Readme", "ReadmeExamples.cs")));
        // Blocks that start with a using line are whole programs, compiled and run by QuickStartTests instead.
        var blocks = Regex.Matches(readme, "```csharp\\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value)
            .Where(b => !b.StartsWith("using ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(blocks);
        Assert.All(blocks, b => Assert.Contains(Normalize(b), examples));
    }

    [Fact]
    public void The_readme_links_only_to_the_web_or_its_own_sections()
    {
        // The README is packed into the NuGet package, where repository paths do not exist.
        var readme = File.ReadAllText(Path.Combine(TestSupport.RepoRoot(), "README.md"));
        var relative = Regex.Matches(readme, @"\]\(([^)]+)\)").Select(m => m.Groups[1].Value)
            .Where(target => !target.StartsWith("http://", StringComparison.Ordinal) && !target.StartsWith("https://", StringComparison.Ordinal) && !target.StartsWith('#'))
            .ToList();
        Assert.True(relative.Count == 0, "relative links: " + string.Join(", ", relative));
    }

    [Fact]
    public async Task The_query_syntax_example_works_against_the_server()
    {
        var server = fixture.Server;
        var refreshed = await ReadmeExamples.SignInAndRefresh(server.ConfigFor(server.Confidential), "alice", "wonderland").ToEither();
        Assert.True(refreshed.IsRight, refreshed.ToString());
        var failed = await ReadmeExamples.SignInAndRefresh(server.ConfigFor(server.Confidential), "alice", "wrong").ToEither();
        Assert.Equal("invalid_grant", failed.Match(_ => "", e => TestSupport.ServerError(e)));
    }

    [Fact]
    public async Task The_match_example_describes_success_and_failure()
    {
        var server = fixture.Server;
        Assert.StartsWith("token of type Bearer, expires ", await ReadmeExamples.Describe(server.ConfigFor(server.Confidential)));
        Assert.StartsWith("failed with protocol_error (status 401)", await ReadmeExamples.Describe(server.ConfigFor(server.Confidential with { Secret = "x" })));
    }

    [Fact]
    public async Task The_devserver_example_gets_a_token() => Assert.True(await ReadmeExamples.TokenFromTheDevServer());

    [Fact]
    public async Task The_logging_example_logs_to_the_console_provider()
    {
        var server = fixture.Server;
        var output = new StringWriter();
        await WholePrograms.ConsoleGate.WaitAsync();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            using (var factory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Debug)))
            {
                var client = ReadmeExamples.WithDebugLogging(server.ConfigFor(server.Confidential with { Secret = "wrong-secret" }), factory)
                    .Match(c => c, e => throw new Xunit.Sdk.XunitException(e.ToString()));
                Assert.True((await client.GetTokenAsync().ToEither()).IsLeft);
            }
        }
        finally
        {
            Console.SetOut(original);
            WholePrograms.ConsoleGate.Release();
        }
        var text = output.ToString();
        Assert.Contains("OAuth2.Functional client_credentials: failed with protocol_error (invalid_client), status 401", text);
        Assert.DoesNotContain("wrong-secret", text);
    }
}
