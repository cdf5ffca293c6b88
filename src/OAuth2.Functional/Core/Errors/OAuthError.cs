namespace OAuth2.Functional;

/// <summary>
/// Every way an OAuth operation can fail, as a closed hierarchy of records. No public method of this library
/// throws: failures arrive as <c>Left(OAuthError)</c>. <see cref="Message"/> and <see cref="ToString"/> are the
/// library's own words: they never contain a secret, and never server-controlled text beyond a status code, a
/// registered RFC error code and a sanitized media type. What the server said is kept in properties the caller reads
/// on purpose (<see cref="ProtocolError.ErrorDescription"/>, <see cref="HttpError.BodyExcerpt"/>, …).
/// </summary>
public abstract record OAuthError
{
    private OAuthError() { }

    /// <summary>A stable machine-readable code chosen by the library, never by the server: <c>invalid_config</c>,
    /// <c>invalid_argument</c>, <c>protocol_error</c>, <c>http_error</c>, <c>unexpected_content</c>, <c>malformed_token</c>,
    /// <c>unexpected_redirect</c>, <c>response_too_large</c>, <c>transport_failure</c>, <c>timeout</c>, <c>cancelled</c>,
    /// <c>revocation_failed</c>, <c>authorization_refused</c>, <c>device_code_expired</c>, <c>malformed_metadata</c>. The server's RFC 6749 §5.2 <c>error</c> is <see cref="ProtocolError.Error"/>.</summary>
    public abstract string Code { get; }

    /// <summary>A human-readable explanation in the library's words, free of secrets and of server text.</summary>
    public abstract string Message { get; }

    /// <summary>The HTTP status of the response that caused the error, where there was one.</summary>
    public Option<int> StatusCode => this switch
    {
        ProtocolError e => Some(e.Status),
        HttpError e => Some(e.Status),
        UnexpectedContent e => Some(e.Status),
        UnexpectedRedirect e => Some(e.Status),
        _ => None,
    };

    /// <summary>The HTTP status as a plain nullable number (for callers who do not use LanguageExt).</summary>
    public int? HttpStatus => StatusCode.MatchUnsafe(s => (int?)s, () => null);

    /// <summary>The server's <c>Retry-After</c> (a delay or a date), on a <see cref="ProtocolError"/> or an
    /// <see cref="HttpError"/> whose response carried one (typically 429 or 503).</summary>
    public Option<RetryAfter> RetryAfter { get; init; }

    /// <summary>The server's raw <c>WWW-Authenticate</c> header, on a <see cref="ProtocolError"/> or an <see cref="HttpError"/>
    /// whose response carried one. Server text: it may contain anything.</summary>
    public Option<string> WwwAuthenticate { get; init; }

    /// <summary>Prints the case, its code and its message (never a secret, never server text).</summary>
    public sealed override string ToString() => $"OAuthError.{GetType().Name}({Code}): {Message}";

    /// <summary>The configuration is invalid; every problem is listed, each with its field path.</summary>
    public sealed record InvalidConfig(Seq<ConfigProblem> Problems) : OAuthError
    {
        /// <inheritdoc/>
        public override string Code => "invalid_config";
        /// <inheritdoc/>
        public override string Message =>
            "Invalid options provided to OAuth2.Functional: " + string.Join("; ", Problems.Map(p => p?.ToString() ?? "(null problem)"));
    }

    /// <summary>An argument of a call (parameters, request options, token) cannot be used.</summary>
    public sealed record InvalidArgument(string Name, string Reason) : OAuthError
    {
        /// <inheritdoc/>
        public override string Code => "invalid_argument";
        /// <inheritdoc/>
        public override string Message => $"Invalid argument \"{Name}\": {Reason}";
    }

    /// <summary>The server answered with an OAuth error body (RFC 6749 §5.2), whatever its status (a 2xx included).
    /// <see cref="Error"/>, <see cref="ErrorDescription"/> and <see cref="ErrorUri"/> are the server's text as received,
    /// with every character outside RFC 6749 §5.2's set escaped visibly (<c>\n</c>, <c>\u00e9</c>) and bounded in length.
    /// Choose behaviour by <see cref="Error"/> (e.g. <c>"invalid_grant"</c>); <see cref="Code"/> is always <c>protocol_error</c>.</summary>
    public sealed record ProtocolError(string Error, Option<string> ErrorDescription, Option<string> ErrorUri, int Status) : OAuthError
    {
        /// <inheritdoc/>
        public override string Code => "protocol_error";
        /// <inheritdoc/>
        public override string Message =>
            $"The authorization server answered {Status} with an OAuth error" +
            (RegisteredErrors.IsRegistered(Error) ? $" \"{Error}\"" : " (an unregistered error code, see Error)") +
            (ErrorDescription.IsSome ? "; its description is in ErrorDescription" : string.Empty);
    }

    /// <summary>A non-2xx response without an OAuth error body. <see cref="BodyExcerpt"/> is a bounded excerpt of the
    /// body for diagnosis: server text, it may contain anything (secrets included), so it is never printed by the library.</summary>
    public sealed record HttpError(int Status, string ReasonPhrase, Option<string> ContentType, string BodyExcerpt) : OAuthError
    {
        /// <inheritdoc/>
        public override string Code => "http_error";
        /// <inheritdoc/>
        public override string Message =>
            $"The server answered {Status} without an OAuth error body ({MediaTypeText.Describe(ContentType)}, " +
            $"{(string.IsNullOrEmpty(BodyExcerpt) ? "empty body" : "body excerpt in BodyExcerpt")})";
    }

    /// <summary>A response whose content is not what the operation needs (not JSON, empty, not a JSON object).
    /// <see cref="Reason"/> is the library's; <see cref="BodyExcerpt"/> is server text, never printed by the library.</summary>
    public sealed record UnexpectedContent(int Status, Option<string> ContentType, string Reason, string BodyExcerpt) : OAuthError
    {
        /// <inheritdoc/>
        public override string Code => "unexpected_content";
        /// <inheritdoc/>
        public override string Message =>
            $"Unexpected content in a {Status} response ({MediaTypeText.Describe(ContentType)}): {Reason ?? "unknown reason"}";
    }

    /// <summary>A token (from a response or from storage) is not usable: the field and the reason are named.</summary>
    public sealed record MalformedToken(string Field, string Reason) : OAuthError
    {
        /// <inheritdoc/>
        public override string Code => "malformed_token";
        /// <inheritdoc/>
        public override string Message => $"Malformed token: \"{Field}\" {Reason}";
    }

    /// <summary>The server answered with a redirect, or a caller's client followed one. Redirects are never followed by the
    /// library: credentials never go elsewhere. <see cref="Location"/> is the target as received (server text); the message
    /// prints it without user info, query or fragment.</summary>
    public sealed record UnexpectedRedirect(int Status, Option<string> Location) : OAuthError
    {
        /// <inheritdoc/>
        public override string Code => "unexpected_redirect";
        /// <inheritdoc/>
        public override string Message =>
            (Status is >= 300 and < 400 ? $"The server answered {Status} with a redirect" : $"The caller's HTTP client followed a redirect (final status {Status})") +
            Location.Match(l => $" to {UrlText.WithoutSecrets(l)}", () => string.Empty) +
            "; redirects are not followed so that credentials never go to another URL";
    }

    /// <summary>The response body was larger than the configured cap.</summary>
    public sealed record ResponseTooLarge(long LimitBytes) : OAuthError
    {
        /// <inheritdoc/>
        public override string Code => "response_too_large";
        /// <inheritdoc/>
        public override string Message => $"The response body is larger than the limit of {LimitBytes} bytes";
    }

    /// <summary>The request could not be sent or its response not read (connection refused, reset, DNS, TLS …).</summary>
    public sealed record TransportFailure(string Reason, string ExceptionType) : OAuthError
    {
        /// <inheritdoc/>
        public override string Code => "transport_failure";
        /// <inheritdoc/>
        public override string Message => $"Transport failure ({ExceptionType}): {Reason}";
    }

    /// <summary>The configured timeout elapsed before the whole response arrived.</summary>
    public sealed record Timeout(TimeSpan After) : OAuthError
    {
        /// <inheritdoc/>
        public override string Code => "timeout";
        /// <inheritdoc/>
        public override string Message => $"No complete response within {After.TotalSeconds:0.###} s";
    }

    /// <summary>The caller's cancellation token was cancelled.</summary>
    public sealed record Cancelled : OAuthError
    {
        /// <inheritdoc/>
        public override string Code => "cancelled";
        /// <inheritdoc/>
        public override string Message => "The operation was cancelled by the caller";
    }

    /// <summary>Revoking both tokens (<c>RevokeAllAsync</c>) did not fully succeed: every failed revocation is listed, so a
    /// caller can tell a refresh token still alive from an access token that will simply expire.</summary>
    public sealed record RevocationFailed(Seq<TokenRevocationFailure> Failures) : OAuthError
    {
        /// <inheritdoc/>
        public override string Code => "revocation_failed";
        /// <inheritdoc/>
        public override string Message =>
            "Revocation failed for " + string.Join("; ", Failures.Map(f => f?.ToString() ?? "(null)")) +
            (Failures.Exists(f => f?.Kind == TokenKind.RefreshToken) ? " (the refresh token may still be valid)" : string.Empty);
    }

    /// <summary>The authorization callback carried an error instead of a code (RFC 6749 §4.1.2.1): the user or the server
    /// refused. <see cref="Error"/>, <see cref="ErrorDescription"/> and <see cref="ErrorUri"/> are the server's text as received
    /// (escaped and bounded as for <see cref="ProtocolError"/>); choose behaviour by <see cref="Error"/> (e.g. <c>"access_denied"</c>).
    /// Only a callback whose <c>state</c> (and <c>iss</c>, when expected) checked out gets here: a forged error is a state error.</summary>
    public sealed record AuthorizationRefused(string Error, Option<string> ErrorDescription, Option<string> ErrorUri) : OAuthError
    {
        /// <inheritdoc/>
        public override string Code => "authorization_refused";
        /// <inheritdoc/>
        public override string Message =>
            "The authorization server refused the authorization request" +
            (RegisteredErrors.IsRegistered(Error) ? $" with \"{Error}\"" : " (an unregistered error code, see Error)") +
            (ErrorDescription.IsSome ? "; its description is in ErrorDescription" : string.Empty);
    }

    /// <summary>A device authorization (RFC 8628) reached its <c>expires_in</c> deadline on the client's clock before the user
    /// approved it; polling stopped. (The server's own <c>expired_token</c> answer is a <see cref="ProtocolError"/>.)</summary>
    public sealed record DeviceCodeExpired(DateTimeOffset ExpiredAt) : OAuthError
    {
        /// <inheritdoc/>
        public override string Code => "device_code_expired";
        /// <inheritdoc/>
        public override string Message =>
            $"The device code expired at {ExpiredAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} before the user approved it; start a new device authorization";
    }

    /// <summary>An authorization server's metadata document (RFC 8414, OpenID Connect Discovery) cannot be used: a member has the
    /// wrong type or appears twice, an endpoint is not an https URL (off loopback), the <c>issuer</c> is not the one requested
    /// (RFC 8414 §3.3: the document may come from another server), or a member the operation needs is missing.
    /// <see cref="Member"/> names the member; <see cref="Reason"/> is the library's own sentence (never the server's text).</summary>
    public sealed record MalformedMetadata(string Member, string Reason) : OAuthError
    {
        /// <inheritdoc/>
        public override string Code => "malformed_metadata";
        /// <inheritdoc/>
        public override string Message => $"Unusable authorization server metadata: \"{Member}\" {Reason}";
    }

    /// <summary>Exhaustive case analysis: one function per case, checked by the compiler.</summary>
    public T Match<T>(
        Func<InvalidConfig, T> invalidConfig,
        Func<InvalidArgument, T> invalidArgument,
        Func<ProtocolError, T> protocolError,
        Func<HttpError, T> httpError,
        Func<UnexpectedContent, T> unexpectedContent,
        Func<MalformedToken, T> malformedToken,
        Func<UnexpectedRedirect, T> unexpectedRedirect,
        Func<ResponseTooLarge, T> responseTooLarge,
        Func<TransportFailure, T> transportFailure,
        Func<Timeout, T> timeout,
        Func<Cancelled, T> cancelled,
        Func<RevocationFailed, T> revocationFailed,
        Func<AuthorizationRefused, T> authorizationRefused,
        Func<DeviceCodeExpired, T> deviceCodeExpired,
        Func<MalformedMetadata, T> malformedMetadata) => this switch
    {
        InvalidConfig e => invalidConfig(e),
        InvalidArgument e => invalidArgument(e),
        ProtocolError e => protocolError(e),
        HttpError e => httpError(e),
        UnexpectedContent e => unexpectedContent(e),
        MalformedToken e => malformedToken(e),
        UnexpectedRedirect e => unexpectedRedirect(e),
        ResponseTooLarge e => responseTooLarge(e),
        TransportFailure e => transportFailure(e),
        Timeout e => timeout(e),
        RevocationFailed e => revocationFailed(e),
        AuthorizationRefused e => authorizationRefused(e),
        DeviceCodeExpired e => deviceCodeExpired(e),
        MalformedMetadata e => malformedMetadata(e),
        // The constructor is private, so Cancelled is the only case left: no throwing default arm is needed.
        _ => cancelled((Cancelled)this),
    };

    // Factories typed as the base type, so Left(...), guard(...) and ToEither(...) infer OAuthError (STYLE (d) 7).

    /// <summary>An <see cref="InvalidConfig"/> typed as <see cref="OAuthError"/>.</summary>
    public static OAuthError Config(Seq<ConfigProblem> problems) => new InvalidConfig(problems);
    /// <summary>An <see cref="InvalidArgument"/> typed as <see cref="OAuthError"/>.</summary>
    public static OAuthError Argument(string name, string reason) => new InvalidArgument(name, reason);
    /// <summary>A <see cref="MalformedToken"/> typed as <see cref="OAuthError"/>.</summary>
    public static OAuthError Malformed(string field, string reason) => new MalformedToken(field, reason);
    /// <summary>A <see cref="MalformedMetadata"/> typed as <see cref="OAuthError"/>.</summary>
    public static OAuthError Metadata(string member, string reason) => new MalformedMetadata(member, reason);
}
