using OAuth2.Functional.Tests.Integration;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Readme;

/// <summary>The README's filtering idiom against the embedded server: a false <c>guard</c> is a <c>Left</c> with the
/// error the code chose (not LanguageExt's Bottom), a true one keeps the token.</summary>
[Collection("devserver")]
public class ReadmeGuardTests(DevServerFixture fixture)
{
    private static Parameters Alice => Parameters.Of(("username", "alice"), ("password", "wonderland"));

    [Fact]
    public async Task A_token_without_a_refresh_token_fails_the_guard_with_the_chosen_error()
    {
        var server = fixture.Server;
        var result = await ReadmeExamples.RefreshableToken(server.ConfigFor(server.Confidential), Alice.WithScopes("api")).ToEither();
        Assert.False(result.IsBottom);
        var error = LeftOf<OAuthError.InvalidArgument, AccessToken>(result);
        Assert.Equal("scope", error.Name);
    }

    [Fact]
    public async Task A_token_with_a_refresh_token_passes_the_guard()
    {
        var server = fixture.Server;
        var result = await ReadmeExamples.RefreshableToken(server.ConfigFor(server.Confidential), Alice.WithScopes("api", "offline_access")).ToEither();
        Assert.True(Right(result).RefreshToken.IsSome);
    }
}
