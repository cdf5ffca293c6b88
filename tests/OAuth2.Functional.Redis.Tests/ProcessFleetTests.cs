using System.Diagnostics;
using static OAuth2.Functional.Redis.Tests.Support;

namespace OAuth2.Functional.Redis.Tests;

/// <summary>The fleet as real OS processes: three <c>dotnet OAuth2.Functional.Redis.FleetProcess.dll</c> instances, each with
/// its own runtime, memory and Redis connection, sharing one Redis and one DevServer started by this test.</summary>
public class ProcessFleetTests(DevServerFixture dev) : IClassFixture<DevServerFixture>
{
    public static TheoryData<string> Kinds => RedisServer.Kinds();

    // Bounds for a loaded 2-core machine: a cold `dotnet` start with JIT can take tens of seconds there.
    private static readonly TimeSpan ReadyBound = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan DoneBound = TimeSpan.FromSeconds(120);

    [Theory, MemberData(nameof(Kinds))]
    public async Task Three_processes_with_100_callers_each_send_one_token_request_to_the_server(string kind)
    {
        await using var redis = await RedisServer.StartAsync(kind);
        var prefix = "p" + Guid.NewGuid().ToString("N")[..8] + ":";
        var instances = Enumerable.Range(0, 3).Select(_ => Start(redis, prefix)).ToList();
        try
        {
            var ready = await Task.WhenAll(instances.Select(i => i.ReadLineAsync(ReadyBound)));
            Assert.All(ready, line => Assert.Equal("ready", line));
            var before = dev.Server.TokenEndpoint.Total;
            foreach (var i in instances) await i.SendAsync("go");
            var outcome = await Task.WhenAll(instances.Select(i => i.ReadLineAsync(DoneBound)));
            var exits = await Task.WhenAll(instances.Select(i => i.ExitCodeAsync(DoneBound)));

            Assert.All(outcome, line => Assert.StartsWith("token ", line));
            Assert.Single(outcome.Distinct());                 // one token (by hash) in all three processes, one per process
            Assert.DoesNotContain(",", outcome[0]);
            Assert.All(exits, code => Assert.Equal(0, code));
            Assert.Equal(1, dev.Server.TokenEndpoint.Total - before);
        }
        finally
        {
            foreach (var i in instances) i.Dispose();
        }
    }

    private Instance Start(RedisServer redis, string prefix)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var a in new[] { InstanceDll(), $"127.0.0.1:{redis.Port}", dev.Server.BaseUri.AbsoluteUri, dev.Server.Confidential.Id, prefix, "100" })
            info.ArgumentList.Add(a);
        info.Environment["FLEET_CLIENT_SECRET"] = dev.Server.Confidential.Secret;
        info.Environment["FLEET_KEY"] = Convert.ToBase64String(Key(7));
        return new Instance(Process.Start(info)!);
    }

    /// <summary>The dotnet host running this test (so the instances run on the same runtime), else the one on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    /// <summary>The instance program's dll, built next to this test project's output (same configuration and framework).</summary>
    private static string InstanceDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)); // …/OAuth2.Functional.Redis.Tests/bin/<config>/<tfm>
        var tfm = here.Name;
        var config = here.Parent!.Name;
        var tests = here.Parent.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(tests, "OAuth2.Functional.Redis.FleetProcess", "bin", config, tfm, "OAuth2.Functional.Redis.FleetProcess.dll");
        Assert.True(File.Exists(dll), "the instance program is built with this project: " + dll);
        return dll;
    }

    /// <summary>One started process: lines from its stdout, bounded waits, killed (this PID only) when the test ends early.</summary>
    private sealed class Instance(Process process) : IDisposable
    {
        private readonly System.Threading.Channels.Channel<string> lines = Lines(process);

        public async Task<string> ReadLineAsync(TimeSpan bound)
        {
            using var cts = new CancellationTokenSource(bound);
            try
            {
                return await lines.Reader.ReadAsync(cts.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
            {
                return "(no line: " + (cts.IsCancellationRequested ? "timed out" : "exited") + ")";
            }
        }

        public async Task SendAsync(string line)
        {
            await process.StandardInput.WriteLineAsync(line);
            await process.StandardInput.FlushAsync();
        }

        public async Task<int> ExitCodeAsync(TimeSpan bound)
        {
            using var cts = new CancellationTokenSource(bound);
            try
            {
                await process.WaitForExitAsync(cts.Token);
                return process.ExitCode;
            }
            catch (OperationCanceledException)
            {
                return -1;
            }
        }

        public void Dispose()
        {
            try
            {
                if (!process.HasExited) process.Kill(); // this PID only
            }
            catch (InvalidOperationException) { }
            process.Dispose();
        }

        private static System.Threading.Channels.Channel<string> Lines(Process p)
        {
            var channel = System.Threading.Channels.Channel.CreateUnbounded<string>();
            p.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null) channel.Writer.TryComplete();
                else channel.Writer.TryWrite(e.Data);
            };
            p.ErrorDataReceived += (_, _) => { };
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
            return channel;
        }
    }
}
