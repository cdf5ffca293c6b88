using OAuth2.Functional.DevServer;

namespace OAuth2.Functional.Tests.Lifecycle;

/// <summary>A real server whose access tokens live 3 s, for the token lifecycle tests (one per collection: they reset
/// its request counter and inject faults, so they run one at a time).</summary>
public sealed class LifecycleServerFixture : IAsyncLifetime
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3);

    public DevAuthorizationServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await DevAuthorizationServer.StartAsync(new DevServerOptions { AccessTokenLifetime = Lifetime });
        var client = TestSupport.Right(ClientCredentials.Create(Server.ConfigFor(Server.Confidential)));
        await client.GetTokenAsync(); // warm-up: JIT and OpenIddict's pipeline
        var password = TestSupport.Right(ResourceOwnerPassword.Create(Server.ConfigFor(Server.Confidential)));
        await password.GetTokenAsync(Parameters.Of(("username", "alice"), ("password", "wonderland")).WithScope("api offline_access"));
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition("lifecycle-server")]
public sealed class LifecycleServerCollection : ICollectionFixture<LifecycleServerFixture>;
