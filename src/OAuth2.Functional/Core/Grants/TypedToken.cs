namespace OAuth2.Functional;

/// <summary>A token with its type, as RFC 8693 sends a subject or actor token (<c>subject_token</c> and <c>subject_token_type</c>).</summary>
/// <param name="Token">The token (a secret: it prints as <c>[redacted]</c>).</param>
/// <param name="Type">Its type identifier.</param>
public sealed record TypedToken(Secret Token, TokenTypeUri Type)
{
    /// <summary>The type only; never the token.</summary>
    public override string ToString() => $"TypedToken([redacted], {Type?.Value ?? "no type"})";
}
