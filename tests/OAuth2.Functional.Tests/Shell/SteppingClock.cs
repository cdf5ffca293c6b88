using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace OAuth2.Functional.Tests.Shell;

/// <summary>A <see cref="FakeTimeProvider"/> that tells the test when code under test starts waiting on it, so a test can
/// advance exactly to the end of each wait: polling tests run instantly and deterministically.</summary>
internal sealed class SteppingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> waits = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        waits.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Runs <paramref name="work"/>, advancing the clock to the end of every wait it starts, until it completes.
    /// (A pending read is never abandoned: it would swallow the next wait of a later run.)</summary>
    public async Task<T> RunAsync<T>(Task<T> work)
    {
        while (true)
        {
            if (waits.Reader.TryRead(out var due))
            {
                Advance(due);
                continue;
            }
            var ready = waits.Reader.WaitToReadAsync().AsTask();
            if (await Task.WhenAny(work, ready) == work) return await work;
        }
    }
}
