using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Duende.IdentityModel.Client;

namespace OAuth2.Functional.Benchmarks;

/// <summary>The three contenders, set up once over the same handler: hand-written HttpClient code, Duende.IdentityModel, ours.</summary>
public sealed class Contenders
{
    public const string Endpoint = "https://as.example/oauth/token";
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");

    private readonly HttpClient http;
    private readonly string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("svc:svc-secret"));
    private readonly ClientCredentials ours;
    private readonly AccessToken oursRefreshable;

    public Contenders(HttpMessageHandler handler)
    {
        http = new HttpClient(handler);
        var config = new OAuthConfig(new ClientSettings("svc", "svc-secret"), new AuthSettings("https://as.example"));
        ours = ClientCredentials.Create(config, http).Match(c => c, e => throw new InvalidOperationException(e.ToString()));
        oursRefreshable = ours.CreateToken("{\"access_token\":\"old\",\"refresh_token\":\"rt-123\"}").Match(t => t, e => throw new InvalidOperationException(e.ToString()));
    }

    /// <summary>The floor: a POST with FormUrlEncodedContent and a JsonDocument read of the fields a caller needs.</summary>
    public async Task<string?> HandWrittenAsync(params KeyValuePair<string, string>[] form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        request.Headers.Accept.Add(AcceptJson);
        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var doc = JsonDocument.Parse(bytes);
        var root = doc.RootElement;
        if (response.StatusCode != HttpStatusCode.OK) return root.TryGetProperty("error", out var e) ? e.GetString() : null;
        var token = root.GetProperty("access_token").GetString();
        _ = root.GetProperty("token_type").GetString();
        _ = root.GetProperty("expires_in").GetInt32();
        _ = root.TryGetProperty("scope", out var s) ? s.GetString() : null;
        _ = root.TryGetProperty("refresh_token", out var r) ? r.GetString() : null;
        return token;
    }

    public Task<string?> HandWrittenClientCredentialsAsync() =>
        HandWrittenAsync(new("grant_type", "client_credentials"), new("scope", "api"));

    public Task<string?> HandWrittenRefreshAsync() =>
        HandWrittenAsync(new("grant_type", "refresh_token"), new("refresh_token", "rt-123"));

    public async Task<string?> DuendeClientCredentialsAsync()
    {
        var response = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        { Address = Endpoint, ClientId = "svc", ClientSecret = "svc-secret", Scope = "api" });
        // Duende maps the JSON error only for a 400; on a 401 it is in the raw JSON, so read it there (same work as the others).
        return response.IsError ? response.TryGet("error") ?? response.Error : response.AccessToken;
    }

    public async Task<string?> DuendeRefreshAsync()
    {
        var response = await http.RequestRefreshTokenAsync(new RefreshTokenRequest
        { Address = Endpoint, ClientId = "svc", ClientSecret = "svc-secret", RefreshToken = "rt-123" });
        return response.IsError ? response.TryGet("error") ?? response.Error : response.AccessToken;
    }

    public async Task<string?> OursClientCredentialsAsync() =>
        (await ours.GetTokenAsync(Parameters.Empty.WithScope("api")).ToEither()).Match(t => t.Value.Reveal(), e => e is OAuthError.ProtocolError p ? p.Error : e.Code);

    public async Task<string?> OursRefreshAsync() =>
        (await ours.RefreshAsync(oursRefreshable).ToEither()).Match(t => t.Value.Reveal(), e => e is OAuthError.ProtocolError p ? p.Error : e.Code);
}
