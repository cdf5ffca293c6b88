using System.Text;
using OAuth2.Functional.Tests.Faults;
using OAuth2.Functional.Tests.Shell;
using Microsoft.Extensions.Time.Testing;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Hardening;

/// <summary>What an outside review found by running code: server input that made a call throw, printed server text,
/// forced allocations, and cancellation gaps. Each case is pinned here.</summary>
public class HostileInputTests
{
    private const string Json = "application/json";

    [Theory]
    [InlineData("\u00a0123")]
    [InlineData("123\u00a0")]
    [InlineData("\u2003123\u2003")]
    public async Task A_unicode_space_in_expires_at_is_a_value_never_an_exception(string expiresAt)
    {
        var body = $"{{\"access_token\":\"x\",\"expires_at\":\"{expiresAt}\"}}";
        _ = Responses.InterpretToken(HttpResponseSpec.Of(200, Json, body), Jan1); // returns, whatever it decides
        _ = AccessToken.FromJson(body, Jan1);
        var client = Right(ClientCredentials.Create(DefaultConfig(), transport: new FakeTransport().Answer(200, body).Transport));
        _ = await client.GetTokenAsync().ToEither();
    }

    [Fact]
    public void Server_strings_in_a_token_or_an_introspection_print_escaped_on_one_line()
    {
        var token = Token("{\"access_token\":\"x\",\"token_type\":\"bearer\\nINFO forged\",\"scope\":\"a\\r\\nWARN user=admin\",\"x\\ny\":1}");
        Assert.DoesNotContain('\n', token.ToString());
        Assert.DoesNotContain('\r', token.ToString());
        Assert.Contains("bearer\\nINFO", token.ToString());
        var introspection = Right(Responses.InterpretIntrospection(HttpResponseSpec.Of(200, Json,
            "{\"active\":true,\"sub\":\"s\\u0000\",\"scope\":\"a\\nb\",\"client_id\":\"c\\r\"}")));
        Assert.DoesNotContain('\0', introspection.ToString());
        Assert.DoesNotContain('\n', introspection.ToString());
        Assert.DoesNotContain('\r', introspection.ToString());
    }

    [Theory]
    [InlineData("a\\r\\nX-Evil: 1")]
    [InlineData("a b")]
    [InlineData("é")]
    public void An_access_token_that_cannot_go_in_a_header_is_malformed(string value) =>
        Assert.Equal("access_token", LeftOf<OAuthError.MalformedToken, AccessToken>(
            Responses.InterpretToken(HttpResponseSpec.Of(200, Json, $"{{\"access_token\":\"{value}\"}}"), Jan1)).Field);

    [Fact]
    public void Retry_after_from_is_total_at_the_extremes()
    {
        var east = new DateTimeOffset(DateTime.MaxValue.Ticks - TimeSpan.FromHours(20).Ticks, TimeSpan.FromHours(14));
        Assert.Equal(Jan1, new RetryAfter.Delay(TimeSpan.MinValue).From(Jan1));
        Assert.Equal(DateTimeOffset.MinValue, new RetryAfter.Delay(TimeSpan.FromSeconds(-1)).From(DateTimeOffset.MinValue));
        Assert.Equal(DateTimeOffset.MaxValue, new RetryAfter.Delay(TimeSpan.MaxValue).From(DateTimeOffset.MaxValue));
        Assert.Equal(east.ToUniversalTime().AddHours(20), new RetryAfter.Delay(TimeSpan.FromHours(20)).From(east)); // threw before: offset arithmetic near MaxValue
        Assert.Equal(DateTimeOffset.MaxValue, new RetryAfter.Delay(TimeSpan.FromHours(20)).From(DateTimeOffset.MaxValue.AddHours(-10)));
        // A hand-made delay or a date past RetryAfter.MaxDelay (a day) counts as the day.
        Assert.Equal(Jan1.AddDays(1), new RetryAfter.Delay(TimeSpan.FromHours(30)).From(Jan1));
        Assert.Equal(Jan1.AddDays(1), new RetryAfter.Date(Jan1.AddYears(10)).From(Jan1));
        Assert.Equal(TimeSpan.Zero, new RetryAfter.Date(east).From(Jan1).Offset);
    }

    [Fact]
    public async Task Dotnet_s_quote_of_an_invalid_response_never_reaches_the_message()
    {
        await using var server = MisbehavingServer.Answering("HTTP/1.1 200 OK\r\nrefresh_token=rt-SECRET-123\r\n\r\n");
        var client = Right(ClientCredentials.Create(new OAuthConfig(new ClientSettings("id", "secret"), new AuthSettings(server.BaseUri.AbsoluteUri))));
        var e = Assert.IsType<OAuthError.TransportFailure>(Left(await client.GetTokenAsync().ToEither().WaitAsync(TimeSpan.FromSeconds(20))));
        Assert.DoesNotContain("SECRET", e.ToString());
        Assert.StartsWith("InvalidResponse", e.Reason);
    }

    [Fact]
    public async Task An_announced_length_is_not_allocated_before_the_bytes_arrive()
    {
        await using var server = MisbehavingServer.Answering("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200000000\r\nConnection: close\r\n\r\n{");
        var http = new HttpSettings { MaxResponseBytes = HttpSettings.MaxResponseBytesLimit };
        var client = Right(ClientCredentials.Create(new OAuthConfig(new ClientSettings("id", "secret"), new AuthSettings(server.BaseUri.AbsoluteUri)) { Http = http }));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var total = GC.GetTotalAllocatedBytes();
        Assert.IsType<OAuthError.TransportFailure>(Left(await client.GetTokenAsync().ToEither().WaitAsync(TimeSpan.FromSeconds(20))));
        Assert.True(GC.GetTotalAllocatedBytes() - total < 100_000_000, $"allocated {(GC.GetTotalAllocatedBytes() - total) / 1_000_000} MB for a 1-byte body");
        _ = before;
    }

    [Fact]
    public async Task An_already_cancelled_call_never_reaches_the_transport()
    {
        var fake = new FakeTransport().Answer(200, "{\"access_token\":\"x\"}");
        var client = Right(ClientCredentials.Create(DefaultConfig(), transport: fake.Transport));
        Assert.IsType<OAuthError.Cancelled>(Left(await client.GetTokenAsync(cancellationToken: new CancellationToken(true))));
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task A_cancelled_revoke_all_is_cancelled_and_stops()
    {
        using var cts = new CancellationTokenSource();
        var requests = 0;
        OAuthTransport transport = (_, _) =>
        {
            requests++;
            cts.Cancel();
            return LeftAsync<OAuthError, HttpResponseSpec>(new OAuthError.Cancelled());
        };
        var client = Right(ClientCredentials.Create(DefaultConfig(), transport: transport));
        var token = Token("{\"access_token\":\"AT\",\"refresh_token\":\"RT\"}");
        Assert.IsType<OAuthError.Cancelled>(Left(await client.RevokeAllAsync(token, cancellationToken: cts.Token)));
        Assert.Equal(1, requests);
    }

    [Fact]
    public async Task A_refresh_that_narrows_the_scope_reports_the_narrowed_scope()
    {
        var fake = new FakeTransport().Answer(200, "{\"access_token\":\"new\"}").Answer(200, "{\"access_token\":\"newer\"}");
        var client = Right(ClientCredentials.Create(DefaultConfig(), transport: fake.Transport));
        var old = Token("{\"access_token\":\"old\",\"refresh_token\":\"RT\",\"scope\":\"read write\"}");
        Assert.Equal(Some("read"), Right(await client.RefreshAsync(old, Parameters.Empty.WithScope("read"))).Scope);
        Assert.Equal(Some("read write"), Right(await client.RefreshAsync(old, Parameters.Empty.WithScopes("read", "write"))).Scope);
    }

    private sealed class ThrowingClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => throw new InvalidOperationException("clock");
    }

    [Fact]
    public async Task A_throwing_time_provider_is_a_value_too()
    {
        var client = Right(ClientCredentials.Create(DefaultConfig(), timeProvider: new ThrowingClock(),
            transport: new FakeTransport().Answer(200, "{\"access_token\":\"x\"}").Transport));
        Assert.IsType<OAuthError.UnexpectedContent>(Left(await client.GetTokenAsync()));
    }
}
