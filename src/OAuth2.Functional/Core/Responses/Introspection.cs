namespace OAuth2.Functional;

/// <summary>An introspection answer (RFC 7662 §2.2): whether the token is active, and what the server says about it.</summary>
/// <param name="Active">Whether the token is currently active.</param>
/// <param name="Scope">The token's scope, if given.</param>
/// <param name="ClientId">The client the token was issued to, if given.</param>
/// <param name="Subject">The token's subject (<c>sub</c>), if given.</param>
/// <param name="ExpiresAt">The token's expiry (<c>exp</c>), if given.</param>
/// <param name="Fields">Every member of the answer, in order, as raw JSON text.</param>
public sealed record Introspection(bool Active, Option<string> Scope, Option<string> ClientId, Option<string> Subject,
    Option<DateTimeOffset> ExpiresAt, Seq<TokenField> Fields)
{
    /// <summary>The raw JSON text of a member.</summary>
    public Option<string> Field(string name) => Fields.Find(f => f.Name == name).Map(f => f.RawJson);

    /// <summary>Whether active, the scope, client and subject (server text, escaped and bounded), the expiry and the member
    /// names; never a member's value.</summary>
    public override string ToString() =>
        $"Introspection(Active = {Active}, Scope = {ServerText.Printable(Scope)}, ClientId = {ServerText.Printable(ClientId)}, " +
        $"Subject = {ServerText.Printable(Subject)}, ExpiresAt = {ExpiresAt.Map(Expiry.ToIso).IfNone("none")}, Fields = [{ServerText.Names(Fields.Map(f => f?.Name))}])";
}
