// One instance of a service that shares its OAuth client's tokens through Redis, as a user would write it.
// Arguments: <redis host:port> <token host> <client id> <key prefix> <callers>. Secrets come from the environment
// (FLEET_CLIENT_SECRET, FLEET_KEY as base64), never from the command line. Protocol on stdout: "ready" once the token
// source and its Redis connection are up; then, after the line "go" on stdin, "token <sha256 prefix>" (never the token)
// and exit 0, or "error <code>" and exit 1.
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OAuth2.Functional;
using OAuth2.Functional.Hosting;
using OAuth2.Functional.Redis;
using StackExchange.Redis;

if (args.Length != 5 || !int.TryParse(args[4], out var callers))
{
    Console.Error.WriteLine("usage: <redis host:port> <token host> <client id> <key prefix> <callers>");
    return 2;
}

var ring = FleetKeyRing.Create("k1", Convert.FromBase64String(Environment.GetEnvironmentVariable("FLEET_KEY") ?? ""));
if (ring.IsLeft)
{
    Console.WriteLine("error FLEET_KEY");
    return 2;
}

var services = new ServiceCollection();
services.AddOAuth2Client("api", o =>
    {
        o.ClientId = args[2];
        o.ClientSecret = Environment.GetEnvironmentVariable("FLEET_CLIENT_SECRET");
        o.TokenHost = args[1];
        o.Scope = "api";
        o.Timeout = TimeSpan.FromMinutes(2); // a loaded machine
    })
    .UseRedis(args[0] + ",connectTimeout=5000,asyncTimeout=5000", new FleetStoreOptions
    {
        Protection = ring.Match(keys => FleetProtection.With(keys), _ => throw new InvalidOperationException("checked above")),
        KeyPrefix = args[3],
        OperationTimeout = TimeSpan.FromSeconds(5),
    });
await using var provider = services.BuildServiceProvider();
var source = provider.GetRequiredService<OAuth2Clients>().TokenSource("api");
if (source.IsLeft)
{
    Console.WriteLine("error " + source.Match(_ => "", e => e.Code));
    return 1;
}

var redis = provider.GetRequiredKeyedService<IConnectionMultiplexer>(FleetClientBuilderExtensions.ConnectionKey("api"));
var until = DateTime.UtcNow.AddSeconds(60);
while (!redis.IsConnected && DateTime.UtcNow < until) await Task.Delay(50);
Console.WriteLine(redis.IsConnected ? "ready" : "error redis-unreachable");
if (!redis.IsConnected) return 1;

if (Console.ReadLine() != "go") return 2;
var tokenSource = source.Match(s => s, _ => null!);
var results = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(() => tokenSource.GetTokenAsync().ToEither())));
var failures = results.Where(r => r.IsLeft).Select(r => r.Match(_ => "", e => e.Code)).Distinct().ToList();
if (failures.Count > 0)
{
    Console.WriteLine("error " + string.Join(",", failures));
    return 1;
}
var hashes = results.Select(r => r.Match(t => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(t.Value.Reveal())))[..16], _ => "")).Distinct().ToList();
Console.WriteLine("token " + string.Join(",", hashes));
return 0;
