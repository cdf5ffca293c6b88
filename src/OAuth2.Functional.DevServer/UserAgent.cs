using System.Net.Http.Json;
using System.Text.Json;

namespace OAuth2.Functional.DevServer;

/// <summary>The front-channel answer the user agent lands on: <c>code</c> and <c>state</c>, or an OAuth error.</summary>
/// <param name="Callback">The full callback URL (it carries the code: treat it as secret).</param>
/// <param name="Code">The authorization code, if the server issued one.</param>
/// <param name="State">The <c>state</c> echoed back, if any.</param>
/// <param name="Error">The OAuth error, if the server refused.</param>
public sealed record AuthorizationResponse(Uri Callback, Option<string> Code, Option<string> State, Option<string> Error)
{
    /// <summary>State and error only.</summary>
    public override string ToString() => $"AuthorizationResponse(code: {(Code.IsSome ? "[redacted]" : "none")}, state: {State.IfNone("none")}, error: {Error.IfNone("none")})";
}

/// <summary>
/// A minimal user agent for tests and demos: it opens an authorize URL and reads the redirect the server answers with
/// (the embedded server approves its fixed user without any HTML), and approves device codes. Failures are values.
/// </summary>
public static class UserAgent
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>GETs <paramref name="authorizeUrl"/> and parses the redirect's query.</summary>
    public static async Task<Either<string, AuthorizationResponse>> FollowAuthorizeAsync(string authorizeUrl, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(authorizeUrl, UriKind.Absolute), cancellationToken);
            var location = response.Headers.Location;
            if (location is null) return $"the authorize endpoint answered {(int)response.StatusCode} without a redirect: {await response.Content.ReadAsStringAsync(cancellationToken)}";
            var query = System.Web.HttpUtility.ParseQueryString(location.Query);
            return new AuthorizationResponse(location, Optional(query["code"]), Optional(query["state"]), Optional(query["error"]));
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>Starts a device authorization for <paramref name="clientId"/> at <paramref name="deviceEndpoint"/>:
    /// returns the <c>device_code</c> and <c>user_code</c>.</summary>
    public static async Task<Either<string, (string DeviceCode, string UserCode)>> StartDeviceAsync(Uri deviceEndpoint, string clientId, string scope, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await Http.PostAsync(deviceEndpoint, new FormUrlEncodedContent([new("client_id", clientId), new("scope", scope)]), cancellationToken);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return json.TryGetProperty("device_code", out var d) && json.TryGetProperty("user_code", out var u)
                ? (d.GetString()!, u.GetString()!)
                : $"device authorization answered {(int)response.StatusCode}: {json}";
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>Approves a device code as the server's fixed user (the verification endpoint signs the user in).</summary>
    public static async Task<Either<string, Unit>> ApproveDeviceAsync(Uri verifyEndpoint, string userCode, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(verifyEndpoint + "?user_code=" + Uri.EscapeDataString(userCode)), cancellationToken);
            return (int)response.StatusCode is >= 200 and < 400 ? unit : $"verification answered {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}
