using System.Text.Json;

namespace OAuth2.Functional;

/// <summary>
/// Pure response interpreters (spec §5 with the §8 differences): a redirect is never a success; an OAuth error body is
/// a <see cref="OAuthError.ProtocolError"/> whatever the status (2xx included); a non-2xx without one is an
/// <see cref="OAuthError.HttpError"/> keeping the real status; a 2xx that is not a JSON token is
/// <see cref="OAuthError.UnexpectedContent"/> or <see cref="OAuthError.MalformedToken"/>. Total: never throws.
/// </summary>
public static class Responses
{
    /// <summary>Interprets a token-endpoint response received at <paramref name="receivedAt"/>.</summary>
    public static Either<OAuthError, AccessToken> InterpretToken(HttpResponseSpec? response, DateTimeOffset receivedAt)
    {
        // .Case rather than Bind: every token call comes through here (InterpretBenchmarks); no closure over receivedAt.
        var members = SuccessfulObject(response, static r => r.Body.IsEmpty ? "the body is empty; a JSON token was expected" : NotJson, notAnObjectIsMalformed: true);
        return members.Case is JsonField[] fields ? TokenParser.Parse(fields, receivedAt) : Left<OAuthError, AccessToken>((OAuthError)members.Case!);
    }

    /// <summary>Interprets a revocation response: any 2xx is success whatever its body (RFC 7009 §2.2).</summary>
    public static Either<OAuthError, Unit> InterpretRevocation(HttpResponseSpec? response)
    {
        if (response is null) return OAuthError.Argument("response", "is required");
        if (IsRedirect(response.Status)) return Redirect(response);
        if (IsSuccess(response.Status)) return unit;
        return JsonObjectReader.Read(response.Body).Case is JsonField[] fields && ProtocolErrorOf(fields, response).Case is OAuthError error
            ? error
            : HttpErrorOf(response);
    }

    /// <summary>Interprets an introspection response: a 2xx JSON object whose <c>active</c> member is a boolean.</summary>
    public static Either<OAuthError, Introspection> InterpretIntrospection(HttpResponseSpec? response) =>
        SuccessfulObject(response, static _ => NotJson, notAnObjectIsMalformed: false).Bind(IntrospectionOf);

    /// <summary>The members of a 2xx JSON object response, or the error every interpreter gives for anything else (a redirect,
    /// an OAuth error body, a non-2xx, content that is not a JSON object). The first step of the newer interpreters.</summary>
    internal static Either<OAuthError, JsonField[]> JsonObjectOf(HttpResponseSpec? response) =>
        SuccessfulObject(response, static _ => NotJson, notAnObjectIsMalformed: true);

    private const string NotJson = "the content type is not JSON";

    /// <summary>The one prologue of the interpreters that want a JSON object: a redirect is never a success; an OAuth error
    /// body is a protocol error at any status; a non-2xx without one is an HTTP error; then the members, or why not.</summary>
    private static Either<OAuthError, JsonField[]> SuccessfulObject(HttpResponseSpec? response, Func<HttpResponseSpec, string> notJsonReason,
        bool notAnObjectIsMalformed)
    {
        if (response is null) return OAuthError.Argument("response", "is required");
        if (IsRedirect(response.Status)) return Redirect(response);
        var json = JsonObjectReader.Read(response.Body);
        if (json.Case is JsonField[] fields && ProtocolErrorOf(fields, response).Case is OAuthError error) return error;
        if (!IsSuccess(response.Status)) return HttpErrorOf(response);
        if (!MediaTypes.IsJson(response.ContentType)) return Unexpected(response, notJsonReason(response));
        if (json.Case is JsonField[] members) return members;
        var problem = (JsonProblem)json.Case!;
        return notAnObjectIsMalformed && problem is JsonProblem.NotAnObject ? OAuthError.Malformed("(body)", problem.Reason) : Unexpected(response, problem.Reason);
    }

    private static Either<OAuthError, Introspection> IntrospectionOf(JsonField[] fields) =>
        JsonObjectReader.Find(fields, "active").Filter(f => f.Kind is JsonValueKind.True or JsonValueKind.False).Match(
            active => Right<OAuthError, Introspection>(new Introspection(active.Kind == JsonValueKind.True,
                TextOf(fields, "scope"), TextOf(fields, "client_id"), TextOf(fields, "sub"),
                JsonObjectReader.Find(fields, "exp").Filter(f => f.Kind == JsonValueKind.Number).Map(f => Expiry.FromUnixSeconds(f.Number)),
                toSeq(fields.Select(f => f.Field).ToArray()))),
            () => Left<OAuthError, Introspection>(OAuthError.Malformed("active", "must be a boolean")));

    private static bool IsSuccess(int status) => status is >= 200 and < 300;

    private static bool IsRedirect(int status) => status is >= 300 and < 400;

    private static OAuthError Redirect(HttpResponseSpec r) => new OAuthError.UnexpectedRedirect(r.Status, r.Header("Location"));

    private static OAuthError HttpErrorOf(HttpResponseSpec r) =>
        new OAuthError.HttpError(r.Status, r.ReasonPhrase ?? string.Empty, r.ContentType, BodyExcerpt.Of(r.Body))
        {
            RetryAfter = r.Header("Retry-After").Bind(RetryAfter.Parse),
            WwwAuthenticate = r.Header("WWW-Authenticate"),
        };

    private static OAuthError Unexpected(HttpResponseSpec r, string reason) =>
        new OAuthError.UnexpectedContent(r.Status, r.ContentType, reason, BodyExcerpt.Of(r.Body));

    /// <summary>An RFC 6749 §5.2 error: an <c>error</c> member that is not null. The server's strings are kept with every
    /// character outside §5.2's set escaped visibly and bounded (<see cref="ServerText"/>); a non-string <c>error</c> (some
    /// providers send an object) is kept as its escaped JSON text.</summary>
    private static Option<OAuthError> ProtocolErrorOf(JsonField[] fields, HttpResponseSpec r)
    {
        foreach (var f in fields)
        {
            if (f.Name != "error" || f.Kind == JsonValueKind.Null) continue;
            return new OAuthError.ProtocolError(
                ServerText.Nqschar(f.Kind == JsonValueKind.String ? f.Text : f.Raw, ServerText.MaxCodeChars),
                TextOf(fields, "error_description").Map(d => ServerText.Nqschar(d, ServerText.MaxTextChars)),
                TextOf(fields, "error_uri").Map(u => ServerText.UriChars(u, ServerText.MaxTextChars)),
                r.Status)
            {
                RetryAfter = r.Header("Retry-After").Bind(RetryAfter.Parse),
                WwwAuthenticate = r.Header("WWW-Authenticate"),
            };
        }
        return None;
    }

    private static Option<string> TextOf(JsonField[] fields, string name) =>
        JsonObjectReader.Find(fields, name).Bind(f => f.Kind == JsonValueKind.String ? Optional(f.Text) : None);
}
