namespace OAuth2.Functional;

/// <summary>
/// The instants that matter for one cached token, computed once when it arrives (pure): from
/// <see cref="AheadFrom"/> a renewal may run in the background; from <see cref="UseUntil"/> on the token is no longer
/// handed out. <c>AheadFrom ≤ UseUntil ≤ ExpiresAt</c>; the window never covers the first half of the usable life.
/// </summary>
/// <param name="ObtainedAt">When the token arrived (or was seeded).</param>
/// <param name="ExpiresAt">Its expiry: the server's, or <c>ObtainedAt</c> plus the fallback lifetime.</param>
/// <param name="AheadFrom">Start of the refresh-ahead window.</param>
/// <param name="UseUntil">Expiry minus the skew: at and after this instant the token counts as expired.</param>
public sealed record TokenSchedule(DateTimeOffset ObtainedAt, DateTimeOffset ExpiresAt, DateTimeOffset AheadFrom, DateTimeOffset UseUntil);
