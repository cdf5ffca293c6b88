using OAuth2.Functional.Encodings;

namespace OAuth2.Functional;

/// <summary>
/// Pure interpretation of the authorization callback (RFC 6749 §4.1.2, RFC 9207, RFC 9700 §4.7): the redirect URI's query
/// or a <c>form_post</c> body in, the code or a specific <c>Left</c> out. The checks run in this order, so that nothing the
/// callback says is believed before it is authenticated: none of <c>code</c>, <c>state</c>, <c>iss</c>, <c>error</c>,
/// <c>error_description</c>, <c>error_uri</c> repeated (RFC 6749 §3.1); the <c>state</c> equal to the one
/// sent (constant time, <see cref="StateCheck.Verify"/>), for error answers too; <c>iss</c> equal to the expected issuer
/// exactly whenever present, and present when required (a mix-up attack, a code from another issuer, is a
/// <c>Left</c>); then an <c>error</c> is <see cref="OAuthError.AuthorizationRefused"/> and a missing code an
/// <see cref="OAuthError.InvalidArgument"/>. Never throws.
/// </summary>
public static class AuthorizationCallbacks
{
    /// <summary>Reads the query of the URI the user agent was redirected to (absolute, or a path with a query such as
    /// <c>/callback?code=…&amp;state=…</c>); a fragment is ignored.</summary>
    public static Either<OAuthError, AuthorizationCallback> FromRedirectUri(string? redirectUri, CallbackExpectation? expected)
    {
        if (redirectUri is null) return OAuthError.Argument("redirectUri", "is required");
        var withoutFragment = redirectUri.IndexOf('#') is var hash and >= 0 ? redirectUri[..hash] : redirectUri;
        var query = withoutFragment.IndexOf('?') is var q and >= 0 ? withoutFragment[(q + 1)..] : string.Empty;
        return FromParameters(FormEncoding.Decode(query), expected);
    }

    /// <summary>Reads a <c>response_mode=form_post</c> body (<c>application/x-www-form-urlencoded</c>).</summary>
    public static Either<OAuthError, AuthorizationCallback> FromFormPost(string? body, CallbackExpectation? expected) =>
        body is null ? OAuthError.Argument("body", "is required") : FromParameters(FormEncoding.Decode(body), expected);

    /// <summary>Checks already-decoded callback parameters (e.g. from a web framework's query or form collection).</summary>
    public static Either<OAuthError, AuthorizationCallback> FromParameters(Seq<(string Name, string Value)> parameters, CallbackExpectation? expected)
    {
        if (expected is null) return OAuthError.Argument("expected", "is required");
        if (parameters.Exists(p => p.Name is null || p.Value is null)) return OAuthError.Argument("parameters", "hold a null name or value");
        return from single in Singles(parameters)
               from state in CheckState(single, expected)
               from issuer in CheckIssuer(single, expected)
               from code in CodeOf(single)
               select new AuthorizationCallback(code, state, issuer);
    }

    private static Either<OAuthError, HashMap<string, string>> Singles(Seq<(string Name, string Value)> parameters)
    {
        var map = HashMap<string, string>();
        foreach (var (name, value) in parameters)
        {
            // Only the parameters this check reads must be single; an extension parameter's repeats are not ours to judge.
            if (!IsKnown(name)) continue;
            if (map.ContainsKey(name)) return OAuthError.Argument(name, "appears more than once in the callback (RFC 6749 §3.1)");
            map = map.Add(name, value);
        }
        return map;
    }

    private static bool IsKnown(string name) => name is "code" or "state" or "iss" or "error" or "error_description" or "error_uri";

    private static Either<OAuthError, string> CheckState(HashMap<string, string> callback, CallbackExpectation expected)
    {
        var returned = callback.Find("state");
        return StateCheck.Verify(expected.State, returned.IfNoneUnsafe((string?)null)).Map(_ => returned.IfNone(string.Empty));
    }

    private static Either<OAuthError, Option<string>> CheckIssuer(HashMap<string, string> callback, CallbackExpectation expected)
    {
        var returned = callback.Find("iss");
        return expected.Issuer.Match(
            issuer => returned.Match(
                iss => iss == issuer
                    ? Right<OAuthError, Option<string>>(Some(iss))
                    : Left<OAuthError, Option<string>>(OAuthError.Argument("iss",
                        "does not match the expected issuer: the response may come from another server (mix-up attack, RFC 9207)")),
                () => expected.IssuerRequired
                    ? Left<OAuthError, Option<string>>(OAuthError.Argument("iss", "is missing, but the server's metadata says it sends one (RFC 9207)"))
                    : Right<OAuthError, Option<string>>(None)),
            // No issuer to compare with: an iss cannot be checked, so it is not passed on as if it had been.
            () => expected.IssuerRequired
                ? Left<OAuthError, Option<string>>(OAuthError.Argument("expected", "requires an issuer but names none"))
                : Right<OAuthError, Option<string>>(None));
    }

    private static Either<OAuthError, Secret> CodeOf(HashMap<string, string> callback) =>
        callback.Find("error").Match(
            error => Left<OAuthError, Secret>(new OAuthError.AuthorizationRefused(
                ServerText.Nqschar(error, ServerText.MaxCodeChars),
                callback.Find("error_description").Map(d => ServerText.Nqschar(d, ServerText.MaxTextChars)),
                callback.Find("error_uri").Map(u => ServerText.UriChars(u, ServerText.MaxTextChars)))),
            () => callback.Find("code").Filter(c => c.Length > 0).Match(
                c => Right<OAuthError, Secret>(Secret.Of(c)),
                () => Left<OAuthError, Secret>(OAuthError.Argument("code", "is missing from the callback"))));
}
