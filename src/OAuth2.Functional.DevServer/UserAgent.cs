using System.Net.Http.Json;
using System.Text.Json;

namespace OAuth2.Functional.DevServer;

/// <summary>
/// A minimal user agent for tests and demos: it opens an authorize URL and reads the redirect the server answers with
/// (the embedded server approves its fixed user without any HTML), and approves device codes. Failures are values.
/// The callback is checked by the library itself (<see cref="AuthorizationCallbacks"/>), not by code of its own.
/// </summary>
public static class UserAgent
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>GETs <paramref name="authorizeUrl"/> and checks the redirect it answers with through the library's
    /// <see cref="AuthorizationCallbacks.FromRedirectUri"/>: the code, or the specific <c>Left</c> (a state or issuer mismatch,
    /// the server's refusal). Failing to reach the server is a <see cref="OAuthError.TransportFailure"/>.</summary>
    public static async Task<Either<OAuthError, AuthorizationCallback>> FollowAuthorizeAsync(string authorizeUrl, CallbackExpectation expected,
        CancellationToken cancellationToken = default) =>
        (await RedirectOfAsync(authorizeUrl, cancellationToken)).Bind(location => AuthorizationCallbacks.FromRedirectUri(location, expected));

    /// <summary>GETs <paramref name="authorizeUrl"/> and returns the text of the redirect's <c>Location</c> unchecked (it
    /// carries the code: treat it as secret). For tests that alter a callback before checking it.</summary>
    public static async Task<Either<OAuthError, string>> RedirectOfAsync(string authorizeUrl, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(authorizeUrl, UriKind.Absolute), cancellationToken);
            return response.Headers.Location is { } location
                ? location.OriginalString
                : new OAuthError.HttpError((int)response.StatusCode, response.ReasonPhrase ?? string.Empty,
                    Optional(response.Content.Headers.ContentType?.MediaType), "(the authorize endpoint answered without a redirect)");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or UriFormatException)
        {
            return new OAuthError.TransportFailure(e.Message, e.GetType().Name);
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
