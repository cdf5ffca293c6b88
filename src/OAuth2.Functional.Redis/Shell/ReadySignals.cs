using System.Collections.Concurrent;

namespace OAuth2.Functional.Redis;

/// <summary>One waitable signal per key hash, set when the fleet announces that the key's token was written (or that its
/// holder gave up). A set signal is replaced on the next <see cref="Next"/>, so each wait sees only later news.</summary>
internal sealed class ReadySignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> waiting = new(StringComparer.Ordinal);

    /// <summary>The signal to wait on for <paramref name="hash"/>; take it before looking in Redis, so no message is missed.</summary>
    public Task Next(string hash) =>
        waiting.AddOrUpdate(hash,
            _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously),
            (_, old) => old.Task.IsCompleted ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : old).Task;

    /// <summary>Wakes everyone waiting on <paramref name="hash"/>.</summary>
    public void Set(string hash)
    {
        if (waiting.TryRemove(hash, out var signal)) signal.TrySetResult();
    }
}
