using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OAuth2.Functional.Tests.Faults;

/// <summary>
/// A loopback HTTP/1.1 server that misbehaves on purpose: each connection's request is read, then a script decides what
/// to write (or not). It counts the requests it received, so a test can prove that nothing reached it.
/// </summary>
internal sealed class MisbehavingServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Func<Socket, NetworkStream, CancellationToken, Task> script;
    private readonly Task loop;
    private int requests;

    public MisbehavingServer(Func<Socket, NetworkStream, CancellationToken, Task> script)
    {
        this.script = script;
        listener.Start();
        loop = AcceptLoop();
    }

    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
    public int Requests => Volatile.Read(ref requests);

    /// <summary>The request line and headers of every request received.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Heads { get; } = new();

    /// <summary>A server that answers every request with these exact bytes.</summary>
    public static MisbehavingServer Answering(string rawResponse) =>
        new(async (_, stream, ct) => await stream.WriteAsync(Encoding.UTF8.GetBytes(rawResponse), ct));

    /// <summary>A complete response with a Content-Length.</summary>
    public static string Response(int status, string reason, string? contentType, string body, string extraHeaders = "") =>
        $"HTTP/1.1 {status} {reason}\r\n" + (contentType is null ? "" : $"Content-Type: {contentType}\r\n") + extraHeaders +
        $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";

    private async Task AcceptLoop()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket socket;
            try { socket = await listener.AcceptSocketAsync(stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(async () =>
            {
                using (socket)
                await using (var stream = new NetworkStream(socket, ownsSocket: false))
                {
                    try
                    {
                        Heads.Enqueue(await ReadRequest(stream, stop.Token));
                        Interlocked.Increment(ref requests);
                        await script(socket, stream, stop.Token);
                    }
                    catch (Exception) { /* the client went away: that is the point of several faults */ }
                }
            });
        }
    }

    private static async Task<string> ReadRequest(NetworkStream stream, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        int headerEnd;
        while ((headerEnd = text.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
        {
            var n = await stream.ReadAsync(buffer, ct);
            if (n == 0) return text.ToString();
            text.Append(Encoding.Latin1.GetString(buffer, 0, n));
        }
        var head = text.ToString()[..headerEnd];
        var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim());
        var have = text.Length - headerEnd - 4;
        while (have < length)
        {
            var n = await stream.ReadAsync(buffer, ct);
            if (n == 0) return head;
            have += n;
        }
        return head;
    }

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        try { await loop.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { }
        stop.Dispose();
    }
}
