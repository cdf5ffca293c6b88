using Microsoft.Extensions.Logging;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Shell;

/// <summary>An <see cref="ILogger"/> that keeps every formatted line.</summary>
internal sealed class ListLogger : ILogger
{
    public List<string> Lines { get; } = new();
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => true;
    public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> formatter) =>
        Lines.Add($"{level}: {formatter(state, e)}");
}

public class LoggingTests
{
    [Fact]
    public async Task Every_operation_logs_its_target_and_outcome_and_never_a_secret()
    {
        var logger = new ListLogger();
        var fake = new FakeTransport()
            .Answer(200, "{\"access_token\":\"AT-SECRET\",\"refresh_token\":\"RT-SECRET\"}")
            .Answer(401, "{\"error\":\"invalid_grant\"}")
            .Answer(200, "");
        var client = Right(ClientCredentials.Create(DefaultConfig("id", "CLIENT-SECRET"), logger: logger, transport: fake.Transport));
        var token = Right(await client.GetTokenAsync(Parameters.Of(("password", "PW-SECRET"))));
        Assert.True((await client.RefreshAsync(token)).IsLeft);
        Assert.True((await client.RevokeAsync(token, TokenKind.AccessToken)).IsRight);
        Assert.Contains("Debug: OAuth2.Functional client_credentials: POST https://authorization-server.org/oauth/token", logger.Lines);
        Assert.Contains("Debug: OAuth2.Functional refresh: failed with protocol_error (invalid_grant), status 401", logger.Lines);
        Assert.Contains("Debug: OAuth2.Functional revoke access_token: succeeded", logger.Lines);
        Assert.All(logger.Lines, l => Assert.DoesNotContain("SECRET", l));
    }
}
