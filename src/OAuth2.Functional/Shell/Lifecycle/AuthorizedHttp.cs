namespace OAuth2.Functional;

/// <summary>Sending with a token, without exceptions: the functional counterpart of <see cref="OAuthTokenHandler"/>.</summary>
public static class AuthorizedHttp
{
    /// <summary>
    /// Sends the request that <paramref name="request"/> builds, with a token from <paramref name="tokens"/> attached,
    /// over any <paramref name="http"/> client. The token goes only to <paramref name="allowedOrigins"/> (by default the
    /// origin of <paramref name="http"/>'s <c>BaseAddress</c>). On a 401 that says <c>invalid_token</c> (RFC 6750) the
    /// token is dropped and the request is built and sent once more with a new one. Every failure is a <c>Left</c>:
    /// no token, a refused origin, a transport failure, a timeout or a cancellation. Any HTTP status is a <c>Right</c>;
    /// the caller disposes the response.
    /// </summary>
    public static EitherAsync<OAuthError, HttpResponseMessage> SendAsync(this HttpClient http, TokenSource tokens,
        Func<HttpRequestMessage> request, Seq<Uri> allowedOrigins = default, CancellationToken cancellationToken = default) =>
        Send(http, tokens, request, allowedOrigins, cancellationToken).ToAsync();

    private static async Task<Either<OAuthError, HttpResponseMessage>> Send(HttpClient http, TokenSource tokens,
        Func<HttpRequestMessage> build, Seq<Uri> allowedOrigins, CancellationToken ct)
    {
        if (http is null || tokens is null || build is null)
            return OAuthError.Argument(http is null ? "http" : tokens is null ? "tokens" : "request", "is required");
        var allowed = allowedOrigins.IsEmpty && http.BaseAddress is { } b ? Seq1(b) : allowedOrigins;
        Option<AccessToken> used = None;
        for (var attempt = 0; ; attempt++)
        {
            var token = await tokens.GetTokenValueAsync(ct).ConfigureAwait(false);
            if (token.Case is OAuthError noToken) return noToken;
            var t = (AccessToken)token.Case!;
            if (used.Map(u => ReferenceEquals(u, t)).IfNone(false)) return OAuthError.Argument("token", "the token source gave the rejected token again");
            var sent = await Once(http, tokens, t, build, allowed, ct).ConfigureAwait(false);
            if (sent.Case is HttpResponseMessage first && first.RequestMessage is { } asked && BearerRules.AsksForDPoPNonce(first, asked, tokens, allowed))
            {
                // RFC 9449 §9: the resource server wants a (newer) nonce; the request is built again with a fresh proof, once.
                first.Dispose();
                sent = await Once(http, tokens, t, build, allowed, ct).ConfigureAwait(false);
            }
            if (sent.Case is not HttpResponseMessage response || attempt > 0 || !BearerRules.ShouldRetry(response, false)) return sent;
            // A 401 from a redirect target that is not allowed says nothing about the token: returned as it is, no renewal.
            // (A response without RequestMessage, built by a handler of the caller's, went where the checked request went.)
            if (response.RequestMessage is { RequestUri: var landed } && BearerRules.Refusal(landed, allowed).IsSome) return sent;
            response.Dispose();
            tokens.Invalidate(t);
            used = t;
        }
    }

    private static async Task<Either<OAuthError, HttpResponseMessage>> Once(HttpClient http, TokenSource tokens, AccessToken token, Func<HttpRequestMessage> build,
        Seq<Uri> allowed, CancellationToken ct)
    {
        HttpRequestMessage? message = null;
        try
        {
            message = build();
            if (message is null) return OAuthError.Argument("request", "the request builder returned null");
            var target = message.RequestUri is { IsAbsoluteUri: false } relative && http.BaseAddress is { } b ? new Uri(b, relative) : message.RequestUri ?? http.BaseAddress;
            if (BearerRules.Refusal(target, allowed).Case is OAuthError refused)
            {
                message.Dispose();
                return refused;
            }
            if (message.RequestUri is { IsAbsoluteUri: false }) message.RequestUri = target;
            if (BearerRules.Attach(message, token, tokens).Case is OAuthError unsigned)
            {
                message.Dispose();
                return unsigned;
            }
            return await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        }
        catch (OAuthTokenException e)
        {
            message?.Dispose();
            return e.Error;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            message?.Dispose();
            return new OAuthError.Cancelled();
        }
        catch (OperationCanceledException)
        {
            message?.Dispose();
            return new OAuthError.Timeout(http.Timeout);
        }
        catch (Exception e)
        {
            message?.Dispose();
            return new OAuthError.TransportFailure("sending the request failed (the exception type says how; its message is not kept: it can quote the server)", e.GetType().Name);
        }
    }
}
