namespace OAuth2.Functional;

/// <summary>
/// What a token exchange (RFC 8693 §2.1) asks for: the subject token and its type, optionally an actor token (delegation),
/// the target (<c>audience</c> and <c>resource</c>, each any number of times, RFC 8707), <c>scope</c>, the
/// <c>requested_token_type</c>, and extra parameters. Start with <see cref="For"/> and add with the <c>With…</c> methods; the
/// values are checked when the request is built (<see cref="TokenExchangeRequests.Exchange"/>), so a bad one is a <c>Left</c>
/// naming it. Prints no token.
/// </summary>
public sealed record TokenExchangeRequest
{
    private TokenExchangeRequest(TypedToken subject) => Subject = subject;

    /// <summary>The token the new one is issued for (<c>subject_token</c>, <c>subject_token_type</c>).</summary>
    public TypedToken Subject { get; private init; }

    /// <summary>The acting party's token (<c>actor_token</c>, <c>actor_token_type</c>), for delegation.</summary>
    public Option<TypedToken> Actor { get; private init; }

    /// <summary>The <c>audience</c> values, in order (logical names of the target services).</summary>
    public Seq<string> Audiences { get; private init; } = Seq<string>();

    /// <summary>The <c>resource</c> values, in order (absolute URIs without a fragment, RFC 8707 §2).</summary>
    public Seq<string> Resources { get; private init; } = Seq<string>();

    /// <summary>The scopes, joined with <see cref="OAuthOptions.ScopeSeparator"/> into one <c>scope</c> when sent.</summary>
    public Seq<string> Scopes { get; private init; } = Seq<string>();

    /// <summary>The <c>requested_token_type</c>, if any (the server's default is usually an access token).</summary>
    public Option<TokenTypeUri> RequestedTokenType { get; private init; }

    /// <summary>Further parameters, sent after the exchange's own (they may not repeat them, nor set <c>grant_type</c> or
    /// client credentials).</summary>
    public Parameters Extra { get; private init; } = Parameters.Empty;

    /// <summary>The first null argument given to a builder method, reported when the request is built.</summary>
    internal Option<string> NullArgument { get; private init; }

    /// <summary>An exchange of <paramref name="subjectToken"/> of type <paramref name="subjectTokenType"/>.</summary>
    public static TokenExchangeRequest For(Secret? subjectToken, TokenTypeUri? subjectTokenType) =>
        new(new TypedToken(subjectToken ?? Secret.Of(null), subjectTokenType ?? TokenTypeUri.AccessToken))
        {
            NullArgument = subjectToken is null ? "subjectToken" : subjectTokenType is null ? "subjectTokenType" : None,
        };

    /// <summary>Adds the actor token and its type (delegation, RFC 8693 §1.1); a second call replaces the first.</summary>
    public TokenExchangeRequest WithActor(Secret? actorToken, TokenTypeUri? actorTokenType) =>
        actorToken is null || actorTokenType is null
            ? Null(actorToken is null ? "actorToken" : "actorTokenType")
            : this with { Actor = new TypedToken(actorToken, actorTokenType) };

    /// <summary>Appends <c>audience</c> values (each sent as its own <c>audience</c> parameter, in order).</summary>
    public TokenExchangeRequest WithAudience(params string[] audiences) =>
        audiences is null ? Null("audiences") : this with { Audiences = Appended(Audiences, audiences) };

    /// <summary>Appends <c>resource</c> values (RFC 8707: absolute URIs without a fragment; each sent as its own parameter).</summary>
    public TokenExchangeRequest WithResource(params string[] resources) =>
        resources is null ? Null("resources") : this with { Resources = Appended(Resources, resources) };

    /// <summary>Appends scopes.</summary>
    public TokenExchangeRequest WithScopes(params string[] scopes) =>
        scopes is null ? Null("scopes") : this with { Scopes = Appended(Scopes, scopes) };

    /// <summary>Sets the <c>requested_token_type</c>.</summary>
    public TokenExchangeRequest Requesting(TokenTypeUri? tokenType) =>
        tokenType is null ? Null("requestedTokenType") : this with { RequestedTokenType = tokenType };

    /// <summary>Sets the extra parameters.</summary>
    public TokenExchangeRequest WithParameters(Parameters? extra) =>
        extra is null ? Null("extra") : this with { Extra = extra };

    // Enumerable.Concat, not Seq's own: LanguageExt's SeqConcat sends the NativeAOT compiler into an endless expansion
    // (see ConfigValidation's remarks).
    private static Seq<string> Appended(Seq<string> items, string[] more) => toSeq(Enumerable.Concat(items, more).ToArray());

    private TokenExchangeRequest Null(string argument) => this with { NullArgument = NullArgument.IfNone(argument) };

    /// <summary>Types, audiences, resources, scopes and parameter names; tokens and parameter values are redacted.</summary>
    public override string ToString() =>
        $"TokenExchangeRequest(SubjectToken = [redacted], SubjectTokenType = {Subject.Type}, " +
        $"ActorToken = {(Actor.IsSome ? "[redacted]" : "none")}, ActorTokenType = {Actor.Map(a => a.Type.Value).IfNone("none")}, " +
        $"Audiences = [{string.Join(", ", Audiences)}], Resources = [{string.Join(", ", Resources.Map(r => r is null ? "null" : UrlText.WithoutSecrets(r)))}], " +
        $"Scopes = [{string.Join(" ", Scopes)}], RequestedTokenType = {RequestedTokenType.Map(t => t.Value).IfNone("none")}, Extra = {Extra})";
}
