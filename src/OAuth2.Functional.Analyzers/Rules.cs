using Microsoft.CodeAnalysis;

namespace OAuth2.Functional.Analyzers;

/// <summary>The diagnostics this package reports. Ids are stable: users suppress and search by them.</summary>
public static class Rules
{
    /// <summary>The id of <see cref="WhereOnEither"/>.</summary>
    public const string WhereOnEitherId = "OAF0001";

    /// <summary>
    /// OAF0001: a false <c>where</c> on LanguageExt 4's <c>Either</c>/<c>EitherAsync</c> yields Bottom, so <c>Match</c>
    /// (or <c>await</c>) throws <c>BottomException</c> instead of returning a <c>Left</c>.
    /// </summary>
    public static readonly DiagnosticDescriptor WhereOnEither = new(
        id: WhereOnEitherId,
        title: "'where' on Either<OAuthError, T> or EitherAsync<OAuthError, T> gives Bottom, not a Left",
        messageFormat:
            "{0} on {1} turns a false condition into LanguageExt's Bottom, and Match or await then throws BottomException; " +
            "filter with a guard step instead: 'from _ in guard<OAuthError>(condition, error)', " +
            "or '.Bind(x => condition ? Right<OAuthError, T>(x) : Left<OAuthError, T>(error))'",
        category: "Reliability",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description:
            "In LanguageExt 4, Either.Where, Either.Filter, EitherAsync.Where, EitherAsync.Filter and Prelude.filter have no " +
            "Left to return when the condition is false, so they return Bottom; Match, Case, await and ToEither then throw " +
            "BottomException. That breaks OAuth2.Functional's promise that failures arrive as Left(OAuthError). A query " +
            "'where' clause compiles to Where, and because Where is an instance method no extension method can replace it. " +
            "Write the condition as a step that names its error: 'from _ in guard<OAuthError>(condition, error)' in a query " +
            "(LanguageExt's Prelude.guard; it works in Either and EitherAsync queries), or " +
            ".Bind(x => condition ? Right<OAuthError, T>(x) : Left<OAuthError, T>(error)) in a method chain. " +
            "The type argument OAuthError matters: guard(condition, new OAuthError.InvalidArgument(...)) infers the " +
            "case's type, which does not match the query's Left type.");
}
