using OAuth2.Functional;

namespace OAuth2.Functional.Tests;

/// <summary>Shared fixtures: the spec's default configuration and helpers to unwrap Either in assertions.</summary>
internal static class TestSupport
{
    public const string Host = "https://authorization-server.org";

    public static OAuthConfig DefaultConfig(string id = "the client id", string? secret = "the client secret") =>
        new(new ClientSettings(id, secret), new AuthSettings(Host));

    public static ValidConfig Valid(OAuthConfig config, GrantKind grant = GrantKind.AuthorizationCode) =>
        ConfigValidation.Validate(config, grant).Match(c => c, e => throw new Xunit.Sdk.XunitException("invalid config: " + e));

    public static T Right<T>(Either<OAuthError, T> either) =>
        either.Match(r => r, e => throw new Xunit.Sdk.XunitException("expected Right, got " + e));

    public static OAuthError Left<T>(Either<OAuthError, T> either) =>
        either.Match(r => throw new Xunit.Sdk.XunitException("expected Left, got Right " + r), e => e);

    public static TCase LeftOf<TCase, T>(Either<OAuthError, T> either) where TCase : OAuthError =>
        Assert.IsType<TCase>(Left(either));

    /// <summary>The server's RFC 6749 §5.2 <c>error</c> of a protocol error (failing the test for any other case).</summary>
    public static string ServerError(OAuthError e) => Assert.IsType<OAuthError.ProtocolError>(e).Error;

    public static DateTimeOffset Jan1 => new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static AccessToken Token(string json, DateTimeOffset? now = null) => Right(AccessToken.FromJson(json, now ?? Jan1));

    /// <summary>The repository root (the folder holding OAuth2.Functional.sln), found from the test binaries upwards.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OAuth2.Functional.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
