using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace OAuth2.Functional.Analyzers;

/// <summary>
/// Reports <see cref="Rules.WhereOnEither"/> (OAF0001) wherever code filters an <c>Either&lt;OAuthError, T&gt;</c> or
/// <c>EitherAsync&lt;OAuthError, T&gt;</c> with one of the LanguageExt 4 methods that give Bottom on a false condition:
/// the instance methods <c>Where</c> and <c>Filter</c> (a query <c>where</c> clause compiles to <c>Where</c>) and
/// <c>Prelude.filter</c>. Calls and method groups are both reported. Eithers with other Left types are left alone:
/// they are not this library's values.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WhereOnEitherAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.WhereOnEither);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var types = KnownTypes.From(start.Compilation);
            if (types is null) return; // LanguageExt or the library is not referenced: nothing to check.
            start.RegisterOperationAction(c => Check(c, ((IInvocationOperation)c.Operation).TargetMethod, types), OperationKind.Invocation);
            start.RegisterOperationAction(c => Check(c, ((IMethodReferenceOperation)c.Operation).Method, types), OperationKind.MethodReference);
        });
    }

    private static void Check(OperationAnalysisContext context, IMethodSymbol method, KnownTypes types)
    {
        var filtered = types.FilteredEither(method);
        if (filtered is null) return;
        var syntax = context.Operation.Syntax;
        var (what, location) = syntax switch
        {
            WhereClauseSyntax clause => ("A query 'where' clause", clause.WhereKeyword.GetLocation()),
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => ($"'{method.Name}'", access.Name.GetLocation()),
            MemberAccessExpressionSyntax access => ($"'{method.Name}'", access.Name.GetLocation()),
            _ => ($"'{method.Name}'", syntax.GetLocation()),
        };
        context.ReportDiagnostic(Diagnostic.Create(
            Rules.WhereOnEither, location, what, filtered.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
    }

    private sealed class KnownTypes
    {
        private readonly INamedTypeSymbol either;
        private readonly INamedTypeSymbol eitherAsync;
        private readonly INamedTypeSymbol prelude;
        private readonly INamedTypeSymbol oauthError;

        private KnownTypes(INamedTypeSymbol either, INamedTypeSymbol eitherAsync, INamedTypeSymbol prelude, INamedTypeSymbol oauthError)
        {
            this.either = either;
            this.eitherAsync = eitherAsync;
            this.prelude = prelude;
            this.oauthError = oauthError;
        }

        public static KnownTypes? From(Compilation compilation) =>
            compilation.GetTypeByMetadataName("LanguageExt.Either`2") is { } either &&
            compilation.GetTypeByMetadataName("LanguageExt.EitherAsync`2") is { } eitherAsync &&
            compilation.GetTypeByMetadataName("LanguageExt.Prelude") is { } prelude &&
            compilation.GetTypeByMetadataName("OAuth2.Functional.OAuthError") is { } oauthError
                ? new KnownTypes(either, eitherAsync, prelude, oauthError)
                : null;

        /// <summary>The Either/EitherAsync of OAuthError that <paramref name="method"/> filters into Bottom, or null.</summary>
        public INamedTypeSymbol? FilteredEither(IMethodSymbol method)
        {
            if (method.Name is "Where" or "Filter" && !method.IsStatic)
                return OfOAuthError(method.ContainingType);
            if (method.Name == "filter" && method.IsStatic && method.Parameters.Length > 0 &&
                SymbolEqualityComparer.Default.Equals(method.ContainingType, prelude))
                return OfOAuthError(method.Parameters[0].Type as INamedTypeSymbol);
            return null;
        }

        private INamedTypeSymbol? OfOAuthError(INamedTypeSymbol? type)
        {
            if (type is null || type.TypeArguments.Length != 2) return null;
            var definition = type.OriginalDefinition;
            if (!SymbolEqualityComparer.Default.Equals(definition, either) && !SymbolEqualityComparer.Default.Equals(definition, eitherAsync))
                return null;
            for (var left = type.TypeArguments[0] as INamedTypeSymbol; left is not null; left = left.BaseType)
                if (SymbolEqualityComparer.Default.Equals(left, oauthError)) return type;
            return null;
        }
    }
}
