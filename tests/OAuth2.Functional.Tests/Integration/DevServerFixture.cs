using OAuth2.Functional.DevServer;

namespace OAuth2.Functional.Tests.Integration;

/// <summary>One real server for the whole integration collection: its first request costs seconds, so it is warmed once.</summary>
public sealed class DevServerFixture : IAsyncLifetime
{
    public DevAuthorizationServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await DevAuthorizationServer.StartAsync();
        var client = TestSupport.Right(ClientCredentials.Create(Server.ConfigFor(Server.Confidential)));
        await client.GetTokenAsync(); // warm-up: JIT and OpenIddict's pipeline
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition("devserver")]
public sealed class DevServerCollection : ICollectionFixture<DevServerFixture>;
