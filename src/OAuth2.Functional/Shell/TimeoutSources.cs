namespace OAuth2.Functional;

/// <summary>
/// Timeout cancellation sources, reused: creating a source and its timer for every request costs more than the rest of
/// the timeout handling. A source goes back to the pool only if it was never cancelled (<see cref="CancellationTokenSource.TryReset"/>).
/// </summary>
internal static class TimeoutSources
{
    [ThreadStatic] private static CancellationTokenSource? cached;

    public static CancellationTokenSource Rent(TimeSpan timeout)
    {
        var source = cached ?? new CancellationTokenSource();
        cached = null;
        if (timeout != Timeout.InfiniteTimeSpan) source.CancelAfter(timeout);
        return source;
    }

    public static void Return(CancellationTokenSource source)
    {
        if (source.TryReset()) cached = source;
        else source.Dispose();
    }
}
