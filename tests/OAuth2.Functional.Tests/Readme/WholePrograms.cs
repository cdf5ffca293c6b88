using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OAuth2.Functional.Tests.Readme;

/// <summary>Compiles a whole <c>Program.cs</c> (top-level statements, the implicit usings of <c>dotnet new console</c>)
/// against this test run's assemblies and runs it in-process, capturing what it prints.</summary>
internal static class WholePrograms
{
    private const string ImplicitUsings =
        "global using System;\nglobal using System.Collections.Generic;\nglobal using System.IO;\nglobal using System.Linq;\n" +
        "global using System.Net.Http;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\n";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    /// <summary>Held by every test that swaps <see cref="Console.Out"/> (process-wide): two of them at once would capture each
    /// other's output.</summary>
    public static SemaphoreSlim ConsoleGate { get; } = new(1, 1);

    public static async Task<string> RunAsync(string program)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create("Program" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(ImplicitUsings, options), CSharpSyntaxTree.ParseText(program, options)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(emitted.Success && problems.Count == 0, "the program does not compile cleanly:\n" + string.Join("\n", problems));
        image.Position = 0;
        var context = new AssemblyLoadContext("program", isCollectible: true);
        var output = new StringWriter();
        await ConsoleGate.WaitAsync();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            var entry = context.LoadFromStream(image).EntryPoint!;
            var result = entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [System.Array.Empty<string>()]);
            if (result is Task task) await task;
        }
        finally
        {
            Console.SetOut(original);
            ConsoleGate.Release();
            context.Unload();
        }
        return output.ToString();
    }

    /// <summary>Lines that count: neither blank nor comment-only.</summary>
    public static int CountLines(string program) =>
        program.Split('\n').Select(l => l.Trim()).Count(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal));
}
