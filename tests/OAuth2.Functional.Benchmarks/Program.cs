using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using OAuth2.Functional.Benchmarks;

// dotnet run -c Release --project tests/OAuth2.Functional.Benchmarks -- --filter '*'        every benchmark, one run
// … -- --quick                                                                              every benchmark once (CI smoke)
// … -- --rounds 7 [--filter *TokenFetch*]                                                   interleaved rounds, median ratios
var quick = args.Contains("--quick");
var roundsAt = System.Array.IndexOf(args, "--rounds");
var rest = args.Where((a, i) => a != "--quick" && (roundsAt < 0 || (i != roundsAt && i != roundsAt + 1))).ToArray();
if (quick && !rest.Contains("--filter")) rest = [.. rest, "--filter", "*"];

var job = (quick ? Job.Dry : Job.ShortRun).WithToolchain(InProcessEmitToolchain.Instance);
var config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);

if (roundsAt >= 0)
{
    var rounds = int.Parse(args[roundsAt + 1]);
    Rounds.Run(rounds, rest, config);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);
