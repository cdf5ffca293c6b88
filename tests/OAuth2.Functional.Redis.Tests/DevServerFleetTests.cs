using OAuth2.Functional.DevServer;
using static OAuth2.Functional.Redis.Tests.Support;

namespace OAuth2.Functional.Redis.Tests;

/// <summary>The real authorization server, warmed once for this class (its first request costs seconds).</summary>
public sealed class DevServerFixture : IAsyncLifetime
{
    public DevAuthorizationServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await DevAuthorizationServer.StartAsync();
        var warm = Right(ClientCredentials.Create(Server.ConfigFor(Server.Confidential)));
        await warm.GetTokenAsync(Parameters.Of(("scope", "api")));
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>Counts the requests that actually leave an instance for the server.</summary>
public sealed class CountingHandler(Action count) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        count();
        return base.SendAsync(request, cancellationToken);
    }
}

public class DevServerFleetTests(DevServerFixture dev) : IClassFixture<DevServerFixture>
{
    public static TheoryData<string> Kinds => RedisServer.Kinds();

    [Theory, MemberData(nameof(Kinds))]
    public async Task Eight_cold_instances_with_100_callers_each_send_one_token_request_to_the_server(string kind)
    {
        await using var redis = await RedisServer.StartAsync(kind);
        await using var fleet = new Fleet(redis, 8);
        var requests = 0;
        var config = dev.Server.ConfigFor(dev.Server.Confidential);
        var parameters = Parameters.Of(("scope", "api"));
        var key = Right(FleetKey.Of(new Uri(dev.Server.BaseUri, "oauth/token"), config.Client.Id, parameters)); // each fleet has its own key prefix
        var instances = fleet.Stores.Select(store =>
        {
            var http = new HttpClient(new CountingHandler(() => Interlocked.Increment(ref requests)));
            var client = Right(ClientCredentials.Create(config, http));
            return (store, client);
        }).ToArray();

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = instances.SelectMany(i => Enumerable.Range(0, 100).Select(async _ =>
        {
            await go.Task;
            return await i.store.GetOrFetchAsync(key, ct => i.client.GetTokenAsync(parameters, cancellationToken: ct).ToEither());
        })).ToArray();
        go.SetResult();
        var results = await Task.WhenAll(callers);

        Assert.Equal(1, requests);
        Assert.Equal(800, results.Length);
        Assert.Single(results.Select(r => Right(r).Value.Reveal()).Distinct());
        Assert.DoesNotContain(dev.Server.Confidential.Secret!, fleet.Log.All);
    }
}
