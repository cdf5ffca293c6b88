namespace OAuth2.Functional;

/// <summary>
/// Every way an OAuth operation can fail, as a closed hierarchy of records. No public method of this library
/// throws: failures arrive as <c>Left(OAuthError)</c>. Messages and <see cref="ToString"/> never contain a secret.
/// </summary>
public abstract record OAuthError
{
    private OAuthError() { }

    /// <summary>A stable machine-readable code: the server's RFC 6749 §5.2 <c>error</c> for protocol errors, otherwise one of
    /// <c>invalid_config</c>, <c>invalid_argument</c>, <c>http_error</c>, <c>unexpected_content</c>, <c>malformed_token</c>,
    /// <c>unexpected_redirect</c>, <c>response_too_large</c>, <c>transport_failure</c>, <c>timeout</c>, <c>cancelled</c>.</summary>
    public abstract string Code { get; }

    /// <summary>A human-readable explanation, free of secrets.</summary>
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

    /// <summary>Prints the case, its code and its message (never a secret).</summary>
    public sealed override string ToString() => $"OAuthError.{GetType().Name}({Code}): {Message}";

    /// <summary>The configuration is invalid; every problem is listed, each with its field path.</summary>
    public sealed record InvalidConfig(Seq<ConfigProblem> Problems) : OAuthError
    {
        /// <inheritdoc/>
        public override string Code => "invalid_config";
        /// <inheritdoc/>
        public override string Message =>
            "Invalid options provided to OAuth2.Functional: " + string.Join("; ", Problems.Map(p => p.ToString()));
    }

    /// <summary>An argument of a call (parameters, request options, token) cannot be used.</summary>
    public sealed record InvalidArgument(string Name, string Reason) : OAuthError
    {
        /// <inheritdoc/>
        public override string Code => "invalid_argument";
        /// <inheritdoc/>
        public override string Message => $"Invalid argument \"{Name}\": {Reason}";
    }

    /// <summary>The server answered with an OAuth error body (RFC 6749 §5.2), whatever its status (a 2xx included).</summary>
    public sealed record ProtocolError(string Error, Option<string> ErrorDescription, Option<string> ErrorUri, int Status) : OAuthError
    {
        /// <inheritdoc/>
        public override string Code => Error;
        /// <inheritdoc/>
        public override string Message =>
            $"The authorization server answered {Status} with error \"{Error}\"" +
            ErrorDescription.Match(d => $": {d}", () => string.Empty) +
            ErrorUri.Match(u => $" (see {u})", () => string.Empty);
    }

    /// <summary>A non-2xx response without an OAuth error body.</summary>
    public sealed record HttpError(int Status, string ReasonPhrase, Option<string> ContentType, string BodyExcerpt) : OAuthError
    {
        /// <inheritdoc/>
        public override string Code => "http_error";
        /// <inheritdoc/>
        public override string Message =>
            $"Response Error: {Status} {ReasonPhrase}".TrimEnd() +
            ContentType.Match(c => $" ({c})", () => " (no content type)") +
            (BodyExcerpt.Length == 0 ? string.Empty : $": {BodyExcerpt}");
    }

    /// <summary>A response whose content is not what the operation needs (not JSON, empty, not a JSON object).</summary>
    public sealed record UnexpectedContent(int Status, Option<string> ContentType, string Reason, string BodyExcerpt) : OAuthError
    {
        /// <inheritdoc/>
        public override string Code => "unexpected_content";
        /// <inheritdoc/>
        public override string Message =>
            $"Unexpected content in a {Status} response" +
            ContentType.Match(c => $" ({c})", () => " (no content type)") + $": {Reason}" +
            (BodyExcerpt.Length == 0 ? string.Empty : $": {BodyExcerpt}");
    }

    /// <summary>A token (from a response or from storage) is not usable: the field and the reason are named.</summary>
    public sealed record MalformedToken(string Field, string Reason) : OAuthError
    {
        /// <inheritdoc/>
        public override string Code => "malformed_token";
        /// <inheritdoc/>
        public override string Message => $"Malformed token: \"{Field}\" {Reason}";
    }

    /// <summary>The server answered with a redirect. Redirects are never followed: credentials never go elsewhere.</summary>
    public sealed record UnexpectedRedirect(int Status, Option<string> Location) : OAuthError
    {
        /// <inheritdoc/>
        public override string Code => "unexpected_redirect";
        /// <inheritdoc/>
        public override string Message =>
            $"The server answered {Status} with a redirect" + Location.Match(l => $" to {l}", () => string.Empty) +
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
        Func<Cancelled, T> cancelled) => this switch
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
}
