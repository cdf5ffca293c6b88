namespace OAuth2.Functional;

/// <summary>
/// Sends a request description and returns the response as data, or the failure as a value. The default is
/// <see cref="HttpClientTransport"/>; a custom one (a lambda) is how tests fake the network. A transport that throws
/// anyway is caught by the clients and reported as <see cref="OAuthError.TransportFailure"/>.
/// </summary>
public delegate EitherAsync<OAuthError, HttpResponseSpec> OAuthTransport(HttpRequestSpec request, CancellationToken cancellationToken);
