namespace OAuth2.Functional;

/// <summary>
/// Ordered request parameters (simple-oauth2's <c>params</c> object). A parameter whose name equals one the library
/// sets (<c>grant_type</c>, <c>response_type</c>, the client id parameter) replaces that value in its position; the others
/// follow in the order added. Values print as <c>[redacted]</c> except for a few well-known public ones.
/// Nulls are never dropped silently: a null argument (<c>Of(null)</c>, <c>WithScopes(null)</c>), name or value makes the call
/// that uses these parameters return <see cref="OAuthError.InvalidArgument"/> naming it.
/// </summary>
public sealed record Parameters(Seq<(string Name, ParamValue Value)> Items)
{
    private static readonly System.Collections.Generic.HashSet<string> PublicNames =
        new(StringComparer.Ordinal) { "grant_type", "scope", "redirect_uri", "response_type", "token_type_hint", "state", "username", "code_challenge", "code_challenge_method" };

    /// <summary>No parameters.</summary>
    public static Parameters Empty { get; } = new(Seq<(string, ParamValue)>());

    /// <summary>The first null argument given to a builder method, reported when the parameters are used.</summary>
    internal Option<string> NullArgument { get; private init; }

    /// <summary>Parameters from name/value pairs, in order.</summary>
    public static Parameters Of(params (string Name, string Value)[] pairs) =>
        pairs is null
            ? Empty with { NullArgument = "pairs" }
            : new(toSeq(pairs.Select(p => (p.Name, (ParamValue)new ParamValue.Text(p.Value))).ToArray()));


    /// <summary>Appends a text parameter (a repeated name is sent repeatedly).</summary>
    public Parameters Add(string name, string value) => this with { Items = Items.Add((name, new ParamValue.Text(value))) };

    /// <summary>Appends <c>scope</c> as given (no trimming, no de-duplication).</summary>
    public Parameters WithScope(string scope) => Add("scope", scope);

    /// <summary>Appends <c>scope</c> as a list, joined with <see cref="OAuthOptions.ScopeSeparator"/> when sent.</summary>
    public Parameters WithScopes(params string[] scopes) =>
        scopes is null
            ? this with { NullArgument = NullArgument.IfNone("scopes") }
            : this with { Items = Items.Add(("scope", new ParamValue.ScopeList(toSeq(scopes.ToArray())))) };

    /// <summary>Names in order; values redacted except <c>grant_type</c>, <c>scope</c>, <c>redirect_uri</c> and other public ones.</summary>
    public override string ToString() =>
        "Parameters(" + string.Join(", ", Items.Map(i => i.Name + "=" + (PublicNames.Contains(i.Name ?? "") && i.Value is not null ? i.Value.Render(" ") : "[redacted]"))) + ")";
}
