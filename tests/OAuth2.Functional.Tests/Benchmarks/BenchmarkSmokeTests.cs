using System.Reflection;
using BenchmarkDotNet.Attributes;
using OAuth2.Functional.Benchmarks;

namespace OAuth2.Functional.Tests.Benchmarks;

/// <summary>Every benchmark runs once (so CI proves they still run), and the contenders of a class do the same work:
/// they return the same token, or the same error code. Timings are never judged here.</summary>
public class BenchmarkSmokeTests
{
    private static async Task<object?> Invoke(object instance, MethodInfo method)
    {
        var result = method.Invoke(instance, null);
        if (result is Task task)
        {
            await task;
            return task.GetType().GetProperty("Result")?.GetValue(task);
        }
        return result;
    }

    private static IEnumerable<MethodInfo> Marked<T>(Type type) where T : Attribute =>
        type.GetMethods().Where(m => m.GetCustomAttribute<T>() is not null);

    public static TheoryData<string> Classes => new(typeof(TokenFetchBenchmarks).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && Marked<BenchmarkAttribute>(t).Any()).Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Classes))]
    public async Task Every_benchmark_runs_once_and_contenders_agree(string className)
    {
        var type = typeof(TokenFetchBenchmarks).Assembly.GetTypes().Single(t => t.Name == className);
        var instance = Activator.CreateInstance(type)!;
        foreach (var setup in Marked<GlobalSetupAttribute>(type)) await Invoke(instance, setup);
        try
        {
            var results = new List<object?>();
            foreach (var method in Marked<BenchmarkAttribute>(type)) results.Add(await Invoke(instance, method));
            if (type != typeof(PureCoreBenchmarks) && type != typeof(InterpretBenchmarks) && type != typeof(RealServerBenchmarks))
                Assert.Single(results.Distinct());
            Assert.All(results, r => Assert.NotNull(r));
        }
        finally
        {
            foreach (var cleanup in Marked<GlobalCleanupAttribute>(type)) await Invoke(instance, cleanup);
        }
    }

    [Fact]
    public async Task Error_path_contenders_all_see_invalid_client()
    {
        var b = new ErrorPathBenchmarks();
        Assert.Equal(new[] { "invalid_client", "invalid_client", "invalid_client" }, new[] { await b.HandWritten(), await b.Duende(), await b.Ours() });
    }
}
