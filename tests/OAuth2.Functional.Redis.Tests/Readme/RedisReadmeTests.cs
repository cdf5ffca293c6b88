using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OAuth2.Functional.Hosting;
using StackExchange.Redis;
using static OAuth2.Functional.Redis.Tests.Support;

namespace OAuth2.Functional.Redis.Tests.Readme;

/// <summary>The Redis README's code: present verbatim in <see cref="RedisReadmeExamples"/> (so it compiles) and working
/// against a real Garnet and the DevServer.</summary>
public class RedisReadmeTests(DevServerFixture dev) : IClassFixture<DevServerFixture>
{
    private static string Normalize(string code) => Regex.Replace(code, @"\s+", " ").Trim();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OAuth2.Functional.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("no OAuth2.Functional.sln above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Every_csharp_block_of_the_redis_readme_is_compiled_in_RedisReadmeExamples()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "src", "OAuth2.Functional.Redis", "README.md")).ReplaceLineEndings("\n");
        var examples = Normalize(File.ReadAllText(Path.Combine(RepoRoot(), "tests", "OAuth2.Functional.Redis.Tests", "Readme", "RedisReadmeExamples.cs")));
        var blocks = Regex.Matches(readme, "```csharp\\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.True(blocks.Count >= 4, "blocks found: " + blocks.Count);
        Assert.All(blocks, b => Assert.Contains(Normalize(b), examples));
    }

    private IConfiguration Configuration(RedisServer redis, string prefix) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["TokenCache:Key"] = Convert.ToBase64String(Key(3)),
        ["ConnectionStrings:redis"] = $"127.0.0.1:{redis.Port}",
        ["OAuth2:Clients:api:ClientId"] = dev.Server.Confidential.Id,
        ["OAuth2:Clients:api:ClientSecret"] = dev.Server.Confidential.Secret,
        ["OAuth2:Clients:api:TokenHost"] = dev.Server.BaseUri.AbsoluteUri,
        ["OAuth2:Clients:api:Scope"] = "api",
        ["OAuth2:Clients:api:Timeout"] = "00:02:00",
        ["Resource:BaseAddress"] = dev.Server.BaseUri.AbsoluteUri,
    }).Build();

    [Fact]
    public async Task The_UseRedis_examples_share_one_token_between_two_containers()
    {
        await using var redis = await RedisServer.StartAsync("garnet");
        var keys = Directory.CreateTempSubdirectory("dp-readme-");
        try
        {
            foreach (var register in new Func<IServiceCollection, IConfiguration, IServiceCollection>[]
                     {
                         RedisReadmeExamples.AddSharedApi,
                         (s, c) => RedisReadmeExamples.AddSharedApiWithDataProtection(s, c, keys),
                     })
            {
                var configuration = Configuration(redis, "");
                await using var a = register(new ServiceCollection(), configuration).BuildServiceProvider();
                await using var b = register(new ServiceCollection(), configuration).BuildServiceProvider();
                // Each example's entry lives under the default prefix: start from an empty Redis.
                await using (var admin = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{redis.Port},allowAdmin=true"))
                    await admin.GetServer(admin.GetEndPoints()[0]).FlushAllDatabasesAsync();
                var before = dev.Server.TokenEndpoint.Total;
                var first = Right(await Right(a.GetRequiredService<OAuth2Clients>().TokenSource("api")).GetTokenAsync().ToEither());
                var second = Right(await Right(b.GetRequiredService<OAuth2Clients>().TokenSource("api")).GetTokenAsync().ToEither());
                Assert.Equal(first.Value.Reveal(), second.Value.Reveal());
                Assert.Equal(1, dev.Server.TokenEndpoint.Total - before);
                Assert.NotNull(a.GetRequiredService<IHttpClientFactory>().CreateClient("resource"));
            }
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_examples_without_a_container_get_and_share_a_token()
    {
        await using var redis = await RedisServer.StartAsync("garnet");
        var client = Right(ClientCredentials.Create(dev.Server.ConfigFor(dev.Server.Confidential)));
        var before = dev.Server.TokenEndpoint.Total;
        var one = Right(await RedisReadmeExamples.SharedToken($"127.0.0.1:{redis.Port}", client, Key(4)));
        var two = Right(await RedisReadmeExamples.SharedToken($"127.0.0.1:{redis.Port}", client, Key(4)));
        Assert.Equal(one.Value.Reveal(), two.Value.Reveal()); // the second source (its own connection and memory) read it from Redis
        Assert.Equal(1, dev.Server.TokenEndpoint.Total - before);

        await using var mux = redis.Connect();
        var store = Right(FleetTokenStore.Create(mux, new FleetStoreOptions { Protection = FleetProtection.With(Ring()), KeyPrefix = "byhand:" }));
        Assert.True(Right(await RedisReadmeExamples.StoreByHand(store, client, Parameters.Of(("scope", "api"))).ToEither()));
        Assert.Equal(3, dev.Server.TokenEndpoint.Total - before); // one fetch, one renewal; the invalidated token is gone
        Assert.Empty(await mux.GetServer(mux.GetEndPoints()[0]).KeysAsync(pattern: "byhand:tok:*").ToListAsync());
    }
}
