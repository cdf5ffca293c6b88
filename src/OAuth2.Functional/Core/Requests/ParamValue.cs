namespace OAuth2.Functional;

/// <summary>A parameter value: text, or a scope list that is joined with the configured separator.</summary>
public abstract record ParamValue
{
    private ParamValue() { }

    /// <summary>A single text value, sent as is.</summary>
    public sealed record Text(string Value) : ParamValue
    {
        /// <summary>Redacted: parameter values can be passwords, codes or verifiers.</summary>
        public override string ToString() => "Text([redacted])";
    }

    /// <summary>A list of scopes, joined with <see cref="OAuthOptions.ScopeSeparator"/> where it is sent.</summary>
    public sealed record ScopeList(Seq<string> Items) : ParamValue;

    /// <summary>The text sent on the wire.</summary>
    public string Render(string separator) => this switch
    {
        ScopeList l => string.Join(separator, l.Items),
        Text t => t.Value,
        _ => string.Empty,
    };
}
