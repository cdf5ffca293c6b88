namespace OAuth2.Functional.Redis;

/// <summary>
/// A <see cref="TokenSource"/> whose renewals go through a <see cref="FleetTokenStore"/>: a cold start asks the store
/// (one fetch for the fleet), a renewal (ahead of expiry or at it) asks it for a token other than the one held (the fleet's
/// newer one, or one fetch for the fleet), and <see cref="TokenSource.Invalidate"/> drops the token from the store too.
/// The source itself keeps its lock-free cached read and its in-process single flight; the store adds the fleet.
/// Renewals re-run the grant and never refresh: a rotated refresh token used twice revokes the grant (RFC 9700 §4.14.2),
/// and no fleet path can promise a single use (a lock can expire under a slow holder, a waiter can run out of patience,
/// Redis can be down), while the grant that got the first token can always get the next one.
/// </summary>
public static class FleetTokenSource
{
    /// <summary>A source over <paramref name="client"/>'s grant with <paramref name="parameters"/>, sharing through
    /// <paramref name="store"/> under the key of the client's token endpoint, client id, parameters and DPoP key. Every
    /// renewal re-runs the grant (once for the fleet); a refresh token is never redeemed, not even one in
    /// <see cref="TokenSourceOptions.Seed"/>. Give the store the source's skew
    /// (<c>FleetStoreOptions.Skew = options.Renewal.Skew</c>).</summary>
    public static Either<OAuthError, TokenSource> Create(FleetTokenStore store, GrantClient client, Parameters? parameters = null, TokenSourceOptions? options = null) =>
        from s in Optional(store).ToEither(OAuthError.Argument("store", "is required"))
        from c in Optional(client).ToEither(OAuthError.Argument("client", "is required"))
        let p = parameters ?? Parameters.Empty
        from key in FleetKey.Of(c.Config.TokenUrl, c.Config.Config.Client.Id, p, c.Config.Config.DPoP?.Thumbprint)
        from source in Over(s, key, c, p, options ?? TokenSourceOptions.Default)
        select source;

    private static Either<OAuthError, TokenSource> Over(FleetTokenStore store, FleetKey key, GrantClient client, Parameters parameters, TokenSourceOptions options)
    {
        // The store runs this only when the fleet needs a new token: so oauth2.token.requests counts requests sent, not reads.
        Func<CancellationToken, Task<Either<OAuthError, AccessToken>>> grant = ct =>
            OAuthTelemetry.MeasureTokenRequest(options.Name, "grant", () => client.GetTokenAsync(parameters, cancellationToken: ct)).ToEither();
        TokenSource? source = null; // set below, before any call can reach the grant function
        return TokenSource.FromFunctions(
                grant: ct => source!.Current.Match(
                    held => store.RenewAsync(key, held, grant, ct),
                    () => store.GetOrFetchAsync(key, grant, ct)).ToAsync(),
                refresh: null,
                options with { OnInvalidated = token => store.InvalidateAsync(key, token), DPoP = client.Config.Config.DPoP, RequestsMeasuredByFunctions = true })
            .Map(made => source = made);
    }
}
