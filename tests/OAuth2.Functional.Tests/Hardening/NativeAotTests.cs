using System.Runtime.InteropServices;
using Xunit.Abstractions;

namespace OAuth2.Functional.Tests.Hardening;

/// <summary>
/// Publishes tests/OAuth2.Functional.AotSample with NativeAOT into a temporary folder and runs it: the sample validates
/// configurations, builds a request, interprets responses and runs a grant client, and exits 0 only if every check holds.
/// The sample is not in the solution; this test is what builds it. Skipped (with the reason printed) only where no native
/// toolchain exists. About 1–2 minutes of CPU on 2 cores, most of it in the ILC compiler.
/// </summary>
public class NativeAotTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(8);

    /// <summary>Extra MSBuild arguments that pick this machine's native toolchain, or why there is none.</summary>
    private static (string[] Arguments, string? Missing) Toolchain()
    {
        if (OperatingSystem.IsLinux())
            return ProcessRun.Find("clang") is not null ? ([], null)
                : ProcessRun.Find("gcc") is not null ? (["-p:CppCompilerAndLinker=gcc"], null)
                : ([], "neither clang nor gcc is on PATH (NativeAOT on Linux needs one of them as the linker)");
        if (OperatingSystem.IsMacOS())
            return ProcessRun.Find("clang") is not null ? ([], null) : ([], "clang (the Xcode command line tools) is not on PATH");
        if (OperatingSystem.IsWindows())
        {
            var vswhere = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFilesX86), "Microsoft Visual Studio", "Installer", "vswhere.exe");
            return File.Exists(vswhere) ? ([], null) : ([], "Visual Studio's C++ build tools (found through vswhere.exe) are not installed");
        }
        return ([], "NativeAOT is not supported on this operating system");
    }

    private static string Rid =>
        (OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux") + "-" +
        RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();

    /// <summary>Warnings other than LanguageExt.Core's own collapsed ones (it is not trim-annotated): ours must be none.</summary>
    internal static string[] ForeignWarnings(string buildOutput) =>
        buildOutput.Split('\n')
            .Where(line => line.Contains(" warning ", StringComparison.Ordinal))
            .Where(line => !(line.Contains("LanguageExt.Core", StringComparison.Ordinal) && (line.Contains("IL2104") || line.Contains("IL3053"))))
            .Select(line => line.Trim())
            .Distinct()
            .ToArray();

    [Fact]
    public void Only_LanguageExt_warnings_are_tolerated()
    {
        Assert.Empty(ForeignWarnings("/x/LanguageExt.Core.dll : warning IL3053: Assembly 'LanguageExt.Core' produced AOT analysis warnings."));
        Assert.Single(ForeignWarnings("/src/OAuth2.Functional/Core/X.cs(1,1): warning IL2026: Using member 'M' which has 'RequiresUnreferencedCode'"));
    }

    [Fact]
    public async Task The_sample_publishes_with_NativeAOT_and_runs()
    {
        var (toolchain, missing) = Toolchain();
        if (missing is not null)
        {
            output.WriteLine("SKIPPED: no native toolchain: " + missing);
            return;
        }
        var temp = Directory.CreateTempSubdirectory("oauth2-functional-aot").FullName;
        try
        {
            var project = Path.Combine(TestSupport.RepoRoot(), "tests", "OAuth2.Functional.AotSample", "OAuth2.Functional.AotSample.csproj");
            var bin = Path.Combine(temp, "out");
            var started = DateTime.UtcNow;
            var publish = await ProcessRun.RunAsync(ProcessRun.Dotnet,
                ["publish", project, "-c", "Release", "-r", Rid, "-o", bin, "--artifacts-path", Path.Combine(temp, "artifacts"), "-nologo", .. toolchain],
                temp, PublishTimeout);
            output.WriteLine($"dotnet publish (NativeAOT, {Rid}{(toolchain.Length > 0 ? ", " + string.Join(' ', toolchain) : "")}) took {(DateTime.UtcNow - started).TotalSeconds:0} s");
            Assert.True(publish.Succeeded, "NativeAOT publish failed: " + publish.Describe());
            Assert.Empty(ForeignWarnings(publish.Output));

            var exe = Path.Combine(bin, "OAuth2.Functional.AotSample" + (OperatingSystem.IsWindows() ? ".exe" : ""));
            var run = await ProcessRun.RunAsync(exe, [], temp, TimeSpan.FromMinutes(1));
            output.WriteLine(run.Output);
            Assert.True(run.Succeeded, "the native sample failed: " + run.Describe());
            Assert.Contains("AOT sample: all checks passed", run.Output);
        }
        finally
        {
            try { Directory.Delete(temp, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
