using System.Text.RegularExpressions;

namespace OAuth2.Functional.Tests.Readme;

/// <summary>The README's quick start is a complete Program.cs: it compiles cleanly as is (with <c>dotnet new console</c>'s
/// implicit usings), runs against a real server, and is no longer than the same three tasks written with
/// Duende.IdentityModel.</summary>
[Collection("devserver")]
public class QuickStartTests
{
    private static string QuickStart()
    {
        var readme = File.ReadAllText(Path.Combine(TestSupport.RepoRoot(), "README.md")).ReplaceLineEndings("\n");
        var section = readme[readme.IndexOf("\n## Quick start", StringComparison.Ordinal)..];
        return Regex.Match(section, "```csharp\\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
    }

    /// <summary>The same three tasks (client credentials, refresh, a handled wrong secret) with Duende.IdentityModel.</summary>
    private const string Duende = """
        using Duende.IdentityModel.Client;
        using OAuth2.Functional.DevServer;

        await using var server = await DevAuthorizationServer.StartAsync();
        var http = new HttpClient();
        var address = new Uri(server.BaseUri, "oauth/token").AbsoluteUri;

        var service = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
            { Address = address, ClientId = "svc", ClientSecret = "svc-secret", Scope = "api" });
        Console.WriteLine(service.IsError ? $"error: {service.Error}" : $"token: expires in {service.ExpiresIn} s");

        var user = await http.RequestPasswordTokenAsync(new PasswordTokenRequest
            { Address = address, ClientId = "svc", ClientSecret = "svc-secret", UserName = "alice", Password = "wonderland", Scope = "api offline_access" });
        var refreshed = user.IsError ? user : await http.RequestRefreshTokenAsync(new RefreshTokenRequest
            { Address = address, ClientId = "svc", ClientSecret = "svc-secret", RefreshToken = user.RefreshToken! });
        Console.WriteLine(refreshed.IsError ? $"error: {refreshed.Error}" : $"refreshed: expires in {refreshed.ExpiresIn} s");

        var wrong = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
            { Address = address, ClientId = "svc", ClientSecret = "wrong" });
        Console.WriteLine(wrong.IsError ? $"error: {wrong.Error}" : "unexpected token");
        """;

    [Fact]
    public async Task The_quick_start_is_a_complete_program_that_runs_against_a_real_server()
    {
        var output = (await WholePrograms.RunAsync(QuickStart())).ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, output.Length);
        Assert.StartsWith("token: AccessToken(Value = [redacted], TokenType = Bearer", output[0]);
        Assert.StartsWith("refreshed: AccessToken(Value = [redacted], TokenType = Bearer, RefreshToken = [redacted]", output[1]);
        Assert.StartsWith("error: OAuthError.ProtocolError(protocol_error): The authorization server answered 401 with an OAuth error \"invalid_client\"", output[2]);
    }

    [Fact]
    public async Task The_quick_start_is_no_longer_than_the_duende_equivalent()
    {
        var ours = WholePrograms.CountLines(QuickStart());
        var theirs = WholePrograms.CountLines(Duende);
        Assert.True(ours <= theirs, $"quick start: {ours} lines, Duende: {theirs}");
        // The comparison is fair only if the Duende program really does the same three things.
        var output = (await WholePrograms.RunAsync(Duende)).ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, output.Length);
        Assert.StartsWith("token: expires in", output[0]);
        Assert.StartsWith("refreshed: expires in", output[1]);
        Assert.StartsWith("error: ", output[2]); // Duende reports a 401 as "Unauthorized"
    }
}
