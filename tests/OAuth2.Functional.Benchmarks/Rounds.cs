using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace OAuth2.Functional.Benchmarks;

/// <summary>
/// The noisy-machine protocol: every variant is warmed up in a discarded first round, then the classes are run again and
/// again (A, B, C, A, B, C, …), and each variant's time and allocation ratio to the baseline is reported as the median
/// over rounds with its spread.
/// </summary>
public static class Rounds
{
    private static readonly Type[] Classes = [typeof(TokenFetchBenchmarks), typeof(RefreshBenchmarks), typeof(ErrorPathBenchmarks), typeof(InterpretBenchmarks), typeof(TokenReadBenchmarks),
        typeof(FleetTokenReadBenchmarks), typeof(FleetRenewalBenchmarks)];

    public static void Run(int rounds, string[] args, IConfig config)
    {
        var filter = args.SkipWhile(a => a != "--filter").Skip(1).FirstOrDefault() ?? "*";
        var classes = Classes.Where(t => filter == "*" || System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(filter, t.FullName!)).ToArray();
        var ratios = new Dictionary<string, List<(double Time, double Bytes)>>();
        for (var round = 0; round <= rounds; round++)
        {
            foreach (var type in classes)
            {
                var summary = BenchmarkRunner.Run(type, config);
                if (round == 0) continue; // warm-up round
                foreach (var (name, ratio) in RatiosOf(summary))
                    (ratios.TryGetValue(name, out var list) ? list : ratios[name] = new()).Add(ratio);
            }
        }
        Console.WriteLine();
        Console.WriteLine($"Median ratio to the baseline over {rounds} interleaved rounds (min–max):");
        foreach (var (name, list) in ratios.OrderBy(kv => kv.Key))
            Console.WriteLine($"  {name,-40} time {Median(list.Select(r => r.Time)):0.00}× ({list.Min(r => r.Time):0.00}–{list.Max(r => r.Time):0.00})   " +
                              $"allocated {Median(list.Select(r => r.Bytes)):0.00}× ({list.Min(r => r.Bytes):0.00}–{list.Max(r => r.Bytes):0.00})");
    }

    private static IEnumerable<(string, (double, double))> RatiosOf(Summary summary)
    {
        var reports = summary.Reports.Where(r => r.ResultStatistics is not null).ToList();
        var baseline = reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline);
        if (baseline is null) yield break;
        var baseTime = baseline.ResultStatistics!.Median;
        var baseBytes = Math.Max(1, baseline.GcStats.GetBytesAllocatedPerOperation(baseline.BenchmarkCase) ?? 1);
        foreach (var r in reports)
            yield return ($"{r.BenchmarkCase.Descriptor.Type.Name}.{r.BenchmarkCase.Descriptor.WorkloadMethod.Name}",
                (r.ResultStatistics!.Median / baseTime, (double)(r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? 0) / baseBytes));
    }

    private static double Median(IEnumerable<double> xs)
    {
        var s = xs.OrderBy(x => x).ToArray();
        return s.Length == 0 ? double.NaN : s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
