using System.Text.Json;
using OAuth2.Functional.Encodings;

namespace OAuth2.Functional;

/// <summary>One member of a token object: its name, JSON kind and value (the text of a string, the raw JSON of anything
/// else). Token members hold secrets, so <see cref="ToString"/> prints the name and kind only.</summary>
/// <param name="Name">The member name.</param>
/// <param name="Kind">The JSON kind of the value.</param>
/// <param name="Value">For a string, its decoded text; otherwise the value's raw JSON text.</param>
public sealed record TokenField(string Name, JsonValueKind Kind, string Value)
{
    /// <summary>The value as JSON text (a string is quoted and escaped as <c>JSON.stringify</c> does).</summary>
    public string RawJson => Kind == JsonValueKind.String ? JsonText.Quote(Value) : Value;

    /// <summary>The name and kind only.</summary>
    public override string ToString() => $"TokenField({Name}: {Kind})";
}
