using Microsoft.Extensions.Logging;

namespace OAuth2.Functional;

/// <summary>
/// The one way every operation reaches the network: log the send, call the transport, turn anything it does wrong (a
/// throw, a <c>null</c> task, a bottom <c>Either</c>) into a specific <c>Left</c>, read the clock once when the response
/// arrives, interpret it (pure), log the outcome. A logger that throws is ignored: logging never changes an outcome.
/// Log lines carry the operation, the endpoint without user info or query, the error code and the status; never a
/// secret, never server text.
/// </summary>
internal sealed class GuardedSend(SendHttp send, TimeProvider clock, ILogger logger)
{
    /// <summary>What a transport that returned no result at all (a <c>default</c>/bottom value or a <c>null</c> task) gives.</summary>
    internal static readonly OAuthError NoResult =
        new OAuthError.TransportFailure("the transport returned no result (a default or bottom value, or a null task)", "NoResult");

    public async Task<Either<OAuthError, T>> ExchangeAsync<T>(string operation, Either<OAuthError, HttpRequestSpec> request,
        Func<HttpResponseSpec, DateTimeOffset, Either<OAuthError, T>> interpret, CancellationToken ct)
    {
        if (ct.IsCancellationRequested) return Logged(operation, Left<OAuthError, T>(new OAuthError.Cancelled()));
        // .Case instead of Match: this is every token call's hot path (TokenFetchBenchmarks); a bottom request cannot
        // come from the pure builders, but is mapped rather than trusted.
        if (request.Case is not HttpRequestSpec spec)
            return Logged(operation, Left<OAuthError, T>(request.Case as OAuthError ?? OAuthError.Argument("request", "was not built")));
        Either<OAuthError, HttpResponseSpec> response;
        if (spec.PendingAssertion.IsNone && spec.PendingDPoPProof.IsNone)
        {
            // Nothing to sign: the path every secret-authenticated call takes, without the extra async step below.
            LogSend(operation, spec);
            response = await SendAsync(spec, ct).ConfigureAwait(false);
        }
        else response = await SendOnceAsync(operation, spec, ct).ConfigureAwait(false);
        // RFC 9449 §8: a token endpoint that wants a (newer) DPoP nonce answers use_dpop_nonce with it; the request is
        // signed afresh (new proof, new assertion) and sent once more.
        if (spec.PendingDPoPProof.IsSome && response.Case is HttpResponseSpec first && DPoPChallenges.AsksForNonce(first))
            response = await SendOnceAsync(operation, spec, ct).ConfigureAwait(false);
        if (response.Case is not HttpResponseSpec received) return Logged(operation, Left<OAuthError, T>((OAuthError)response.Case!));
        return Logged(operation, Interpret(received, interpret));
    }

    /// <summary>Signs what is pending (client assertion, DPoP proof) at the last moment, sends, and remembers a DPoP nonce
    /// the response carries for its origin.</summary>
    private async Task<Either<OAuthError, HttpResponseSpec>> SendOnceAsync(string operation, HttpRequestSpec pending, CancellationToken ct)
    {
        var signed = SignPending(pending);
        if (signed.Case is not HttpRequestSpec spec) return (OAuthError)signed.Case!;
        LogSend(operation, spec);
        var response = await SendAsync(spec, ct).ConfigureAwait(false);
        if (pending.PendingDPoPProof.Case is DPoPKey key && response.Case is HttpResponseSpec r && DPoPChallenges.Nonce(r).Case is string nonce)
            key.Remember(spec.Url, nonce);
        return response;
    }

    /// <summary>Signs a pending client assertion and adds a pending DPoP proof, with the clock read now and fresh <c>jti</c>s.
    /// A caller's <see cref="TimeProvider"/> that throws gives a <c>Left</c>, never an exception.</summary>
    private Either<OAuthError, HttpRequestSpec> SignPending(HttpRequestSpec spec)
    {
        if (spec.PendingAssertion.IsNone && spec.PendingDPoPProof.IsNone) return spec;
        DateTimeOffset now;
        try
        {
            now = clock.GetUtcNow();
        }
        catch (Exception e)
        {
            return OAuthError.Argument("timeProvider", $"threw {e.GetType().Name} while the request was signed");
        }
        return ClientAssertionSigner.Complete(spec, now, JwtSigner.NewJwtId()).Bind(signed => signed.PendingDPoPProof.Case is DPoPKey key
            ? key.Proof(signed.Method, signed.Url, now, None).Map(proof => signed with
            {
                Headers = Encodings.HeaderRules.Set(signed.Headers, ("DPoP", proof)), PendingDPoPProof = Option<DPoPKey>.None,
            })
            : signed);
    }

    /// <summary>Reads the clock once and interprets. Both are total by design (the interpreters are pure and tested for
    /// totality); a caller's <see cref="TimeProvider"/> that throws, or a bug, still ends as a value, never an exception.</summary>
    private Either<OAuthError, T> Interpret<T>(HttpResponseSpec response, Func<HttpResponseSpec, DateTimeOffset, Either<OAuthError, T>> interpret)
    {
        try
        {
            return interpret(response, clock.GetUtcNow());
        }
        catch (Exception e)
        {
            return new OAuthError.UnexpectedContent(response.Status, response.ContentType,
                $"the response could not be interpreted ({e.GetType().Name} from the clock or the interpreter)", BodyExcerpt.Of(response.Body));
        }
    }

    private async Task<Either<OAuthError, HttpResponseSpec>> SendAsync(HttpRequestSpec request, CancellationToken ct)
    {
        try
        {
            var pending = send(request, ct);
            if (pending is null) return NoResult;
            var response = await pending.ConfigureAwait(false);
            return response.IsBottom || response.Case is null ? NoResult : response;
        }
        catch (Exception e)
        {
            return Caught(e, ct);
        }
    }

    /// <summary>A caller's <see cref="OAuthTransport"/> as a plain task, with a bottom or throwing result mapped.</summary>
    public static SendHttp FromTransport(OAuthTransport transport) => async (request, ct) =>
    {
        try
        {
            var result = await transport(request, ct).ToEither().ConfigureAwait(false);
            return result.IsBottom || result.Case is null ? NoResult : result;
        }
        catch (NullReferenceException) when (!ct.IsCancellationRequested)
        {
            // default(EitherAsync<…>) has no task inside: ToEither() dereferences null. Nothing else here can be null.
            return NoResult;
        }
    };

    /// <summary>A transport that throws anyway (a caller's own): the caller's cancellation, or a transport failure.</summary>
    private static OAuthError Caught(Exception e, CancellationToken ct) =>
        e is OperationCanceledException && ct.IsCancellationRequested
            ? new OAuthError.Cancelled()
            : new OAuthError.TransportFailure("the transport threw instead of returning a result", e.GetType().Name);

    private void LogSend(string operation, HttpRequestSpec request)
    {
        try
        {
            if (logger.IsEnabled(LogLevel.Debug))
                logger.LogDebug("OAuth2.Functional {Operation}: {Method} {Endpoint}", operation, request.Method, UrlText.WithoutSecrets(request.Url));
        }
        catch (Exception)
        {
            // A throwing logger must not turn a request into a failure (or a success into an exception).
        }
    }

    /// <summary>The server's <c>error</c> only when it is a registered RFC code (server text is never logged otherwise).</summary>
    private static string RegisteredServerError(OAuthError e) =>
        e is OAuthError.ProtocolError p ? RegisteredErrors.IsRegistered(p.Error) ? p.Error : "unregistered server error code" : "-";

    private Either<OAuthError, T> Logged<T>(string operation, Either<OAuthError, T> outcome)
    {
        try
        {
            if (!logger.IsEnabled(LogLevel.Debug)) return outcome;
            outcome.Match(
                _ => logger.LogDebug("OAuth2.Functional {Operation}: succeeded", operation),
                e => logger.LogDebug("OAuth2.Functional {Operation}: failed with {Code} ({ServerError}), status {Status}", operation, e.Code,
                    RegisteredServerError(e), e.StatusCode.Match(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture), () => "none")));
        }
        catch (Exception)
        {
            // As above: logging never changes an outcome.
        }
        return outcome;
    }
}
