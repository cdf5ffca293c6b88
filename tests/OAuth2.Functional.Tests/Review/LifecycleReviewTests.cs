using System.Net;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Review;

/// <summary>Outside review (issue 10), pure checks. Each asserts the promised behaviour and FAILS while the finding is present.</summary>
public sealed class LifecycleReviewTests
{
    [Fact]
    public void A_Retry_After_date_is_capped_like_a_Retry_After_delay()
    {
        // "Retry-After: 86400000" (1000 days) is capped at RetryAfter.MaxDelay (a day); the same wait as a date is not.
        var received = Jan1;
        var asDate = RetryAfter.Parse("Fri, 31 Dec 9999 23:59:59 GMT").IfNone(() => throw new Xunit.Sdk.XunitException("unparsed"));
        var error = new OAuthError.ProtocolError("temporarily_unavailable", None, None, 503) { RetryAfter = Some(asDate) };
        var state = RenewalPolicy.AfterFailure(CacheState.Empty, error, received, wasAhead: false, RenewalOptions.Default);
        var decision = RenewalPolicy.Decide(state, received.AddDays(2), RenewalOptions.Default);
        Assert.IsType<RenewalDecision.Renew>(decision); // today: Wait until 9999-12-31, the source is dead until restart
    }

    [Fact]
    public void A_401_for_a_DPoP_bound_token_that_says_invalid_token_is_retried_like_a_bearer_one()
    {
        // RFC 9449 §7.1: a resource server rejects a DPoP-bound token with a DPoP challenge, not a Bearer one.
        using var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", "DPoP error=\"invalid_token\", algs=\"ES256\"");
        Assert.True(BearerRules.ShouldRetry(response, any401: false));
    }
}
