namespace OAuth2.Functional;

/// <summary>
/// The facts about an <see cref="OAuthError"/> that the lifecycle acts on, chosen by type (never by message text).
/// The one place that reads them, so a change of the error records touches one file.
/// </summary>
internal static class LifecycleErrors
{
    /// <summary>A refresh (or grant) answered <c>invalid_grant</c>: the refresh token or code is dead.</summary>
    public static bool IsInvalidGrant(OAuthError error) => error is OAuthError.ProtocolError { Error: "invalid_grant" };

    /// <summary>The instant before which the server asked not to be called again (<c>Retry-After</c>, as a delay from
    /// <paramref name="receivedAt"/> or as a date).</summary>
    public static Option<DateTimeOffset> RetryAt(OAuthError error, DateTimeOffset receivedAt) => error.RetryAfter.Map(r => r.From(receivedAt));
}
