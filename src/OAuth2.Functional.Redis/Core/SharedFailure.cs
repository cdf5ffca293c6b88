using System.Buffers;
using System.Text;
using System.Text.Json;

namespace OAuth2.Functional.Redis;

/// <summary>
/// A token request's failure as the fleet shares it, so that the instances waiting for the lock holder do not each ask the
/// server in turn. Only server and network failures are shared (<see cref="OAuthError.ProtocolError"/>,
/// <see cref="OAuthError.HttpError"/>, <see cref="OAuthError.Timeout"/>, <see cref="OAuthError.TransportFailure"/>), and
/// only their codes: the error code, the status, the <c>Retry-After</c> instant, a timeout's length, an exception's type;
/// never a description, a body excerpt or any other text. How long a failure is shared is
/// <see cref="FleetStoreOptions.SharedFailureTime"/>, or the server's <c>Retry-After</c> capped by
/// <see cref="FleetStoreOptions.SharedRetryAfterCap"/>. Pure.
/// </summary>
internal static class SharedFailure
{
    private const int MaxText = 128;

    /// <summary>The JSON to share for <paramref name="error"/>, received at <paramref name="now"/>, and how long to share it;
    /// <c>None</c> for a failure that is not shared (a cancellation, a bad argument, a malformed response …).</summary>
    public static Option<(string Json, TimeSpan For)> Of(OAuthError error, DateTimeOffset now, FleetStoreOptions options)
    {
        var until = error.RetryAfter.Map(r => r.From(now));
        var share = until.Match(
            u => Min(u - now, options.SharedRetryAfterCap),
            () => options.SharedFailureTime);
        if (share < TimeSpan.FromMilliseconds(1)) return None; // PX takes whole milliseconds
        return error switch
        {
            OAuthError.ProtocolError e => Some((Json(w => { w.WriteString("k", "protocol"); w.WriteString("e", Bounded(e.Error)); w.WriteNumber("s", e.Status); }, until), share)),
            OAuthError.HttpError e => Some((Json(w => { w.WriteString("k", "http"); w.WriteNumber("s", e.Status); }, until), share)),
            OAuthError.Timeout e => Some((Json(w => { w.WriteString("k", "timeout"); w.WriteNumber("a", (long)e.After.TotalMilliseconds); }, until), share)),
            OAuthError.TransportFailure e => Some((Json(w => { w.WriteString("k", "transport"); w.WriteString("t", Bounded(e.ExceptionType)); }, until), share)),
            _ => None,
        };
    }

    /// <summary>The shared failure, or <c>None</c> when the JSON is not one (never throws).</summary>
    public static Option<OAuthError> Read(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            Option<RetryAfter> retryAfter = root.TryGetProperty("u", out var u) && u.TryGetInt64(out var ms)
                ? Some<RetryAfter>(new RetryAfter.Date(DateTimeOffset.FromUnixTimeMilliseconds(ms)))
                : None;
            var kind = root.GetProperty("k").GetString();
            OAuthError? error = kind switch
            {
                "protocol" => new OAuthError.ProtocolError(Bounded(root.GetProperty("e").GetString() ?? string.Empty), None, None, root.GetProperty("s").GetInt32()),
                "http" => new OAuthError.HttpError(root.GetProperty("s").GetInt32(), string.Empty, None, string.Empty),
                "timeout" => new OAuthError.Timeout(TimeSpan.FromMilliseconds(root.GetProperty("a").GetInt64())),
                "transport" => new OAuthError.TransportFailure("another instance of the fleet could not complete the token request just now",
                    Bounded(root.GetProperty("t").GetString() ?? string.Empty)),
                _ => null,
            };
            return Optional(error).Map(e => e with { RetryAfter = retryAfter });
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            return None;
        }
    }

    private static string Json(Action<Utf8JsonWriter> fields, Option<DateTimeOffset> until)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            fields(writer);
            foreach (var at in until) writer.WriteNumber("u", at.ToUnixTimeMilliseconds());
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Bounded(string text) => text.Length <= MaxText ? text : text[..MaxText];

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
