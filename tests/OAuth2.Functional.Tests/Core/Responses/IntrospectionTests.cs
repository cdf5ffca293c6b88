using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Core.Responses;

public class IntrospectionTests
{
    private static Either<OAuthError, Introspection> Interpret(int status, string? contentType, string body) =>
        OAuth2.Functional.Responses.InterpretIntrospection(HttpResponseSpec.Of(status, contentType, body));

    [Fact]
    public void An_active_answer_is_read_with_its_members()
    {
        var i = Right(Interpret(200, "application/json", "{\"active\":true,\"scope\":\"api\",\"client_id\":\"svc\",\"sub\":\"alice\",\"exp\":1704067260,\"x\":[1]}"));
        Assert.True(i.Active);
        Assert.Equal((Some("api"), Some("svc"), Some("alice")), (i.Scope, i.ClientId, i.Subject));
        Assert.Equal(Some(new DateTimeOffset(2024, 1, 1, 0, 1, 0, TimeSpan.Zero)), i.ExpiresAt);
        Assert.Equal(Some("[1]"), i.Field("x"));
    }

    [Fact]
    public void An_inactive_answer() => Assert.False(Right(Interpret(200, "application/json", "{\"active\":false}")).Active);

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"active\":\"true\"}")]
    public void Active_must_be_a_boolean(string body) =>
        Assert.Equal("active", LeftOf<OAuthError.MalformedToken, Introspection>(Interpret(200, "application/json", body)).Field);

    [Fact]
    public void Errors_are_read_as_for_tokens()
    {
        Assert.Equal(("invalid_client", Some(401)), (Left(Interpret(401, "application/json", "{\"error\":\"invalid_client\"}")) is var e ? (ServerError(e), e.StatusCode) : default));
        Assert.IsType<OAuthError.UnexpectedContent>(Left(Interpret(200, "text/html", "<html/>")));
        Assert.IsType<OAuthError.HttpError>(Left(Interpret(503, "text/html", "<html/>")));
    }

    [Fact]
    public void The_request_goes_to_the_introspection_path()
    {
        var token = Token("{\"access_token\":\"AT\",\"refresh_token\":\"RT\"}");
        var request = Right(TokenRequests.Introspect(Valid(DefaultConfig()), token, TokenKind.RefreshToken));
        Assert.Equal("https://authorization-server.org/oauth/introspect", request.Url.AbsoluteUri);
        Assert.Equal("token=RT&token_type_hint=refresh_token", request.Body.Render());
    }
}
