using OAuth2.Functional.Encodings;

namespace OAuth2.Functional.Tests.Core.Encodings;

public class BasicCredentialsTests
{
    [Theory]
    [InlineData("the client id", "the client secret", CredentialsEncodingMode.Strict, "Basic dGhlK2NsaWVudCtpZDp0aGUrY2xpZW50K3NlY3JldA==")]
    [InlineData("the + client + id & symbols", "the + client + secret & symbols", CredentialsEncodingMode.Loose, "Basic dGhlICsgY2xpZW50ICsgaWQgJiBzeW1ib2xzOnRoZSArIGNsaWVudCArIHNlY3JldCAmIHN5bWJvbHM=")]
    [InlineData("the + client + id & symbols", "the + client + secret & symbols", CredentialsEncodingMode.Strict, "Basic dGhlKyUyQitjbGllbnQrJTJCK2lkKyUyNitzeW1ib2xzOnRoZSslMkIrY2xpZW50KyUyQitzZWNyZXQrJTI2K3N5bWJvbHM=")]
    [InlineData("I'm the_client-id! & (symbols*)", "I'm the_client-secret! & (symbols*)", CredentialsEncodingMode.Strict, "Basic SSUyN20rdGhlX2NsaWVudC1pZCUyMSslMjYrJTI4c3ltYm9scyUyQSUyOTpJJTI3bSt0aGVfY2xpZW50LXNlY3JldCUyMSslMjYrJTI4c3ltYm9scyUyQSUyOQ==")]
    [InlineData("", "", CredentialsEncodingMode.Strict, "Basic Og==")]
    [InlineData("", "", CredentialsEncodingMode.Loose, "Basic Og==")]
    [InlineData("a:b", "c:d", CredentialsEncodingMode.Strict, "Basic YSUzQWI6YyUzQWQ=")]
    [InlineData("a:b", "c:d", CredentialsEncodingMode.Loose, "Basic YTpiOmM6ZA==")]
    public void Header_value_matches_the_spec_vector(string id, string secret, CredentialsEncodingMode mode, string expected) =>
        Assert.Equal(expected, BasicCredentials.HeaderValue(id, secret, mode));

    [Theory]
    [InlineData("the client id", "the+client+id")]
    [InlineData("I'm the_client-id! & (symbols*)", "I%27m+the_client-id%21+%26+%28symbols%2A%29")]
    [InlineData("~-_.", "~-_.")]
    [InlineData(":+&@", "%3A%2B%26%40")]
    public void Strict_escape_matches_the_spec(string input, string expected) =>
        Assert.Equal(expected, BasicCredentials.StrictEscape(input));
}
