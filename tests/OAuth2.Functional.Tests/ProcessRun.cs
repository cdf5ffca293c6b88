using System.ComponentModel;
using System.Diagnostics;

namespace OAuth2.Functional.Tests;

/// <summary>What running an external program gave: whether it started at all, whether it finished in time, its exit code and output.</summary>
public sealed record ProcessResult(bool Started, bool TimedOut, int ExitCode, string Output, string Error)
{
    /// <summary>Started, finished in time, and exited with 0.</summary>
    public bool Succeeded => Started && !TimedOut && ExitCode == 0;

    /// <summary>One line for a test log: why it did not succeed, with the end of its output.</summary>
    public string Describe() =>
        !Started ? "did not start: " + Error
        : TimedOut ? "timed out; output so far: " + Tail(Output + Error)
        : $"exited with {ExitCode}: " + Tail(Error + Output);

    private static string Tail(string text) => text.Length <= 4000 ? text : "…" + text[^4000..];
}

/// <summary>Runs a program with every wait bounded and no exception escaping: a missing program is <c>Started = false</c>,
/// a program that outlives its time is killed (with its children) and reported as <c>TimedOut</c>.</summary>
public static class ProcessRun
{
    /// <summary>Runs <paramref name="file"/> with arguments in <paramref name="workingDirectory"/>, feeding <paramref name="stdin"/>.</summary>
    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout,
        string? stdin = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("no process");
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            return new ProcessResult(false, false, -1, "", $"{file}: {e.Message}");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            try
            {
                if (stdin is not null) await process.StandardInput.WriteAsync(stdin).WaitAsync(timeout);
                process.StandardInput.Close();
                await process.WaitForExitAsync().WaitAsync(timeout);
            }
            catch (Exception e) when (e is TimeoutException or IOException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { });
                return new ProcessResult(true, true, -1, await Drained(output), await Drained(error));
            }
            return new ProcessResult(true, false, process.ExitCode, await Drained(output), await Drained(error));
        }
    }

    private static async Task<string> Drained(Task<string> read)
    {
        try { return await read.WaitAsync(TimeSpan.FromSeconds(30)); }
        catch (Exception e) when (e is TimeoutException or IOException or ObjectDisposedException) { return ""; }
    }

    /// <summary>The full path of a program found on <c>PATH</c> (with Windows' extensions), or <c>null</c>.</summary>
    public static string? Find(string name)
    {
        var extensions = OperatingSystem.IsWindows()
            ? (Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(';', StringSplitOptions.RemoveEmptyEntries)
            : [""];
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => extensions.Select(ext => Path.Combine(dir, name + ext.ToLowerInvariant())).Concat(extensions.Select(ext => Path.Combine(dir, name + ext))))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The <c>dotnet</c> that runs these tests (so a child build uses the same SDK).</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
