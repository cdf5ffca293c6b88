using static OAuth2.Functional.Redis.Tests.Support;

namespace OAuth2.Functional.Redis.Tests;

public class FleetKeyTests
{
    private static readonly Uri Endpoint = new("https://as.example/connect/token");

    private static FleetKey K(Uri endpoint, string client, params (string, string)[] ps) => Right(FleetKey.Of(endpoint, client, Parameters.Of(ps)));

    [Fact]
    public void Same_endpoint_client_and_parameters_give_the_same_key()
    {
        Assert.Equal(K(Endpoint, "svc", ("scope", "api")).Hash, K(Endpoint, "svc", ("scope", "api")).Hash);
        Assert.Matches("^[0-9a-f]{64}$", K(Endpoint, "svc").Hash);
    }

    [Fact]
    public void Endpoint_client_and_each_parameter_change_the_key()
    {
        var keys = new[]
        {
            K(Endpoint, "svc", ("scope", "api")), K(new Uri("https://other.example/connect/token"), "svc", ("scope", "api")),
            K(Endpoint, "svc2", ("scope", "api")), K(Endpoint, "svc", ("scope", "api2")), K(Endpoint, "svc", ("scope", "api"), ("resource", "r")),
            K(Endpoint, "svc", ("scop", "eapi")), // no ambiguity by concatenation
        };
        Assert.Equal(keys.Length, keys.Select(k => k.Hash).Distinct().Count());
    }

    [Fact]
    public void Client_credential_values_never_enter_the_key()
    {
        var a = K(Endpoint, "svc", ("scope", "api"), ("client_secret", "first-secret"));
        var b = K(Endpoint, "svc", ("scope", "api"), ("client_secret", "second-secret"));
        Assert.Equal(a.Hash, b.Hash);
        Assert.NotEqual(a.Hash, K(Endpoint, "svc", ("scope", "api")).Hash); // the name still counts
        Assert.DoesNotContain("secret", a.ToString());
    }

    [Fact]
    public void A_parameter_whose_secret_is_the_tokens_subject_is_refused_rather_than_shared_between_subjects()
    {
        foreach (var name in new[] { "password", "subject_token", "actor_token", "assertion", "code", "code_verifier", "refresh_token", "device_code" })
        {
            var error = FleetKey.Of(Endpoint, "svc", Parameters.Of((name, "user-" + name + "-SECRET")));
            var invalid = Assert.IsType<OAuthError.InvalidArgument>(error.Match(_ => null!, e => e));
            Assert.Equal("parameters", invalid.Name);
            Assert.Contains(name, invalid.Message);
            Assert.DoesNotContain("SECRET", invalid.ToString());
        }
    }

    [Fact]
    public void A_DPoP_bound_token_is_keyed_by_its_proof_key_and_a_bearer_key_is_unchanged()
    {
        var bearer = Right(FleetKey.Of(Endpoint, "svc", Parameters.Of(("scope", "api"))));
        var boundA = Right(FleetKey.Of(Endpoint, "svc", Parameters.Of(("scope", "api")), "jkt-of-key-A"));
        var boundB = Right(FleetKey.Of(Endpoint, "svc", Parameters.Of(("scope", "api")), "jkt-of-key-B"));
        Assert.Equal(bearer.Hash, K(Endpoint, "svc", ("scope", "api")).Hash);
        Assert.Equal(3, new[] { bearer.Hash, boundA.Hash, boundB.Hash }.Distinct().Count());
        Assert.Equal(boundA.Hash, Right(FleetKey.Of(Endpoint, "svc", Parameters.Of(("scope", "api")), "jkt-of-key-A")).Hash);
    }

    [Fact]
    public void Missing_inputs_are_named_errors()
    {
        Assert.Equal("tokenEndpoint", Assert.IsType<OAuthError.InvalidArgument>(FleetKey.Of(null, "svc").Match(_ => null!, e => e)).Name);
        Assert.Equal("tokenEndpoint", Assert.IsType<OAuthError.InvalidArgument>(FleetKey.Of(new Uri("/token", UriKind.Relative), "svc").Match(_ => null!, e => e)).Name);
        Assert.Equal("clientId", Assert.IsType<OAuthError.InvalidArgument>(FleetKey.Of(Endpoint, null).Match(_ => null!, e => e)).Name);
    }
}
