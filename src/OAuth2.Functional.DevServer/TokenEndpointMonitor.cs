using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace OAuth2.Functional.DevServer;

/// <summary>
/// Counts the requests that reach the token endpoint (by <c>grant_type</c>), so tests can prove single flight at the
/// server, and injects faults on demand: the next N token requests answered with a status, an OAuth error body and
/// an optional <c>Retry-After</c>. It sits in front of OpenIddict, so every request is seen.
/// </summary>
public sealed class TokenEndpointMonitor
{
    private readonly ConcurrentDictionary<string, int> byGrant = new();
    private readonly Lock gate = new();
    private int total;
    private (int Remaining, int Status, string Error, string? RetryAfter) fault;
    private long delayTicks;

    /// <summary>Token requests seen since the start (or the last <see cref="Reset"/>), faults included.</summary>
    public int Total => Volatile.Read(ref total);

    /// <summary>Token requests seen with this <c>grant_type</c>.</summary>
    public int Count(string grantType) => byGrant.TryGetValue(grantType, out var n) ? n : 0;

    /// <summary>Forgets the counts and any pending fault.</summary>
    public void Reset()
    {
        lock (gate) fault = default;
        Delay = TimeSpan.Zero;
        byGrant.Clear();
        Volatile.Write(ref total, 0);
    }

    /// <summary>Every token request is held this long before it is answered (zero: not at all), so tests can act while
    /// a request is in flight.</summary>
    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref delayTicks));
        set => Interlocked.Exchange(ref delayTicks, value.Ticks);
    }

    /// <summary>The next <paramref name="count"/> token requests get <paramref name="status"/> with
    /// <c>{"error": error}</c> and, when given, a <c>Retry-After</c> header (seconds or an HTTP date).</summary>
    public void FailNext(int count, int status, string error = "temporarily_unavailable", string? retryAfter = null)
    {
        lock (gate) fault = (count, status, error, retryAfter);
    }

    internal async Task Handle(HttpContext http, Func<Task> next)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || http.Request.Path != "/oauth/token")
        {
            await next();
            return;
        }
        Interlocked.Increment(ref total);
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
        byGrant.AddOrUpdate(form?["grant_type"].ToString() ?? "", 1, (_, n) => n + 1);
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay);
        (int Status, string Error, string? RetryAfter)? injected = null;
        lock (gate)
        {
            if (fault.Remaining > 0)
            {
                fault.Remaining--;
                injected = (fault.Status, fault.Error, fault.RetryAfter);
            }
        }
        if (injected is not { } f)
        {
            await next();
            return;
        }
        http.Response.StatusCode = f.Status;
        if (f.RetryAfter is not null) http.Response.Headers.RetryAfter = f.RetryAfter;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync($"{{\"error\":\"{f.Error}\"}}");
    }
}
