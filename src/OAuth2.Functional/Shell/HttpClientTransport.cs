using System.Buffers;
using System.Net;

namespace OAuth2.Functional;

/// <summary>
/// The default <see cref="OAuthTransport"/> over <see cref="HttpClient"/>. It never follows a redirect (the shared client
/// has redirects off; a caller's client that follows one is detected and reported), caps the response size, bounds the
/// whole exchange with the configured timeout, and turns every exception into an <see cref="OAuthError"/>: the caller's
/// cancellation, the timeout and transport failures are kept apart.
/// </summary>
public static class HttpClientTransport
{
    private static readonly Lazy<HttpClient> Shared = new(() => new HttpClient(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AutomaticDecompression = DecompressionMethods.All,
    })
    { Timeout = System.Threading.Timeout.InfiniteTimeSpan });

    /// <summary>A transport over <paramref name="client"/>, or over one shared client with redirects off when it is <c>null</c>.</summary>
    public static OAuthTransport Create(HttpClient? client, HttpSettings? settings = null)
    {
        var send = Sender(client, settings);
        return (request, ct) => send(request, ct).ToAsync();
    }

    /// <summary>The same transport as a plain <see cref="Task"/>-returning function (the clients' hot path skips the
    /// <c>EitherAsync</c> round trip).</summary>
    internal static SendHttp Sender(HttpClient? client, HttpSettings? settings)
    {
        var s = settings ?? HttpSettings.Default;
        return (request, ct) => SendAsync(client ?? Shared.Value, s, request, ct);
    }

    private static async Task<Either<OAuthError, HttpResponseSpec>> SendAsync(HttpClient http, HttpSettings settings, HttpRequestSpec request, CancellationToken ct)
    {
        if (ct.IsCancellationRequested) return new OAuthError.Cancelled();
        // One fresh source per exchange, linked to the caller's token and disposed with the exchange: nothing that may
        // still hold its token (a content stream, a late registration) can be cancelled by another request's timeout.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            if (settings.Timeout != System.Threading.Timeout.InfiniteTimeSpan) deadline.CancelAfter(settings.Timeout);
            using var message = ToMessage(request);
            var sent = Sent.Of(message);
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            if (sent.WasRedirected(response.RequestMessage))
                return new OAuthError.UnexpectedRedirect((int)response.StatusCode, Optional(response.RequestMessage!.RequestUri?.OriginalString));
            var length = response.Content.Headers.ContentLength;
            if (length > settings.MaxResponseBytes) return new OAuthError.ResponseTooLarge(settings.MaxResponseBytes);
            var body = await ReadCappedAsync(response.Content, length, settings.MaxResponseBytes, deadline.Token).ConfigureAwait(false);
            return body.Map(bytes => ToSpec(response, bytes));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new OAuthError.Cancelled();
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return new OAuthError.Timeout(settings.Timeout);
        }
        catch (OperationCanceledException e) when (e.InnerException is TimeoutException)
        {
            return new OAuthError.Timeout(http.Timeout);
        }
        catch (HttpRequestException e)
        {
            return new OAuthError.TransportFailure(Describe(e, request.Url), e.GetType().Name);
        }
        catch (Exception e)
        {
            return new OAuthError.TransportFailure($"{Inner(e)} while exchanging with {UrlText.WithoutSecrets(request.Url)}", e.GetType().Name);
        }
    }

    /// <summary>The failure in the library's words: .NET's error category, the innermost exception's type (and a socket's
    /// error code), and the endpoint without secrets. Never the exception's message: .NET quotes the server's bytes in
    /// some of them ("Received an invalid header line: '…'").</summary>
    private static string Describe(HttpRequestException e, Uri endpoint) =>
        $"{e.HttpRequestError}: {Inner(e)} while exchanging with {UrlText.WithoutSecrets(endpoint)}";

    private static string Inner(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null) inner = inner.InnerException;
        return inner is System.Net.Sockets.SocketException socket ? $"{inner.GetType().Name} ({socket.SocketErrorCode})" : inner.GetType().Name;
    }

    /// <summary>Maps the request description to a message, header by header (content headers on the content).</summary>
    internal static HttpRequestMessage ToMessage(HttpRequestSpec request)
    {
        var method = request.Method == "POST" ? HttpMethod.Post : new HttpMethod(request.Method);
        // A GET without parameters (a discovery document) has no content at all: no Content-Length or Content-Type goes out.
        var content = request.Method == "GET" && request.Body.Pairs.IsEmpty ? null : new ByteArrayContent(request.Body.RenderBytes());
        var message = new HttpRequestMessage(method, request.Url) { Content = content };
        if (message.Content is not null) message.Content.Headers.ContentType = null;
        foreach (var (name, value) in request.Headers)
        {
            if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) && message.Content is not null)
            {
                message.Content.Headers.Remove(name);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else message.Headers.TryAddWithoutValidation(name, value);
        }
        return message;
    }

    /// <summary>Up to this announced length the body is read into one exactly sized array.</summary>
    private const long ExactReadLimit = 64 * 1024;

    private static async Task<Either<OAuthError, byte[]>> ReadCappedAsync(HttpContent content, long? length, long max, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        if (length is long exact && exact <= ExactReadLimit)
        {
            // A small announced length: read exactly that into one array (HTTP framing sends no more). Larger announced
            // lengths go through the loop below, so a server cannot make us allocate what it never sends.
            var body = new byte[exact];
            var read = await stream.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, ct).ConfigureAwait(false);
            return read == body.Length ? body : new OAuthError.TransportFailure($"the body ended after {read} of {exact} bytes", "EndOfStream");
        }
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var collected = new MemoryStream();
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(), ct).ConfigureAwait(false)) > 0)
            {
                if (collected.Length + read > max) return new OAuthError.ResponseTooLarge(max);
                collected.Write(buffer, 0, read);
            }
            return collected.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Status, reason, the response headers (raw values; content headers such as Content-Length are left out:
    /// the body and <see cref="HttpResponseSpec.ContentType"/> carry what they say) and the Content-Type.</summary>
    private static HttpResponseSpec ToSpec(HttpResponseMessage response, byte[] body)
    {
        var headers = Seq<(string, string)>();
        foreach (var h in response.Headers.NonValidated) headers = headers.Add((h.Key, h.Value.ToString()));
        return new((int)response.StatusCode, response.ReasonPhrase ?? string.Empty, headers,
            Optional(response.Content.Headers.ContentType?.ToString()), body);
    }
}
