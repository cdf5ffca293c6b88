using OAuth2.Functional.Encodings;

namespace OAuth2.Functional;

/// <summary>The authorization-code grant's authorize URL (spec §3.4): <c>response_type=code</c>, the client id (and, with a
/// DPoP key, <c>dpop_jkt</c>: its thumbprint, RFC 9449 §10), then the
/// parameters, each <em>set</em> on the query of <c>authorizePath</c> (existing names replaced in place), serialized with
/// WHATWG form encoding (space as <c>+</c>).</summary>
public static class AuthorizeUrls
{
    /// <summary>
    /// Builds the URL as its exact text, checked to be an absolute URL. It is a string on purpose: a <see cref="Uri"/>
    /// re-normalises (<see cref="Uri.ToString"/> decodes <c>%C3%A9</c> to <c>é</c>, which Kestrel rejects in a
    /// <c>Location</c> header, and <see cref="Uri.AbsoluteUri"/> turns <c>%7E</c> into <c>~</c>).
    /// </summary>
    public static Either<OAuthError, string> Build(ValidConfig? config, Parameters? parameters) =>
        from cfg in Require.NotNull(config, "config")
        from baseUrl in cfg.AuthorizeBase.ToEither(OAuthError.Argument("config",
            "was validated for the " + cfg.Grant + " grant; the authorize URL needs the AuthorizationCode grant"))
        from _ in cfg.Config.Auth.RequirePushedAuthorizationRequests
            ? Left<OAuthError, Unit>(OAuthError.Argument("config",
                "says the server requires pushed authorization requests (RFC 9126): push first (AuthorizationCode.AuthorizeUrlAsync)"))
            : Right<OAuthError, Unit>(unit)
        from user in ParameterMap.Check(parameters)
        let client = cfg.Config.Client
        let basePairs = Seq(("response_type", "code"), (client.IdParamName, client.Id))
        // RFC 9449 §10: with a DPoP key, the code is bound to it (dpop_jkt), so only that key's proof can redeem it.
        let bound = cfg.Config.DPoP is { } key ? basePairs.Add(("dpop_jkt", key.Thumbprint)) : basePairs
        let pairs = ParameterMap.Overlay(bound, user, cfg.Config.Options.ScopeSeparator)
        from uri in Compose(baseUrl, pairs)
        select uri;

    /// <summary>The authorize URL after a pushed authorization request (RFC 9126 §4): only the client id and <c>request_uri</c>
    /// on <c>authorizePath</c> (its own query kept); the server finds every other parameter through the reference.</summary>
    public static Either<OAuthError, string> Pushed(ValidConfig? config, PushedAuthorization? pushed) =>
        from cfg in Require.NotNull(config, "config")
        from p in Require.NotNull(pushed, "pushed")
        from requestUri in Optional(p.RequestUri).Filter(r => r.Length > 0).ToEither(OAuthError.Argument("pushed", "has no request_uri"))
        from baseUrl in cfg.AuthorizeBase.ToEither(OAuthError.Argument("config",
            "was validated for the " + cfg.Grant + " grant; the authorize URL needs the AuthorizationCode grant"))
        from uri in Compose(baseUrl, Seq((cfg.Config.Client.IdParamName, cfg.Config.Client.Id), ("request_uri", requestUri)))
        select uri;

    private static Either<OAuthError, string> Compose(string baseUrl, Seq<(string Name, string Value)> pairs)
    {
        var hash = baseUrl.IndexOf('#');
        var fragment = hash < 0 ? string.Empty : baseUrl[hash..];
        var beforeHash = hash < 0 ? baseUrl : baseUrl[..hash];
        var q = beforeHash.IndexOf('?');
        var path = q < 0 ? beforeHash : beforeHash[..q];
        var existing = q < 0 ? Seq<(string, string)>() : QueryEncoding.Decode(beforeHash[(q + 1)..]);
        var query = pairs.Fold(existing, ParameterMap.SetInPlace);
        var text = path + (query.IsEmpty ? string.Empty : "?" + QueryEncoding.Encode(query)) + fragment;
        return Uri.TryCreate(text, UriKind.Absolute, out _)
            ? Right<OAuthError, string>(text)
            : Left<OAuthError, string>(OAuthError.Argument("params", "do not make a valid authorize URL"));
    }
}
