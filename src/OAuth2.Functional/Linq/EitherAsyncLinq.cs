namespace OAuth2.Functional;

/// <summary>
/// The two LINQ bridges LanguageExt 4 lacks, so one query can mix <see cref="Either{L,R}"/> and
/// <see cref="EitherAsync{L,R}"/> steps and still short-circuit on the first <c>Left</c>. Without them, .NET 10's
/// <c>System.Linq.AsyncEnumerable</c> would silently bind such a query as an async sequence.
/// </summary>
public static class EitherAsyncLinq
{
    /// <summary>A pure <c>Either</c> step followed by an async step.</summary>
    public static EitherAsync<L, C> SelectMany<L, A, B, C>(this Either<L, A> first, Func<A, EitherAsync<L, B>> bind, Func<A, B, C> project) =>
        first.ToAsync().Bind(a => bind(a).Map(b => project(a, b)));

    /// <summary>An async step followed by a pure <c>Either</c> step.</summary>
    public static EitherAsync<L, C> SelectMany<L, A, B, C>(this EitherAsync<L, A> first, Func<A, Either<L, B>> bind, Func<A, B, C> project) =>
        first.Bind(a => bind(a).ToAsync().Map(b => project(a, b)));
}
