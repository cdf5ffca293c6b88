using System.Diagnostics;
using OAuth2.Functional.Demo;
using OAuth2.Functional.DevServer;

// The main job: start a real OAuth 2.0 server in-process and walk every flow through the public API.
// Exit code 0 only if every step behaved as expected.
var started = Stopwatch.StartNew();
Console.WriteLine("OAuth2.Functional demo: starting the embedded OpenIddict server on 127.0.0.1 …");
await using var server = await DevAuthorizationServer.StartAsync();
Console.WriteLine($"server ready at {server.BaseUri} ({started.ElapsedMilliseconds} ms); discovery at {server.DiscoveryUri}");
Console.WriteLine();

var failures = 0;
var number = 0;
foreach (var step in new Tour(server).Steps + new LifecycleTour(server).Steps + new FleetTour(server).Steps
    + new DiscoveryTour(server).Steps + new GrantsTour(server).Steps + new JwtTour(server).Steps)
{
    var clock = Stopwatch.StartNew();
    var outcome = await step.Run().ToEither();
    number++;
    outcome.Match(
        ok => Console.WriteLine($"{number,2}. ok    {step.Name} ({clock.ElapsedMilliseconds} ms)\n       {ok}"),
        error =>
        {
            failures++;
            Console.WriteLine($"{number,2}. FAIL  {step.Name} ({clock.ElapsedMilliseconds} ms)\n       {error}");
        });
}

Console.WriteLine();
Console.WriteLine(failures == 0
    ? $"all {number} steps behaved as expected ({started.ElapsedMilliseconds} ms)"
    : $"{failures} of {number} steps did not behave as expected");
return failures == 0 ? 0 : 1;
