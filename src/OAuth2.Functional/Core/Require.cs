namespace OAuth2.Functional;

/// <summary>Tiny validators that read well inside queries.</summary>
internal static class Require
{
    public static Either<OAuthError, T> NotNull<T>(T? value, string name) where T : class =>
        value is null ? Left<OAuthError, T>(OAuthError.Argument(name, "is required")) : Right<OAuthError, T>(value);
}
