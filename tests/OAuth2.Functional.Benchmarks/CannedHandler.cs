using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace OAuth2.Functional.Benchmarks;

/// <summary>An in-memory token endpoint: answers every request with the same canned bytes, after draining the request
/// body (as a real server reads it). Client libraries are compared here, not against a server that costs 1000× more.</summary>
public sealed class CannedHandler(HttpStatusCode status, byte[] body) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null) await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        return new HttpResponseMessage(status) { Content = content, RequestMessage = request };
    }
}

/// <summary>Realistic response bodies: a ~1 KB RS256 JWT access token, and a 401 invalid_client.</summary>
public static class Bodies
{
    public static readonly string Jwt = MakeJwt();

    public static readonly byte[] Token = Encoding.UTF8.GetBytes(
        $"{{\"access_token\":\"{Jwt}\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"api\"}}");

    public static readonly byte[] RefreshedToken = Encoding.UTF8.GetBytes(
        $"{{\"access_token\":\"{Jwt}\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"api offline_access\",\"refresh_token\":\"d3f1d0a7c9b84d7e9a1b2c3d4e5f60718293a4b5c6d7e8f9\"}}");

    public static readonly byte[] InvalidClient = Encoding.UTF8.GetBytes(
        "{\"error\":\"invalid_client\",\"error_description\":\"The specified client credentials are invalid.\",\"error_uri\":\"https://documentation.openiddict.com/errors/ID2055\"}");

    private static string MakeJwt()
    {
        static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = B64("{\"alg\":\"RS256\",\"kid\":\"8C1A2B3C4D5E6F708192A3B4C5D6E7F8\",\"typ\":\"at+jwt\"}");
        var payload = B64("{\"iss\":\"http://127.0.0.1:5000/\",\"exp\":1764000000,\"iat\":1763996400,\"aud\":\"api\",\"scope\":\"api\",\"jti\":\"6c1f4b6e-8f7c-4a8e-9d2b-1f3e5a7c9b0d\",\"sub\":\"svc\",\"name\":\"svc\",\"oi_prst\":\"svc\",\"client_id\":\"svc\",\"oi_tkn_id\":\"2f5b7d9e-1a3c-4e6f-8b0d-2c4e6a8b0d2f\"}");
        var signature = B64(new string('s', 256));
        return header + "." + payload + "." + signature;
    }
}
