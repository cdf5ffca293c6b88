using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OAuth2.Functional.Redis.Tests;

internal static class Support
{
    public static T Right<T>(Either<OAuthError, T> either) =>
        either.Match(r => r, e => throw new Xunit.Sdk.XunitException("expected Right, got " + e));

    public static byte[] Key(byte fill) => Enumerable.Repeat(fill, 32).ToArray();

    public static FleetKeyRing Ring(string id = "k1", byte fill = 1) => Right(FleetKeyRing.Create(id, Key(fill)));

    public static FleetKey AKey(string scope = "api") =>
        Right(FleetKey.Of(new Uri("https://as.example/token"), "svc", Parameters.Of(("scope", scope + "-" + Guid.NewGuid().ToString("N")))));

    /// <summary>A token like a server's, expiring in <paramref name="lifetime"/>, with a unique value.</summary>
    public static AccessToken NewToken(TimeSpan lifetime) =>
        Right(AccessToken.FromJson(
            $"{{\"access_token\":\"at-{Guid.NewGuid():N}\",\"token_type\":\"Bearer\",\"expires_in\":{(int)lifetime.TotalSeconds}}}",
            DateTimeOffset.UtcNow));

    /// <summary>A fetch function that counts its calls and returns a new token each time (after an optional delay).</summary>
    public sealed class CountingFetch(TimeSpan lifetime, TimeSpan delay = default)
    {
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        public async Task<Either<OAuthError, AccessToken>> Fetch(CancellationToken ct)
        {
            Interlocked.Increment(ref calls);
            if (delay > TimeSpan.Zero) await Task.Delay(delay, ct);
            return NewToken(lifetime);
        }
    }
}

/// <summary>Collects log lines (formatted) so tests can check what was logged and that no secret was.</summary>
public sealed class ListLogger : ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Text)> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue((logLevel, formatter(state, exception)));

    public string All => string.Join("\n", Lines.Select(l => l.Level + ": " + l.Text));
}
