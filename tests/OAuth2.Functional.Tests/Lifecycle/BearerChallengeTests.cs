namespace OAuth2.Functional.Tests.Lifecycle;

public class BearerChallengeTests
{
    [Theory]
    [InlineData("Bearer realm=\"example\", error=\"invalid_token\", error_description=\"The access token expired\"", "invalid_token")]
    [InlineData("Bearer error=invalid_token", "invalid_token")]
    [InlineData("bearer ERROR = \"insufficient_scope\"", "insufficient_scope")]
    [InlineData("Bearer realm=\"a, error=invalid_token\", error=\"invalid_request\"", "invalid_request")]
    [InlineData("Bearer realm=\"q\\\"x\", error=\"invalid_token\"", "invalid_token")]
    public void The_error_param_is_read_from_a_bearer_challenge(string challenge, string error) =>
        Assert.Equal(Some(error), BearerChallenge.Error(challenge));

    [Theory]
    [InlineData("Bearer realm=\"example\"")]
    [InlineData("Basic realm=\"x\", error=\"invalid_token\"")]
    [InlineData("BearerX error=\"invalid_token\"")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Bearer error")]
    [InlineData("Bearer error=\"unterminated")]
    public void Other_challenges_have_no_bearer_error(string? challenge) =>
        Assert.True(BearerChallenge.Error(challenge).Match(e => e != "invalid_token", true));
}
