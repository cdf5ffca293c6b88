using Microsoft.Extensions.Logging;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Shell;

/// <summary>Every operation goes through one guarded send: a misbehaving transport or logger gives the same specific
/// <c>Left</c> (or nothing, for the logger) for token calls, revocation and introspection alike.</summary>
public class GuardedSendTests
{
    private static readonly AccessToken Token = TestSupport.Token("{\"access_token\":\"AT\",\"refresh_token\":\"RT\"}");

    /// <summary>Each operation of the client, as a function that returns its outcome's error (or null for Right).</summary>
    private static IEnumerable<(string Name, Func<GrantClient, Task<OAuthError?>> Run)> Operations()
    {
        static async Task<OAuthError?> ErrorOf<T>(EitherAsync<OAuthError, T> call) =>
            (await call.ToEither()).MatchUnsafe(_ => (OAuthError?)null, e => e);
        yield return ("token", c => ErrorOf(c.GetTokenAsync()));
        yield return ("refresh", c => ErrorOf(c.RefreshAsync(Token)));
        yield return ("revoke", c => ErrorOf(c.RevokeAsync(Token, TokenKind.AccessToken)));
        yield return ("introspect", c => ErrorOf(c.IntrospectAsync(Token)));
    }

    public static TheoryData<string> OperationNames() => new(Operations().Select(o => o.Name));

    private static Func<GrantClient, Task<OAuthError?>> Op(string name) => Operations().Single(o => o.Name == name).Run;

    private static GrantClient With(OAuthTransport transport, ILogger? logger = null) =>
        Right(ClientCredentials.Create(DefaultConfig(), logger: logger, transport: transport));

    [Theory, MemberData(nameof(OperationNames))]
    public async Task A_transport_that_returns_a_bottom_value_is_a_transport_failure(string operation)
    {
        var error = await Op(operation)(With((_, _) => default));
        Assert.Equal("NoResult", Assert.IsType<OAuthError.TransportFailure>(error).ExceptionType);
    }

    [Theory, MemberData(nameof(OperationNames))]
    public async Task A_transport_that_throws_is_a_transport_failure(string operation)
    {
        var error = await Op(operation)(With((_, _) => throw new InvalidOperationException("boom")));
        Assert.Equal("InvalidOperationException", Assert.IsType<OAuthError.TransportFailure>(error).ExceptionType);
    }

    [Theory, MemberData(nameof(OperationNames))]
    public async Task A_transport_whose_async_value_faults_is_a_transport_failure(string operation)
    {
        var error = await Op(operation)(With((_, _) =>
            Task.FromException<Either<OAuthError, HttpResponseSpec>>(new IOException("gone")).ToAsync()));
        Assert.Equal("IOException", Assert.IsType<OAuthError.TransportFailure>(error).ExceptionType);
    }

    [Theory, MemberData(nameof(OperationNames))]
    public async Task A_throwing_logger_changes_nothing(string operation)
    {
        var ok = new FakeTransport().Answer(200, "{\"access_token\":\"x\",\"active\":true}");
        Assert.Null(await Op(operation)(With(ok.Transport, new ThrowingLogger())));
        var failing = new FakeTransport().Answer(400, "{\"error\":\"invalid_request\"}");
        Assert.IsType<OAuthError.ProtocolError>(await Op(operation)(With(failing.Transport, new ThrowingLogger())));
    }

    [Theory, MemberData(nameof(OperationNames))]
    public async Task Every_operation_logs_a_transport_failure_the_same_way(string operation)
    {
        var logger = new ListLogger();
        var fake = new FakeTransport().Fail(new OAuthError.Timeout(TimeSpan.FromSeconds(1)));
        Assert.IsType<OAuthError.Timeout>(await Op(operation)(With(fake.Transport, logger)));
        Assert.Equal(2, logger.Lines.Count);
        Assert.Matches(@"^Debug: OAuth2.Functional [a-z_ ]+: POST https://authorization-server.org/oauth/[a-z]+$", logger.Lines[0]);
        Assert.Matches(@"^Debug: OAuth2.Functional [a-z_ ]+: failed with timeout \(-\), status none$", logger.Lines[1]);
    }

    private sealed class ThrowingLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => throw new InvalidOperationException("scope");
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> formatter) =>
            throw new InvalidOperationException("log");
    }
}
