using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using OAuth2.Functional.Tests.Faults;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Lifecycle;

/// <summary>Findings of the outside review of the token lifecycle, pinned: a followed redirect never earns a fresh token
/// for another origin, and a throwing logger never strands the callers waiting on a renewal.</summary>
public class ReviewRegressionTests
{
    private static TokenSource Counting(Func<int> next) =>
        Right(TokenSource.FromFunctions(_ => RightAsync<OAuthError, AccessToken>(Token($"{{\"access_token\":\"t{next()}\",\"expires_in\":3600}}")), null));

    [Fact]
    public async Task A_401_from_a_redirect_target_is_returned_and_no_token_is_sent_there()
    {
        await using var foreign = MisbehavingServer.Answering(
            "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer error=\"invalid_token\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        await using var allowed = MisbehavingServer.Answering($"HTTP/1.1 302 Found\r\nLocation: {foreign.BaseUri}api\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        var issued = 0;
        var source = Counting(() => Interlocked.Increment(ref issued));
        using var http = new HttpClient(new OAuthTokenHandler(source, allowed.BaseUri) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = true } });
        using var response = await http.GetAsync(new Uri(allowed.BaseUri, "api")).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var head = Assert.Single(foreign.Heads); // reached once (by .NET's redirect), never by a retry
        Assert.DoesNotContain("Authorization:", head, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, issued); // the good token was neither dropped nor replaced
    }

    private sealed class ThrowingLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> formatter) =>
            throw new ObjectDisposedException("logger");
    }

    [Fact]
    public async Task A_throwing_logger_never_strands_the_callers_of_a_renewal()
    {
        var ok = Right(TokenSource.FromFunctions(_ => RightAsync<OAuthError, AccessToken>(Token("{\"access_token\":\"a\",\"expires_in\":3600}")), null,
            new TokenSourceOptions { Logger = new ThrowingLogger() }));
        Assert.True((await ok.GetTokenAsync().ToEither().WaitAsync(TimeSpan.FromSeconds(10))).IsRight);

        var failing = Right(TokenSource.FromFunctions(_ => LeftAsync<OAuthError, AccessToken>(new OAuthError.Timeout(TimeSpan.FromSeconds(1))), null,
            new TokenSourceOptions { Logger = new ThrowingLogger() }));
        Assert.IsType<OAuthError.Timeout>(Left(await failing.GetTokenAsync().ToEither().WaitAsync(TimeSpan.FromSeconds(10))));
        Assert.IsType<OAuthError.Timeout>(Left(await failing.GetTokenAsync().ToEither().WaitAsync(TimeSpan.FromSeconds(10))));
    }
}
