namespace OAuth2.Functional.Tests.Shell;

public class TimeoutSourcesTests
{
    [Fact]
    public async Task A_reused_source_forgets_its_earlier_timer()
    {
        var first = TimeoutSources.Rent(TimeSpan.FromMilliseconds(50));
        TimeoutSources.Return(first);
        var second = TimeoutSources.Rent(Timeout.InfiniteTimeSpan);
        Assert.Same(first, second);
        await Task.Delay(200);
        Assert.False(second.IsCancellationRequested);
        TimeoutSources.Return(second);
    }

    [Fact]
    public async Task A_fired_source_is_never_reused()
    {
        var fired = TimeoutSources.Rent(TimeSpan.FromMilliseconds(10));
        await Task.Delay(200);
        Assert.True(fired.IsCancellationRequested);
        TimeoutSources.Return(fired);
        var next = TimeoutSources.Rent(Timeout.InfiniteTimeSpan);
        Assert.NotSame(fired, next);
        Assert.False(next.IsCancellationRequested);
        TimeoutSources.Return(next);
    }
}
