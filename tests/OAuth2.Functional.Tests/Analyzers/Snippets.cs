using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using OAuth2.Functional.Analyzers;

namespace OAuth2.Functional.Tests.Analyzers;

/// <summary>Compiles C# snippets in memory against this test run's assemblies (LanguageExt.Core and the library among
/// them), runs OAF0001 over them, and loads them to run for real.</summary>
internal static class Snippets
{
    private const string Usings = "using System;\nusing System.Linq;\nusing System.Threading.Tasks;\nusing LanguageExt;\nusing OAuth2.Functional;\nusing static LanguageExt.Prelude;\n";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    /// <summary>Compiles <paramref name="members"/> as the body of <c>public static class Snippet</c>; fails the test if
    /// the C# compiler itself reports an error, so a diagnostic-free result means the analyzer saw valid code.</summary>
    public static CSharpCompilation Compile(string members)
    {
        var source = Usings + "public static class Snippet\n{\n" + members + "\n}\n";
        var compilation = CSharpCompilation.Create(
            "Snippet" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the snippet does not compile: " + string.Join("\n", errors));
        return compilation;
    }

    /// <summary>The diagnostics OAF0001's analyzer reports on the snippet.</summary>
    public static async Task<ImmutableArray<Diagnostic>> Analyze(string members) =>
        await Compile(members)
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new WhereOnEitherAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();

    /// <summary>Emits the snippet, loads it into a collectible context and calls its static method <paramref name="name"/>.</summary>
    public static object? Run(string members, string name)
    {
        using var image = new MemoryStream();
        var emitted = Compile(members).Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var context = new AssemblyLoadContext("snippet", isCollectible: true);
        try
        {
            var method = context.LoadFromStream(image).GetType("Snippet")!.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!;
            return method.Invoke(null, null);
        }
        finally
        {
            context.Unload();
        }
    }
}
