using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace OAuth2.Functional.DevServer;

/// <summary>
/// A protected resource at <c>/api/resource</c> (any method) for testing clients that attach tokens: it answers 401
/// with <c>WWW-Authenticate: Bearer</c> without a bearer token, 401 with <c>error="invalid_token"</c> for a token a
/// test has <see cref="Reject">rejected</see>, else 200 with the request body's length. It records the tokens it saw.
/// </summary>
public sealed class ResourceEndpoint
{
    private readonly ConcurrentDictionary<string, bool> rejected = new();
    private readonly ConcurrentQueue<string> seen = new();

    /// <summary>The path the resource is served on.</summary>
    public const string Path = "/api/resource";

    /// <summary>From now on, <paramref name="accessToken"/> is answered with 401 <c>invalid_token</c>.</summary>
    public void Reject(string accessToken) => rejected[accessToken] = true;

    /// <summary>The bearer tokens received, in order (empty entries for requests without one).</summary>
    public IReadOnlyList<string> Seen => seen.ToArray();

    /// <summary>How many requests reached the resource.</summary>
    public int Requests => seen.Count;

    internal async Task<IResult> Handle(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : "";
        seen.Enqueue(token);
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        if (token.Length == 0)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"dev\"";
            return Results.StatusCode(401);
        }
        if (rejected.ContainsKey(token))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"dev\", error=\"invalid_token\", error_description=\"The token was rejected\"";
            return Results.StatusCode(401);
        }
        return Results.Text($"ok {body.Length}", "text/plain");
    }
}
