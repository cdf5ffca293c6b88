using Microsoft.Extensions.Time.Testing;
using OAuth2.Functional.DevServer;

namespace OAuth2.Functional.Demo;

/// <summary>The token lifecycle against the embedded server: single flight counted at the server, refresh-ahead, and the
/// HttpClient handler's 401 retry and origin check.</summary>
internal sealed class LifecycleTour(DevAuthorizationServer server)
{
    public Seq<Step> Steps => Seq(
        new Step("token source: 1,000 concurrent callers on no token", SingleFlight),
        new Step("token source: refresh-ahead (a fake clock at 55 min of a 1 h token)", RefreshAhead),
        new Step("HttpClient handler: bearer attached; a 401 invalid_token renews once and retries", HandlerRetry),
        Step.ExpectFailure("functional send to an origin that may not receive the token", OtherOrigin, e => e is OAuthError.InvalidArgument));

    private Either<OAuthError, TokenSource> Source(TimeProvider? clock = null) =>
        from client in ClientCredentials.Create(server.ConfigFor(server.Confidential), null, clock)
        from source in TokenSource.Create(client, Parameters.Empty.WithScope("api"))
        select source;

    private EitherAsync<OAuthError, string> SingleFlight() =>
        from source in Source()
        let before = server.TokenEndpoint.Total
        from tokens in Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => source.GetTokenAsync().ToEither())))
            .Map(all => toSeq(all).Sequence()).ToAsync()
        let requests = server.TokenEndpoint.Total - before
        from one in guard(requests == 1 && tokens.Map(t => t.Value.Reveal()).Distinct().Count() == 1,
            OAuthError.Argument("single flight", $"{requests} requests for 1,000 callers"))
        select $"1,000 callers → {requests} request at the server; every caller got the same token";

    private EitherAsync<OAuthError, string> RefreshAhead()
    {
        var clock = new FakeTimeProvider();
        return from source in Source(clock)
               from first in source.GetTokenAsync()
               let before = server.TokenEndpoint.Total
               let _ = Advance(clock, TimeSpan.FromMinutes(55))
               from reads in Task.WhenAll(Enumerable.Range(0, 100).Select(_ => source.GetTokenAsync().ToEither())).Map(all => toSeq(all).Sequence()).ToAsync()
               from current in guard(reads.ForAll(t => t.Value.Reveal() == first.Value.Reveal()), OAuthError.Argument("refresh-ahead", "a caller waited for a new token"))
               from renewed in WaitForNewToken(source, first).ToAsync()
               select $"100 callers got the current token at once; {server.TokenEndpoint.Total - before} background renewal → a new token, expires {renewed.ExpiresAt.Map(Expiry.ToIso).IfNone("never")} (fake clock)";
    }

    private static Unit Advance(FakeTimeProvider clock, TimeSpan by)
    {
        clock.Advance(by);
        return unit;
    }

    private static async Task<Either<OAuthError, AccessToken>> WaitForNewToken(TokenSource source, AccessToken old)
    {
        for (var i = 0; i < 500; i++)
        {
            if (source.Current.Case is AccessToken t && t.Value.Reveal() != old.Value.Reveal()) return t;
            await Task.Delay(10);
        }
        return OAuthError.Argument("refresh-ahead", "no renewal ran in the background");
    }

    private EitherAsync<OAuthError, string> HandlerRetry() =>
        from source in Source()
        from old in source.GetTokenAsync()
        let _ = Reject(old)
        from body in Get(source)
        from fresh in source.GetTokenAsync()
        from renewed in guard(fresh.Value.Reveal() != old.Value.Reveal(), OAuthError.Argument("handler", "the rejected token was kept"))
        select $"the resource rejected the token; the handler renewed once and the retry answered \"{body}\"";

    private Unit Reject(AccessToken token)
    {
        server.Resource.Reject(token.Value.Reveal());
        return unit;
    }

    private EitherAsync<OAuthError, string> Get(TokenSource source) =>
        GetAsync(source).ToAsync();

    private async Task<Either<OAuthError, string>> GetAsync(TokenSource source)
    {
        using var api = new HttpClient(new OAuthTokenHandler(source, server.BaseUri) { InnerHandler = new SocketsHttpHandler() });
        try
        {
            using var response = await api.GetAsync(server.ResourceUri);
            return await response.Content.ReadAsStringAsync();
        }
        catch (OAuthTokenException e)
        {
            return e.Error; // the handler's one documented exception, back to a value
        }
    }

    private EitherAsync<OAuthError, string> OtherOrigin()
    {
        var http = new HttpClient { BaseAddress = server.BaseUri };
        var elsewhere = new UriBuilder(server.ResourceUri) { Host = "localhost" }.Uri;
        return from source in Source()
               from response in http.SendAsync(source, () => new HttpRequestMessage(HttpMethod.Get, elsewhere))
               select $"sent?! {(int)response.StatusCode}";
    }
}
