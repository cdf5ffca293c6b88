namespace OAuth2.Functional;

/// <summary>
/// The client operations, available directly on what <c>Create</c> returns (<c>Either&lt;OAuthError, TClient&gt;</c>), so the
/// shortest program is one chain: <c>await ClientCredentials.Create(config).GetTokenAsync()</c>. A configuration error
/// flows through as the <c>Left</c> of the result; nothing is sent. Each returns a value (<c>EitherAsync</c>, which can be
/// awaited directly to get an <c>Either</c>).
/// </summary>
public static class CreatedClientExtensions
{
    private static EitherAsync<OAuthError, TClient> Lift<TClient>(Either<OAuthError, TClient> client) =>
        client.IsBottom ? LeftAsync<OAuthError, TClient>(OAuthError.Argument("client", "is an uninitialised Either (default)")) : client.ToAsync();

    /// <summary><see cref="GrantClient.GetTokenAsync"/> on a client that may have failed to be created.</summary>
    public static EitherAsync<OAuthError, AccessToken> GetTokenAsync<TClient>(this Either<OAuthError, TClient> client,
        Parameters? parameters = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
        where TClient : GrantClient =>
        Lift(client).Bind(c => c.GetTokenAsync(parameters, requestOptions, cancellationToken));

    /// <summary><see cref="GrantClient.RefreshAsync"/> on a client that may have failed to be created.</summary>
    public static EitherAsync<OAuthError, AccessToken> RefreshAsync<TClient>(this Either<OAuthError, TClient> client, AccessToken? token,
        Parameters? parameters = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
        where TClient : GrantClient =>
        Lift(client).Bind(c => c.RefreshAsync(token, parameters, requestOptions, cancellationToken));

    /// <summary><see cref="GrantClient.RevokeAsync"/> on a client that may have failed to be created.</summary>
    public static EitherAsync<OAuthError, Unit> RevokeAsync<TClient>(this Either<OAuthError, TClient> client, AccessToken? token, TokenKind kind,
        RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
        where TClient : GrantClient =>
        Lift(client).Bind(c => c.RevokeAsync(token, kind, requestOptions, cancellationToken));

    /// <summary><see cref="GrantClient.RevokeAllAsync"/> on a client that may have failed to be created.</summary>
    public static EitherAsync<OAuthError, Unit> RevokeAllAsync<TClient>(this Either<OAuthError, TClient> client, AccessToken? token,
        RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
        where TClient : GrantClient =>
        Lift(client).Bind(c => c.RevokeAllAsync(token, requestOptions, cancellationToken));

    /// <summary><see cref="GrantClient.IntrospectAsync"/> on a client that may have failed to be created.</summary>
    public static EitherAsync<OAuthError, Introspection> IntrospectAsync<TClient>(this Either<OAuthError, TClient> client, AccessToken? token,
        TokenKind kind = TokenKind.AccessToken, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
        where TClient : GrantClient =>
        Lift(client).Bind(c => c.IntrospectAsync(token, kind, requestOptions, cancellationToken));

    /// <summary><see cref="GrantClient.CreateToken"/> on a client that may have failed to be created.</summary>
    public static Either<OAuthError, AccessToken> CreateToken<TClient>(this Either<OAuthError, TClient> client, string? json)
        where TClient : GrantClient =>
        client.IsBottom ? OAuthError.Argument("client", "is an uninitialised Either (default)") : client.Bind(c => c.CreateToken(json));

    /// <summary><see cref="AuthorizationCode.AuthorizeUrl"/> on a client that may have failed to be created.</summary>
    public static Either<OAuthError, string> AuthorizeUrl(this Either<OAuthError, AuthorizationCode> client, Parameters? parameters = null) =>
        client.IsBottom ? OAuthError.Argument("client", "is an uninitialised Either (default)") : client.Bind(c => c.AuthorizeUrl(parameters));
}
