using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using static OAuth2.Functional.Tests.TestSupport;

namespace OAuth2.Functional.Tests.Core.Responses;

/// <summary>The JSON object reader: its failures are typed (the interpreters match on the type, never on the text), and
/// its duplicate-key rule (first position, last value, as <c>JSON.parse</c>) holds at any member count.</summary>
public class JsonObjectReaderTests
{
    private static JsonProblem Problem(string text) =>
        JsonObjectReader.Read(Encoding.UTF8.GetBytes(text)).Match(f => throw new Xunit.Sdk.XunitException($"expected a problem, got {f.Length} members"), p => p);

    private static JsonField[] Members(string text) =>
        JsonObjectReader.Read(Encoding.UTF8.GetBytes(text)).Match(f => f, p => throw new Xunit.Sdk.XunitException("expected members, got " + p.Reason));

    [Theory]
    [InlineData("[{\"access_token\":\"a\"}]", JsonValueKind.Array)]
    [InlineData("null", JsonValueKind.Null)]
    [InlineData("\"not an object\"", JsonValueKind.String)]
    [InlineData("12", JsonValueKind.Number)]
    [InlineData("true", JsonValueKind.True)]
    public void A_json_value_that_is_not_an_object_is_NotAnObject_with_its_kind(string text, JsonValueKind kind) =>
        Assert.Equal(new JsonProblem.NotAnObject(kind), Problem(text));

    [Fact]
    public void Each_failure_is_its_own_case()
    {
        Assert.IsType<JsonProblem.Empty>(Problem(" \r\n"));
        Assert.IsType<JsonProblem.NotJson>(Problem("{\"access_token\":\"abc"));
        Assert.IsType<JsonProblem.NotJson>(Problem(new string('[', 65) + new string(']', 65)));
        Assert.IsType<JsonProblem.NotUtf8>(JsonObjectReader.Read(new byte[] { (byte)'{', 0xFF, (byte)'}' }).Match(_ => null!, p => p));
        Assert.IsType<JsonProblem.Missing>(JsonObjectReader.Read((string?)null).Match(_ => null!, p => p));
    }

    [Fact]
    public void Invalid_json_is_unexpected_content_and_a_non_object_is_a_malformed_token()
    {
        var response = HttpResponseSpec.Of(200, "application/json", "{\"x\": not an object");
        Assert.IsType<OAuthError.UnexpectedContent>(Left(OAuth2.Functional.Responses.InterpretToken(response, Jan1)));
        Assert.IsType<OAuthError.MalformedToken>(Left(OAuth2.Functional.Responses.InterpretToken(HttpResponseSpec.Of(200, "application/json", "[]"), Jan1)));
    }

    [Fact]
    public void No_error_kind_is_chosen_by_the_text_of_a_reason_or_message()
    {
        var text = new Regex(@"\b\w*(reason|message)\w*\s*\.\s*(EndsWith|StartsWith|Contains|Equals|IndexOf)\s*\(", RegexOptions.IgnoreCase);
        var src = Path.Combine(RepoRoot(), "src", "OAuth2.Functional");
        var hits = Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (f, i, line)))
            .Where(x => text.IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(hits.Count == 0, "decisions on message text:\n" + string.Join("\n", hits));
        Assert.Matches(text, "return reason.EndsWith(\"not an object\", StringComparison.Ordinal) ? a : b;");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    [InlineData(5_000)]
    public void A_repeated_name_keeps_its_first_position_and_its_last_value_at_any_size(int distinct)
    {
        var json = new StringBuilder("{");
        for (var i = 0; i < distinct; i++) json.Append($"\"m{i}\":{i},");
        for (var i = distinct - 1; i >= 0; i -= 2) json.Append($"\"m{i}\":\"again{i}\",");
        json.Append("\"m0\":\"last\"}");
        var members = Members(json.ToString());
        Assert.Equal(Enumerable.Range(0, distinct).Select(i => $"m{i}"), members.Select(m => m.Name));
        Assert.Equal("\"last\"", members[0].Raw);
        for (var i = 1; i < distinct; i++)
            Assert.Equal((distinct - 1 - i) % 2 == 0 ? $"\"again{i}\"" : i.ToString(System.Globalization.CultureInfo.InvariantCulture), members[i].Raw);
    }
}
