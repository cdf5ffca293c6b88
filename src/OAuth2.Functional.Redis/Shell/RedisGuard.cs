using Microsoft.Extensions.Logging;

namespace OAuth2.Functional.Redis;

/// <summary>
/// Runs every Redis call with a time bound and turns every failure into <c>None</c>. After a failure Redis is left alone
/// for <see cref="FleetStoreOptions.RetryAfterFailure"/> (the store works in-process meanwhile), then tried again.
/// Logs once when Redis goes away and once when it is back; never the exception's message (only its type).
/// </summary>
internal sealed class RedisGuard(TimeSpan timeout, TimeSpan retryAfter, TimeProvider clock, ILogger logger)
{
    private long downUntilTicks; // 0 while up
    private int down;            // 1 while down (for the log transitions)

    public bool Usable => clock.GetUtcNow().UtcTicks >= Interlocked.Read(ref downUntilTicks);

    public bool IsDown => Volatile.Read(ref down) == 1;

    public async Task<Option<T>> Run<T>(string operation, Func<Task<T>> call)
    {
        if (!Usable) return None;
        Task<T>? task = null;
        try
        {
            task = call();
            var result = await task.WaitAsync(timeout, clock).ConfigureAwait(false);
            if (Interlocked.Exchange(ref down, 0) == 1)
                logger.LogInformation("Fleet token store: Redis is reachable again; fleet sharing resumed");
            return Optional(result);
        }
        catch (Exception e)
        {
            // A timed-out call may still fail later: observe it so it is never an unobserved task exception.
            _ = task?.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            Interlocked.Exchange(ref downUntilTicks, clock.GetUtcNow().Add(retryAfter).UtcTicks);
            if (Interlocked.Exchange(ref down, 1) == 0)
                logger.LogWarning("Fleet token store: Redis {Operation} failed ({ExceptionType}); each instance fetches on its own (in-process single flight) until Redis answers again",
                    operation, e.GetType().Name);
            return None;
        }
    }
}
