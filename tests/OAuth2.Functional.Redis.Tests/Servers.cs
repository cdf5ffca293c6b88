using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace OAuth2.Functional.Redis.Tests;

/// <summary>A real Redis-protocol server on a free loopback port that a test can stop and start again on the same port.</summary>
public abstract class RedisServer : IAsyncDisposable
{
    protected RedisServer(int port) => Port = port;

    public int Port { get; }

    public abstract string Kind { get; }

    public abstract Task StartAsync();

    public abstract Task StopAsync();

    public virtual async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>A new connection (one "instance" of the fleet): fail fast while disconnected, short timeouts.</summary>
    public ConnectionMultiplexer Connect() =>
        ConnectionMultiplexer.Connect(new ConfigurationOptions
        {
            EndPoints = { { IPAddress.Loopback, Port } },
            AbortOnConnectFail = false,
            ConnectTimeout = 2000,
            SyncTimeout = 2000,
            AsyncTimeout = 2000,
            ConnectRetry = 1,
            ReconnectRetryPolicy = new LinearRetry(200),
            BacklogPolicy = BacklogPolicy.FailFast,
        });

    /// <summary>The servers the fleet tests run on: Garnet always, redis-server when it is on the PATH.</summary>
    public static TheoryData<string> Kinds()
    {
        var kinds = new TheoryData<string> { "garnet" };
        if (RedisServerProcess.Available) kinds.Add("redis-server");
        return kinds;
    }

    public static async Task<RedisServer> StartAsync(string kind)
    {
        RedisServer server = kind == "garnet" ? new GarnetHost(FreePort()) : new RedisServerProcess(FreePort());
        await server.StartAsync();
        return server;
    }

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    protected async Task WaitUntilAnswersAsync()
    {
        var until = Stopwatch.StartNew();
        while (until.Elapsed < TimeSpan.FromSeconds(15))
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, Port);
                var stream = tcp.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                var n = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(1));
                if (n > 0 && buffer[0] == (byte)'+') return;
            }
            catch (Exception e) when (e is SocketException or IOException or TimeoutException) { }
            await Task.Delay(50);
        }
        throw new InvalidOperationException($"{Kind} did not answer on port {Port}");
    }
}

/// <summary>Microsoft.Garnet in this process. Never created with cleanupDir: true (Garnet 2.2.12 then deletes its
/// checkpoint directory, which defaults to the current directory); its checkpoint dir is a temporary folder of its own.</summary>
public sealed class GarnetHost(int port) : RedisServer(port)
{
    private readonly string dir = Directory.CreateTempSubdirectory("garnet-test-").FullName;
    private Garnet.GarnetServer? server;

    public override string Kind => "garnet";

    public override async Task StartAsync()
    {
        server = new Garnet.GarnetServer(
            ["--bind", "127.0.0.1", "--port", Port.ToString(), "--index", "1m", "--memory", "8m", "--page", "1m", "--checkpointdir", dir],
            null, false, null);
        server.Start();
        await WaitUntilAnswersAsync();
    }

    public override Task StopAsync()
    {
        server?.Dispose();
        server = null;
        return Task.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { } // our own temporary folder only
    }
}

/// <summary>A real redis-server process on a loopback port, without persistence, stopped by its PID.</summary>
public sealed class RedisServerProcess(int port) : RedisServer(port)
{
    private Process? process;

    public static string? Path =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
            .Select(d => System.IO.Path.Combine(d, "redis-server")).FirstOrDefault(File.Exists);

    public static bool Available => Path is not null;

    public override string Kind => "redis-server";

    public override async Task StartAsync()
    {
        var info = new ProcessStartInfo(Path!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = System.IO.Path.GetTempPath(),
        };
        foreach (var a in new[] { "--bind", "127.0.0.1", "--port", Port.ToString(), "--save", "", "--appendonly", "no", "--daemonize", "no" })
            info.ArgumentList.Add(a);
        process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilAnswersAsync();
    }

    public override async Task StopAsync()
    {
        if (process is null) return;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(); // this PID only
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        finally
        {
            process.Dispose();
            process = null;
        }
    }
}
