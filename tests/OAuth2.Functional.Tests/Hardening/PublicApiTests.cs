using System.Reflection;
using PublicApiGenerator;

namespace OAuth2.Functional.Tests.Hardening;

/// <summary>The public API as text: every change is a visible diff of PublicApi.approved.txt.</summary>
public class PublicApiTests
{
    /// <summary>Each package's assembly and the name of its snapshot (the core's keeps its historical name).</summary>
    private static Assembly PackageAssembly(string package) => package switch
    {
        "Hosting" => typeof(OAuth2.Functional.Hosting.OAuth2Clients).Assembly,
        "Redis" => typeof(OAuth2.Functional.Redis.FleetKey).Assembly,
        _ => typeof(OAuthConfig).Assembly,
    };

    [Theory]
    [InlineData("")]
    [InlineData("Hosting")]
    [InlineData("Redis")]
    public void The_public_api_matches_the_approved_snapshot(string package)
    {
        var api = PackageAssembly(package).GeneratePublicApi(new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute"] })
            .ReplaceLineEndings("\n");
        var folder = Path.Combine(TestSupport.RepoRoot(), "tests", "OAuth2.Functional.Tests", "Hardening");
        var name = package.Length == 0 ? "PublicApi" : "PublicApi." + package;
        var approved = Path.Combine(folder, name + ".approved.txt");
        var received = Path.Combine(folder, name + ".received.txt");
        var expected = File.Exists(approved) ? File.ReadAllText(approved).ReplaceLineEndings("\n") : "";
        if (expected != api) File.WriteAllText(received, api);
        else if (File.Exists(received)) File.Delete(received);
        Assert.True(expected == api, $"The public API changed: compare {received} with {approved} and copy it over if the change is intended.");
    }

    private static readonly Type[] Functional = [typeof(Either<,>), typeof(EitherAsync<,>), typeof(Option<>), typeof(Seq<>)];

    [Fact]
    public void Every_public_method_returns_a_value_from_the_functional_contract()
    {
        var assembly = typeof(OAuthConfig).Assembly;
        bool Allowed(Type t) =>
            t == typeof(Unit) || t == typeof(bool) || t == typeof(string) || t == typeof(int) || t == typeof(Uri) || t == typeof(byte[]) ||
            t == typeof(DateTimeOffset) || t.Assembly == assembly || t == typeof(Type) ||
            (t.IsGenericType && Functional.Contains(t.GetGenericTypeDefinition())) || t.IsGenericParameter ||
            (t.IsGenericType && t.GetGenericTypeDefinition().FullName!.StartsWith("System.ValueTuple", StringComparison.Ordinal));
        var offenders = assembly.GetExportedTypes()
            .Where(t => !t.IsSubclassOf(typeof(MulticastDelegate)))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && m.Name is not ("Equals" or "GetHashCode" or "ToString" or "Deconstruct" or "<Clone>$" or "PrintMembers"))
                .Where(m => !Allowed(m.ReturnType))
                .Select(m => $"{t.Name}.{m.Name} returns {m.ReturnType.Name}"))
            .ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }
}
