namespace OAuth2.Functional.Demo;

/// <summary>One step of the tour: a name and a flow that yields a one-line report, or the error as a value.</summary>
internal sealed record Step(string Name, Func<EitherAsync<OAuthError, string>> Run)
{
    /// <summary>A step that is expected to fail: it succeeds when the flow's Left satisfies <paramref name="expected"/>.</summary>
    public static Step ExpectFailure(string name, Func<EitherAsync<OAuthError, string>> run, Func<OAuthError, bool> expected) =>
        new(name, () => run().ToEither().Map(e => e.Match(
            ok => Left<OAuthError, string>(OAuthError.Argument("expected failure", "the call succeeded: " + ok)),
            error => expected(error) ? Right<OAuthError, string>("failed as expected, as a value: " + error) : Left<OAuthError, string>(error))).ToAsync());
}
