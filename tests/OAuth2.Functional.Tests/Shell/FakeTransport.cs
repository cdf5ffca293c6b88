namespace OAuth2.Functional.Tests.Shell;

/// <summary>A transport that records every request and answers from a queue of canned responses.</summary>
internal sealed class FakeTransport
{
    private readonly Queue<Func<HttpRequestSpec, Either<OAuthError, HttpResponseSpec>>> answers = new();
    public List<HttpRequestSpec> Requests { get; } = new();

    public FakeTransport Answer(int status, string body, string contentType = "application/json", string reason = "")
    {
        answers.Enqueue(_ => HttpResponseSpec.Of(status, contentType, body, reason));
        return this;
    }

    public FakeTransport Fail(OAuthError error)
    {
        answers.Enqueue(_ => error);
        return this;
    }

    public FakeTransport Throw(Exception e)
    {
        answers.Enqueue(_ => throw e);
        return this;
    }

    public OAuthTransport Transport => (request, _) =>
    {
        Requests.Add(request);
        return answers.Dequeue()(request).ToAsync();
    };
}
