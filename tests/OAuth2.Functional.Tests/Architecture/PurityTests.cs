using System.Reflection;
using System.Text.RegularExpressions;

namespace OAuth2.Functional.Tests.Architecture;

/// <summary>The pure core stays pure, and the public surface stays immutable.</summary>
public class PurityTests
{
    private static readonly Regex Forbidden = new(
        @"System\.Net\.Http|HttpClient|DateTime(Offset)?\.(Now|UtcNow|Today)|TimeProvider|\bthrow\b|Console\.|\bFile\.|Directory\.|Environment\.|\bTask\b|Task<|\basync\b|\bawait\b|EitherAsync|RandomNumberGenerator|new Random\b|Thread\.|Stopwatch",
        RegexOptions.Compiled);

    [Fact]
    public void Nothing_under_Core_uses_io_the_clock_tasks_or_throw()
    {
        var core = Path.Combine(TestSupport.RepoRoot(), "src", "OAuth2.Functional", "Core");
        var files = Directory.GetFiles(core, "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        var hits = files.SelectMany(f => File.ReadAllLines(f).Select((line, i) => (f, i, line)))
            .Where(x => !x.line.TrimStart().StartsWith("//") && !x.line.TrimStart().StartsWith("///") && Forbidden.IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(hits.Count == 0, "impure code under Core/:\n" + string.Join("\n", hits));
    }

    [Fact]
    public void The_scan_itself_catches_impure_lines() =>
        Assert.All(new[] { "var t = DateTime.UtcNow;", "throw new X();", "await Task.Delay(1);", "new HttpClient()" },
            line => Assert.Matches(Forbidden, line));

    private static IEnumerable<Type> PublicTypes => typeof(OAuthConfig).Assembly.GetExportedTypes();

    [Fact]
    public void No_public_type_has_a_public_mutable_setter()
    {
        var setters = PublicTypes
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(p => p.SetMethod is { IsPublic: true } set &&
                            !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();
        Assert.True(setters.Count == 0, "mutable setters: " + string.Join(", ", setters));
    }

    [Fact]
    public void No_public_type_exposes_a_mutable_collection_or_public_field()
    {
        static bool Mutable(Type t) =>
            t.IsArray || (t.IsGenericType && new[] { typeof(List<>), typeof(Dictionary<,>), typeof(System.Collections.Generic.HashSet<>), typeof(IList<>), typeof(ICollection<>), typeof(IDictionary<,>) }
                .Contains(t.GetGenericTypeDefinition()));
        var members = PublicTypes.SelectMany(t =>
                t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Where(p => Mutable(p.PropertyType)).Select(p => $"{t.Name}.{p.Name}")
                .Concat(t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Where(f => !f.IsLiteral && !t.IsEnum).Select(f => $"{t.Name}.{f.Name} (field)")))
            .ToList();
        Assert.True(members.Count == 0, "mutable members: " + string.Join(", ", members));
    }
}
