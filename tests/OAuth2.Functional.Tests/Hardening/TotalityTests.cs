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
        yield return Token("{\"access_token\":\"a\",\"expires_in\":5}");
        yield return Parameters.Empty;
        yield return Right(Pkce.FromVerifier(new string('a', 43)));
        yield return HttpResponseSpec.Of(200, null, "");
        yield return Right(TokenRequests.ClientCredentials(Valid(config), null));
        yield return Left(Responses.InterpretToken(HttpResponseSpec.Of(500, null, ""), Jan1));
        yield return Secret.Of("x");
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
}
