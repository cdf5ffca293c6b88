namespace OAuth2.Functional;

/// <summary>The pure builder of a token exchange request (RFC 8693 §2.1).</summary>
public static class TokenExchangeRequests
{
    /// <summary>The names the exchange sets itself; the extra parameters may not repeat them.</summary>
    private static readonly string[] OwnNames =
        ["subject_token", "subject_token_type", "actor_token", "actor_token_type", "requested_token_type", "audience", "resource", "scope"];

    /// <summary>
    /// POST to the token endpoint with the client's authentication and, in RFC 8693 §2.1's order:
    /// <c>grant_type=urn:ietf:params:oauth:grant-type:token-exchange</c>, every <c>resource</c>, every <c>audience</c>,
    /// <c>scope</c>, <c>requested_token_type</c>, <c>subject_token</c>, <c>subject_token_type</c>, <c>actor_token</c>,
    /// <c>actor_token_type</c>, then the extra parameters. <c>Left</c> (an <see cref="OAuthError.InvalidArgument"/> naming the
    /// value) for a null argument, an empty subject or actor token, an empty or null audience, a resource that is not an
    /// absolute URI without a fragment (RFC 8707 §2), an empty scope, or an extra parameter that repeats one of these names,
    /// <c>grant_type</c> or a client credential.
    /// </summary>
    public static Either<OAuthError, HttpRequestSpec> Exchange(ValidConfig? config, TokenExchangeRequest? request, RequestOptions? options = null)
    {
        if (config is null) return OAuthError.Argument("config", "is required");
        if (request is null) return OAuthError.Argument("request", "is required");
        if (request.NullArgument.Case is string argument) return OAuthError.Argument(argument, "is required");
        if (request.Subject.Token.Reveal().Length == 0) return OAuthError.Argument("subjectToken", "must not be empty");
        if (request.Actor.Case is TypedToken { Token: var actor } && actor.Reveal().Length == 0)
            return OAuthError.Argument("actorToken", "must not be empty");
        var audienceProblem = FirstProblem(request.Audiences, "audience", static a => !string.IsNullOrEmpty(a), "must be a non-empty string");
        if (audienceProblem.Case is OAuthError badAudience) return badAudience;
        var resourceProblem = FirstProblem(request.Resources, "resource", UriRules.IsResourceIndicator,
            "must be an absolute URI without a fragment (RFC 8707 §2)");
        if (resourceProblem.Case is OAuthError badResource) return badResource;
        var scopeProblem = FirstProblem(request.Scopes, "scope", static s => !string.IsNullOrEmpty(s), "must be a non-empty scope");
        if (scopeProblem.Case is OAuthError badScope) return badScope;
        return ReservedParameters.Check(config, request.Extra, OwnNames).Bind(extra =>
            TokenRequests.Post(config, config.TokenUrl,
                ParameterMap.Overlay(Pairs(request, config.Config.Options.ScopeSeparator), extra, config.Config.Options.ScopeSeparator), options));
    }

    private static Seq<(string Name, string Value)> Pairs(TokenExchangeRequest r, string separator)
    {
        var pairs = new List<(string Name, string Value)> { ("grant_type", GrantType.TokenExchange.Value) };
        foreach (var resource in r.Resources) pairs.Add(("resource", resource));
        foreach (var audience in r.Audiences) pairs.Add(("audience", audience));
        if (!r.Scopes.IsEmpty) pairs.Add(("scope", string.Join(separator, r.Scopes)));
        if (r.RequestedTokenType.Case is TokenTypeUri requested) pairs.Add(("requested_token_type", requested.Value));
        pairs.Add(("subject_token", r.Subject.Token.Reveal()));
        pairs.Add(("subject_token_type", r.Subject.Type.Value));
        if (r.Actor.Case is TypedToken actor)
        {
            pairs.Add(("actor_token", actor.Token.Reveal()));
            pairs.Add(("actor_token_type", actor.Type.Value));
        }
        return toSeq(pairs.ToArray());
    }

    private static Option<OAuthError> FirstProblem(Seq<string> values, string name, Func<string, bool> ok, string reason)
    {
        var index = 0;
        foreach (var value in values)
        {
            if (!ok(value)) return OAuthError.Argument($"{name}[{index}]", reason);
            index++;
        }
        return None;
    }
}
