using OAuth2.Functional.Encodings;

namespace OAuth2.Functional.Tests.Core.Encodings;

public class FormEncodingTests
{
    [Theory]
    [InlineData("x y", "x%20y")]
    [InlineData("http://callback.com", "http%3A%2F%2Fcallback.com")]
    [InlineData("a+b@c", "a%2Bb%40c")]
    [InlineData("-_.!~*'()", "-_.!~*'()")]
    [InlineData("é", "%C3%A9")]
    [InlineData("😀", "%F0%9F%98%80")]
    public void Escape_follows_node_querystring(string input, string expected) => Assert.Equal(expected, FormEncoding.Escape(input));

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character_instead_of_throwing() =>
        Assert.Equal("%EF%BF%BD", FormEncoding.Escape("\uD800"));

    [Theory]
    [InlineData("x y", "x+y")]
    [InlineData(",:/~!'()+", "%2C%3A%2F%7E%21%27%28%29%2B")]
    [InlineData("*-._", "*-._")]
    public void Query_escape_follows_whatwg(string input, string expected) => Assert.Equal(expected, QueryEncoding.Escape(input));

    [Fact]
    public void Json_text_is_what_JSON_stringify_writes() =>
        Assert.Equal("{\"a\":\"http://x/é \\\"q\\\" \\\\ \\n\\u0001\"}", JsonText.Object(Seq1(("a", "http://x/é \"q\" \\ \n\u0001"))));
}
