namespace OAuth2.Functional;

/// <summary>
/// An <see cref="HttpClient"/> handler that attaches <c>Authorization: Bearer …</c> from a <see cref="TokenSource"/>
/// (or, for a DPoP-bound token, <c>Authorization: DPoP …</c> with a fresh proof per request, retried once with a new
/// proof when the resource server asks for a <c>DPoP-Nonce</c>),
/// only to the allowed origins (a request elsewhere is refused, never sent with the token). On a 401 whose
/// <c>WWW-Authenticate</c> says <c>invalid_token</c> (or any 401 when configured) it drops that exact token, gets a new
/// one and retries once, when the request content can be sent again. <b>Exceptions:</b> this is the one place an
/// exception crosses the library's boundary, because handlers can only fail by throwing: a token that cannot be
/// obtained, or a refused origin, throws <see cref="OAuthTokenException"/> (an <see cref="HttpRequestException"/> that
/// carries the <see cref="OAuthError"/>). For no exceptions at all use <see cref="AuthorizedHttp.SendAsync"/>.
/// </summary>
public sealed class OAuthTokenHandler : DelegatingHandler
{
    private readonly TokenSource? source;
    private readonly OAuthTokenHandlerOptions options;

    /// <summary>A handler over <paramref name="source"/> that sends the token only to <paramref name="options"/>' origins.
    /// (Without a source every request fails with <see cref="OAuthTokenException"/>; without options every request is refused.)</summary>
    public OAuthTokenHandler(TokenSource source, OAuthTokenHandlerOptions options)
    {
        this.source = source;
        this.options = options ?? new OAuthTokenHandlerOptions();
    }

    /// <summary>A handler over <paramref name="source"/> that sends the token only to <paramref name="allowedOrigin"/>'s origin.</summary>
    public OAuthTokenHandler(TokenSource source, Uri allowedOrigin)
        : this(source, allowedOrigin is null ? new OAuthTokenHandlerOptions() : OAuthTokenHandlerOptions.For(allowedOrigin)) { }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (BearerRules.Refusal(request.RequestUri, options.AllowedOrigins).Case is OAuthError refused) throw new OAuthTokenException(refused);
        var token = await Token(cancellationToken).ConfigureAwait(false);
        Attach(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (BearerRules.AsksForDPoPNonce(response, request, source!, options.AllowedOrigins) && BearerRules.Replayable(request.Content))
        {
            // RFC 9449 §9: the resource server wants a (newer) nonce in the proof; the same token, a fresh proof, once.
            response.Dispose();
            Attach(request, token);
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        if (!BearerRules.ShouldRetry(response, options.RetryOnAny401) || !BearerRules.Replayable(request.Content)) return response;
        // A redirect followed below this handler moves the request: a 401 from an origin that is not allowed is returned as
        // it is, and never answered with a fresh token.
        if (BearerRules.Refusal(request.RequestUri, options.AllowedOrigins).Case is OAuthError ||
            BearerRules.Refusal(response.RequestMessage?.RequestUri ?? request.RequestUri, options.AllowedOrigins).Case is OAuthError) return response;
        response.Dispose();
        source!.Invalidate(token);
        var fresh = await Token(cancellationToken).ConfigureAwait(false);
        Attach(request, fresh);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private void Attach(HttpRequestMessage request, AccessToken token)
    {
        if (BearerRules.Attach(request, token, source!).Case is OAuthError error) throw new OAuthTokenException(error);
    }

    private async Task<AccessToken> Token(CancellationToken ct)
    {
        if (source is null) throw new OAuthTokenException(OAuthError.Argument("source", "is required"));
        var token = await source.GetTokenValueAsync(ct).ConfigureAwait(false);
        // Case, not Match: this runs on every request through the handler (see TokenReadBenchmarks).
        return token.Case is AccessToken t ? t : throw new OAuthTokenException((OAuthError)token.Case!);
    }
}
