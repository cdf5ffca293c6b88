namespace OAuth2.Functional;

/// <summary>
/// Everything a token source knows at one moment, immutable, swapped atomically as a whole. The cached read needs only
/// <see cref="AheadFromTicks"/> and the prebuilt <see cref="Result"/>, so it reads one field and allocates nothing.
/// </summary>
internal sealed class TokenSnapshot
{
    private TokenSnapshot(AccessToken? token, CacheState state, OAuthError? lastFailure)
    {
        Token = token;
        State = state;
        LastFailure = lastFailure;
        AheadFromTicks = state.Token.Match(s => s.AheadFrom.UtcTicks, long.MinValue);
        UseUntilTicks = token is null ? long.MinValue : state.Token.Match(s => s.UseUntil.UtcTicks, long.MinValue);
        Value = token is null ? Left<OAuthError, AccessToken>(lastFailure ?? NoToken) : Right<OAuthError, AccessToken>(token);
        Result = token is null ? LeftAsync<OAuthError, AccessToken>(lastFailure ?? NoToken) : RightAsync<OAuthError, AccessToken>(token);
    }

    public static readonly OAuthError NoToken =
        OAuthError.Argument("token", "the token source holds no token and cannot run its grant: seed it with a token");

    public static TokenSnapshot Empty { get; } = new(null, CacheState.Empty, null);

    /// <summary>The cached token, if any (it may be retired: kept for its refresh token, no longer handed out).</summary>
    public AccessToken? Token { get; }
    public CacheState State { get; }
    public OAuthError? LastFailure { get; }

    /// <summary>Before this instant (UTC ticks) the token is handed out with no further thought; <c>long.MinValue</c> when
    /// there is no token.</summary>
    public long AheadFromTicks { get; }

    /// <summary>Before this instant (UTC ticks) the token may still be handed out while a renewal runs (inside the
    /// refresh-ahead window); <c>long.MinValue</c> when there is no token to hand out.</summary>
    public long UseUntilTicks { get; }

    /// <summary>The token (or the last failure) as the two shapes callers ask for, built once.</summary>
    public Either<OAuthError, AccessToken> Value { get; }
    public EitherAsync<OAuthError, AccessToken> Result { get; }

    public static TokenSnapshot Fresh(AccessToken token, DateTimeOffset obtainedAt, RenewalOptions options) =>
        new(token, new CacheState(Some(RenewalPolicy.Schedule(token, obtainedAt, options)), None, None), null);

    /// <summary>After a failure: back-off per the policy; the token kept (or dropped when <paramref name="drop"/>).</summary>
    public TokenSnapshot Failed(OAuthError error, DateTimeOffset at, bool ahead, bool drop, RenewalOptions options)
    {
        var state = RenewalPolicy.AfterFailure(State, error, at, ahead, options);
        if (drop && ahead && State.Token.Case is TokenSchedule schedule)
            // The refresh token is dead but the access token is still good: keep handing it out until it expires, with no
            // further refresh-ahead; the on-demand renewal at expiry drops it.
            return new TokenSnapshot(Token, state with { AheadNotBefore = Some(schedule.UseUntil) }, error);
        return drop ? new TokenSnapshot(null, state with { Token = None }, error) : new TokenSnapshot(Token, state, error);
    }

    /// <summary>The same token, no longer handed out (a resource server rejected it) but kept for its refresh token.</summary>
    public TokenSnapshot Retired() =>
        new(Token, State with { Token = State.Token.Map(s => s with { AheadFrom = DateTimeOffset.MinValue, UseUntil = DateTimeOffset.MinValue }) }, LastFailure);
}
