using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Core.Configuration;

/// <summary>Issue 9 items 4 and 5 (configuration part): `with` on the secret, one null rule, ordinary .NET collections.</summary>
public class ConfigErgonomicsTests
{
    private static ValidConfig Cc(OAuthConfig config) => Valid(config, GrantKind.ClientCredentials);

    [Fact]
    public void A_secret_is_replaced_with_a_plain_string_and_stays_redacted()
    {
        var config = DefaultConfig("id", "old-secret");
        var rotated = config with { Client = config.Client with { Secret = "new-secret" } };
        Assert.Equal("new-secret", rotated.Client.Secret!.Reveal());
        Assert.Equal(new ClientSettings("id", "new-secret"), rotated.Client);
        Assert.DoesNotContain("new-secret", rotated.ToString());
        Assert.Contains("[redacted]", rotated.Client.ToString());
        var request = Right(TokenRequests.ClientCredentials(Cc(rotated), Parameters.Empty));
        Assert.Equal(Right(TokenRequests.ClientCredentials(Cc(DefaultConfig("id", "new-secret")), Parameters.Empty)), request);
    }

    [Fact]
    public void Removing_the_secret_makes_a_public_client()
    {
        var publicClient = DefaultConfig("spa", "s") with { Client = new ClientSettings("spa", "s") with { Secret = null } };
        var request = Right(TokenRequests.ClientCredentials(Cc(publicClient), Parameters.Empty));
        Assert.True(request.Header("Authorization").IsNone);
        Assert.Equal("grant_type=client_credentials&client_id=spa", request.Body.Render());
    }

    [Fact]
    public void Positional_parameters_are_named_like_the_properties()
    {
        var client = new ClientSettings(Id: "id", Secret: "s");
        var auth = new AuthSettings(TokenHost: Host);
        Assert.Equal(Valid(new OAuthConfig(Client: client, Auth: auth)).Config, new OAuthConfig(new ClientSettings("id", "s"), new AuthSettings(Host)));
    }

    public static TheoryData<string, Parameters, string> NullParameters => new()
    {
        { "WithScopes(null)", Parameters.Empty.WithScopes(null!), "scopes" },
        { "Of(null)", Parameters.Of(null!), "pairs" },
        { "Of((x, null))", Parameters.Of(("x", null!)), "params[0] (x)" },
        { "WithScope(null)", Parameters.Empty.WithScope(null!), "params[0] (scope)" },
        { "WithScopes(a, null)", Parameters.Empty.WithScopes("a", null!), "params[0] (scope)" },
        { "Add(null, v)", Parameters.Empty.Add(null!, "v"), "params[0]" },
        { "WithScopes(null).Add(x, y)", Parameters.Empty.WithScopes(null!).Add("x", "y"), "scopes" },
    };

    [Theory]
    [MemberData(nameof(NullParameters))]
    public void Every_null_in_parameters_is_an_InvalidArgument_naming_it_at_call_time(string _, Parameters parameters, string name)
    {
        var error = LeftOf<OAuthError.InvalidArgument, HttpRequestSpec>(TokenRequests.ClientCredentials(Cc(DefaultConfig()), parameters));
        Assert.Equal(name, error.Name);
        Assert.True(AuthorizeUrls.Build(Valid(DefaultConfig()), parameters).IsLeft);
    }

    public static TheoryData<string, RequestOptions, string> NullOptions => new()
    {
        { "tuples", RequestOptions.WithHeaders((ValueTuple<string, string>[])null!), "headers" },
        { "enumerable", RequestOptions.WithHeaders((IEnumerable<(string, string)>)null!), "headers" },
        { "dictionary", RequestOptions.WithHeaders((Dictionary<string, string>)null!), "headers" },
        { "null value", RequestOptions.WithHeaders(("X-A", null!)), "requestOptions.headers[X-A]" },
        { "null name", RequestOptions.WithHeaders(new Dictionary<string, string> { [""] = "v" }), "requestOptions.headers[]" },
    };

    [Theory]
    [MemberData(nameof(NullOptions))]
    public void Every_null_in_request_options_is_an_InvalidArgument_naming_it_at_call_time(string _, RequestOptions options, string name) =>
        Assert.Equal(name, LeftOf<OAuthError.InvalidArgument, HttpRequestSpec>(TokenRequests.ClientCredentials(Cc(DefaultConfig()), Parameters.Empty, options)).Name);

    [Fact]
    public void Request_headers_come_from_a_dictionary_a_list_or_tuples_alike()
    {
        var fromTuples = RequestOptions.WithHeaders(("X-A", "1"), ("X-B", "2"));
        var fromList = RequestOptions.WithHeaders(new List<(string, string)> { ("X-A", "1"), ("X-B", "2") });
        var fromDictionary = RequestOptions.WithHeaders(new Dictionary<string, string> { ["X-A"] = "1", ["X-B"] = "2" });
        Assert.Equal(fromTuples, fromList);
        Assert.Equal(fromTuples, fromDictionary);
        var request = Right(TokenRequests.ClientCredentials(Cc(DefaultConfig()), Parameters.Empty, fromDictionary));
        Assert.Equal(Seq("Accept", "X-A", "X-B", "Authorization", "Content-Type"), request.Headers.Map(h => h.Name));
    }

    [Fact]
    public void Configured_headers_come_from_ordinary_collections_and_stay_immutable_and_value_equal()
    {
        var source = new Dictionary<string, string> { ["X-Api-Version"] = "2" };
        var http = HttpSettings.Default.WithHeaders(source);
        source["X-Api-Version"] = "changed";
        source["X-Later"] = "x";
        Assert.Equal(HttpSettings.Default.WithHeaders(("X-Api-Version", "2")), http);
        Assert.Equal(HttpSettings.Default.WithHeaders(new List<(string, string)> { ("X-Api-Version", "2") }), http);
        var tuples = new[] { ("X-Api-Version", "2") };
        var fromArray = HttpSettings.Default.WithHeaders(tuples);
        tuples[0] = ("X-Api-Version", "mutated");
        Assert.Equal(http, fromArray);
        var request = Right(TokenRequests.ClientCredentials(Cc(DefaultConfig() with { Http = http }), Parameters.Empty));
        Assert.Equal(Some("2"), request.Header("X-Api-Version"));
        Assert.True(HttpSettings.Default.Headers.IsEmpty);
    }

    [Fact]
    public void Null_configured_headers_are_a_config_problem()
    {
        var problems = LeftOf<OAuthError.InvalidConfig, ValidConfig>(ConfigValidation.Validate(
            DefaultConfig() with { Http = HttpSettings.Default.WithHeaders((Dictionary<string, string>)null!) }, GrantKind.ClientCredentials)).Problems;
        Assert.Equal(Seq1(new ConfigProblem("http.headers", "is required")), problems);
    }
}
