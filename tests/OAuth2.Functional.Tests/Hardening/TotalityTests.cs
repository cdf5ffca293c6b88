using System.Reflection;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Hardening;

/// <summary>No public method throws: every public method of the library is called with nulls and defaults for every
/// argument (and, for instance methods, on real instances), and must return.</summary>
public class TotalityTests
{
    private static readonly OAuthTransport Never = (_, _) => LeftAsync<OAuthError, HttpResponseSpec>(new OAuthError.Cancelled());

    private static IEnumerable<object> Receivers()
    {
        var config = DefaultConfig();
        yield return Right(ClientCredentials.Create(config, transport: Never));
        yield return Right(ResourceOwnerPassword.Create(config, transport: Never));
        yield return Right(AuthorizationCode.Create(config, transport: Never));
        yield return Right(DeviceCode.Create(config, transport: Never));
        yield return new DeviceAuthorization(Secret.Of("d"), "u", "https://as/device", None, Jan1, TimeSpan.FromSeconds(5));
        yield return CallbackExpectation.ForState("s");
        yield return Right(AuthorizationCallbacks.FromRedirectUri("/cb?code=c&state=s", CallbackExpectation.ForState("s")));
        yield return Token("{\"access_token\":\"a\",\"expires_in\":5}");
        yield return Parameters.Empty;
        yield return Right(Pkce.FromVerifier(new string('a', 43)));
        yield return HttpResponseSpec.Of(200, null, "");
        yield return Right(TokenRequests.ClientCredentials(Valid(config), null));
        yield return Left(Responses.InterpretToken(HttpResponseSpec.Of(500, null, ""), Jan1));
        yield return Secret.Of("x");
        yield return Right(TokenSource.FromFunctions(_ => LeftAsync<OAuthError, AccessToken>(new OAuthError.Cancelled()), null));
        yield return Right(TokenSourceCache.Create(Right(ClientCredentials.Create(config, transport: Never))));
    }

    private static object? DefaultOf(Type t) => t.IsValueType ? Activator.CreateInstance(t) : null;

    [Fact]
    public async Task Every_public_method_returns_for_null_and_default_arguments()
    {
        var assembly = typeof(OAuthConfig).Assembly;
        var called = 0;
        var failures = new List<string>();
        foreach (var type in assembly.GetExportedTypes().Where(t => !t.IsGenericTypeDefinition))
        {
            var statics = type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(m => !m.IsGenericMethodDefinition && !m.IsSpecialName);
            var instances = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsGenericMethodDefinition && !m.IsSpecialName);
            var receivers = Receivers().Where(type.IsInstanceOfType).ToList();
            foreach (var (method, receiver) in statics.Select(m => (m, (object?)null)).Concat(instances.SelectMany(m => receivers.Select(r => (m, (object?)r)))))
            {
                if (type == typeof(OAuthError) && method.Name == "Match") continue; // requires its functions, by contract
                try
                {
                    var result = method.Invoke(receiver, method.GetParameters().Select(p => DefaultOf(p.ParameterType)).ToArray());
                    if (result is not null && result.GetType().IsGenericType && result.GetType().GetGenericTypeDefinition() == typeof(EitherAsync<,>))
                        await (Task)result.GetType().GetMethod("ToEither")!.Invoke(result, null)!;
                    called++;
                }
                catch (TargetInvocationException e)
                {
                    failures.Add($"{type.Name}.{method.Name}: {e.InnerException?.GetType().Name}: {e.InnerException?.Message}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(called > 60, $"only {called} calls made");
    }

    /// <summary>Every public constructor of every public type, fed nulls and defaults, and on what it builds every public
    /// property getter, ToString, Equals, GetHashCode and the record copy (<c>with</c>): none of them may throw.</summary>
    [Fact]
    public void Every_public_constructor_getter_and_record_member_is_total_for_nulls_and_defaults()
    {
        var assembly = typeof(OAuthConfig).Assembly;
        var failures = new List<string>();
        var built = 0;
        foreach (var type in assembly.GetExportedTypes().Where(t => !t.IsGenericTypeDefinition && !t.IsAbstract && !t.IsSubclassOf(typeof(MulticastDelegate))))
        {
            foreach (var ctor in type.GetConstructors(BindingFlags.Public | BindingFlags.Instance))
            {
                object instance;
                try
                {
                    instance = ctor.Invoke(ctor.GetParameters().Select(p => DefaultOf(p.ParameterType)).ToArray());
                    built++;
                }
                catch (TargetInvocationException e)
                {
                    failures.Add($"new {type.Name}({string.Join(", ", ctor.GetParameters().Select(p => p.ParameterType.Name))}): {e.InnerException?.GetType().Name}: {e.InnerException?.Message}");
                    continue;
                }
                Probe(type, instance, failures);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(built > 20, $"only {built} instances built");
    }

    private static void Probe(Type type, object instance, List<string> failures)
    {
        void Try(string what, Func<object?> f)
        {
            try { f(); }
            catch (Exception e)
            {
                var inner = e is TargetInvocationException t ? t.InnerException ?? e : e;
                failures.Add($"{type.Name}.{what}: {inner.GetType().Name}: {inner.Message}");
            }
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            Try(property.Name, () => property.GetValue(instance));
        Try("ToString", () => instance.ToString());
        Try("GetHashCode", () => instance.GetHashCode());
        Try("Equals", () => instance.Equals(instance));
        var clone = type.GetMethod("<Clone>$");
        if (clone is not null) Try("with", () => clone.Invoke(instance, null));
    }
}
