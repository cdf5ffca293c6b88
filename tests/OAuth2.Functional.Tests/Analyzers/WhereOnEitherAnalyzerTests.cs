using Microsoft.CodeAnalysis;
using OAuth2.Functional.Analyzers;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Analyzers;

/// <summary>OAF0001 closes LanguageExt 4's Bottom trap for the library's values: a <c>where</c> (or <c>Where</c>,
/// <c>Filter</c>, <c>filter</c>) over <c>Either</c>/<c>EitherAsync</c> of <see cref="OAuthError"/> does not compile,
/// and the <c>guard</c> idiom its message names compiles and gives a <c>Left</c>.</summary>
public class WhereOnEitherAnalyzerTests
{
    private static async Task<Diagnostic> SingleError(string members)
    {
        var diagnostic = Assert.Single(await Snippets.Analyze(members));
        Assert.Equal(Rules.WhereOnEitherId, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var message = diagnostic.GetMessage();
        Assert.Contains("BottomException", message);
        Assert.Contains("from _ in guard<OAuthError>(condition, error)", message);
        Assert.Contains(".Bind(", message);
        return diagnostic;
    }

    private static string Flagged(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    [Fact]
    public async Task A_query_where_over_Either_of_OAuthError_is_an_error_at_the_where_keyword()
    {
        var diagnostic = await SingleError(
            "public static Either<OAuthError, int> F(Either<OAuthError, int> e) => from x in e where x > 0 select x;");
        Assert.Equal("where", Flagged(diagnostic));
        Assert.StartsWith("A query 'where' clause on Either<OAuthError, int>", diagnostic.GetMessage());
    }

    [Fact]
    public async Task A_query_where_over_EitherAsync_of_OAuthError_is_an_error()
    {
        var diagnostic = await SingleError(
            "public static EitherAsync<OAuthError, int> F(EitherAsync<OAuthError, int> e) => from x in e where x > 0 select x;");
        Assert.StartsWith("A query 'where' clause on EitherAsync<OAuthError, int>", diagnostic.GetMessage());
    }

    [Fact]
    public async Task A_where_after_a_mixed_Either_and_EitherAsync_query_is_an_error()
    {
        var diagnostic = await SingleError("""
            public static EitherAsync<OAuthError, string> F(Either<OAuthError, ClientCredentials> client) =>
                from c in client
                from token in c.GetTokenAsync()
                where token.Scope.IsSome
                select token.ToJson();
            """);
        Assert.Equal("where", Flagged(diagnostic));
    }

    [Theory]
    [InlineData("public static Either<OAuthError, int> F(Either<OAuthError, int> e) => e.Where(x => x > 0);", "Where")]
    [InlineData("public static Either<OAuthError, int> F(Either<OAuthError, int> e) => e.Filter(x => x > 0);", "Filter")]
    [InlineData("public static EitherAsync<OAuthError, int> F(EitherAsync<OAuthError, int> e) => e.Where(x => x > 0);", "Where")]
    [InlineData("public static EitherAsync<OAuthError, int> F(EitherAsync<OAuthError, int> e) => e.Filter(x => x > 0);", "Filter")]
    [InlineData("public static Either<OAuthError, int> F(Either<OAuthError, int> e) => filter(e, x => x > 0);", "filter")]
    [InlineData("public static EitherAsync<OAuthError, int> F(EitherAsync<OAuthError, int> e) => filter(e, x => x > 0);", "filter")]
    [InlineData("public static Func<Func<int, bool>, Either<OAuthError, int>> F(Either<OAuthError, int> e) => e.Filter;", "Filter")]
    [InlineData("public static Either<OAuthError.InvalidArgument, int> F(Either<OAuthError.InvalidArgument, int> e) => e.Where(x => x > 0);", "Where")]
    public async Task Every_Bottom_producing_filter_on_the_library_s_Either_is_an_error(string members, string name)
    {
        var diagnostic = await SingleError(members);
        Assert.StartsWith($"'{name}' on ", diagnostic.GetMessage());
        Assert.Contains(name, Flagged(diagnostic));
    }

    [Theory]
    [InlineData("public static int[] F(int[] xs) => (from x in xs where x > 0 select x).ToArray();")]
    [InlineData("public static System.Collections.Generic.IEnumerable<int> F(System.Collections.Generic.IEnumerable<int> xs) => xs.Where(x => x > 0);")]
    [InlineData("public static Option<int> F(Option<int> o) => from x in o where x > 0 select x;")]
    [InlineData("public static Seq<int> F(Seq<int> s) => s.Filter(x => x > 0);")]
    [InlineData("public static Either<string, int> F(Either<string, int> e) => from x in e where x > 0 select x;")]
    [InlineData("public static Either<OAuthError, Seq<int>> F(Either<OAuthError, Seq<int>> e) => e.Map(s => s.Filter(x => x > 0));")]
    public async Task Where_over_other_types_is_not_reported(string members) =>
        Assert.Empty(await Snippets.Analyze(members));

    private const string GuardIdiom = """
        public static Either<OAuthError, int> Positive(int n) =>
            from x in Right<OAuthError, int>(n)
            from _ in guard<OAuthError>(x > 0, new OAuthError.InvalidArgument("n", "must be positive"))
            select x;

        public static EitherAsync<OAuthError, int> PositiveAsync(int n) =>
            from x in RightAsync<OAuthError, int>(n)
            from _ in guard<OAuthError>(x > 0, new OAuthError.InvalidArgument("n", "must be positive"))
            select x;

        public static Either<OAuthError, int> PositiveByBind(int n) =>
            Right<OAuthError, int>(n).Bind(x => x > 0 ? Right<OAuthError, int>(x) : Left<OAuthError, int>(new OAuthError.InvalidArgument("n", "must be positive")));

        public static object Rejected() => Positive(-1);
        public static object Accepted() => Positive(7);
        public static object RejectedAsync() => PositiveAsync(-1).ToEither().Result;
        public static object RejectedByBind() => PositiveByBind(-1);
        """;

    [Fact]
    public async Task The_guard_and_Bind_idioms_are_not_reported() =>
        Assert.Empty(await Snippets.Analyze(GuardIdiom));

    [Theory]
    [InlineData("Rejected")]
    [InlineData("RejectedAsync")]
    [InlineData("RejectedByBind")]
    public void A_false_guard_run_for_real_gives_a_Left_with_the_chosen_error_not_Bottom(string method)
    {
        var result = Assert.IsType<Either<OAuthError, int>>(Snippets.Run(GuardIdiom, method));
        Assert.False(result.IsBottom);
        Assert.Equal(new OAuthError.InvalidArgument("n", "must be positive"), Left(result));
    }

    [Fact]
    public void A_true_guard_run_for_real_keeps_the_value() =>
        Assert.Equal(7, Right(Assert.IsType<Either<OAuthError, int>>(Snippets.Run(GuardIdiom, "Accepted"))));

    [Fact]
    public async Task The_trap_is_real_a_false_where_gives_Bottom_and_Match_throws()
    {
        // The code OAF0001 rejects, with the error suppressed here only, to show what it protects users from.
        Either<OAuthError, int> either = Right<OAuthError, int>(1);
#pragma warning disable OAF0001
        var filtered = from x in either where x > 5 select x;
        var filteredAsync = either.ToAsync().Filter(x => x > 5);
#pragma warning restore OAF0001
        Assert.True(filtered.IsBottom);
        Assert.Throws<LanguageExt.Common.BottomException>(() => filtered.Match(r => r, _ => 0));
        await Assert.ThrowsAsync<LanguageExt.Common.BottomException>(async () => await filteredAsync.Match(r => r, _ => 0));
    }
}
