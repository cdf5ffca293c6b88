using System.Net;

namespace OAuth2.Functional;

/// <summary>
/// The one exception this library throws, and only from <see cref="OAuthTokenHandler"/>: an <c>HttpClient</c> handler
/// can only fail by throwing, so a token that cannot be obtained (or a request to an origin that may not receive the
/// token) surfaces as this <see cref="HttpRequestException"/>, carrying the <see cref="OAuthError"/>. Code that wants no
/// exception at all uses <see cref="AuthorizedHttp.SendAsync"/>, which returns the error as a value.
/// </summary>
public sealed class OAuthTokenException : HttpRequestException
{
    /// <summary>Wraps <paramref name="error"/>; the message is the error's (never a secret).</summary>
    public OAuthTokenException(OAuthError error)
        : base(error?.Message ?? "No OAuth error was given", null, error?.StatusCode.Case is int status ? (HttpStatusCode)status : null) =>
        Error = error ?? OAuthError.Argument("error", "is required");

    /// <summary>Why no token could be attached.</summary>
    public OAuthError Error { get; }
}
