namespace OAuth2.Functional.Redis.Tests;

/// <summary>The token source's <see cref="TokenSourceOptions.OnInvalidated"/> hook (what UseRedis uses to drop a rejected
/// token from the store), as a pure unit: a fake fetch function, no server.</summary>
public class InvalidationHookTests
{
    [Fact]
    public async Task The_hook_runs_once_with_the_retired_token_and_its_failure_is_logged_never_thrown()
    {
        var seen = new System.Collections.Concurrent.ConcurrentQueue<AccessToken>();
        var hookRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new ListLogger();
        var source = Support.Right(TokenSource.FromFunctions(_ => RightAsync<OAuthError, AccessToken>(Support.NewToken(TimeSpan.FromMinutes(10))), null,
            new TokenSourceOptions
            {
                Logger = log,
                OnInvalidated = token =>
                {
                    seen.Enqueue(token);
                    hookRan.TrySetResult();
                    throw new InvalidOperationException("the store is gone");
                },
            }));
        var first = Support.Right(await source.GetTokenAsync().ToEither());

        Assert.False(source.Invalidate(Support.NewToken(TimeSpan.FromMinutes(10)))); // not the cached one: no hook
        Assert.True(source.Invalidate(first));
        await hookRan.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!log.All.Contains("invalidation hook failed") && DateTime.UtcNow < until) await Task.Delay(10);

        Assert.Equal(new[] { first }, seen.ToArray());
        Assert.Contains("invalidation hook failed with InvalidOperationException", log.All);
        Assert.DoesNotContain("the store is gone", log.All);
        Assert.NotEqual(first.Value.Reveal(), Support.Right(await source.GetTokenAsync().ToEither()).Value.Reveal());
    }
}
