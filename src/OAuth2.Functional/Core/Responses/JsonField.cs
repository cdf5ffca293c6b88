using System.Text.Json;

namespace OAuth2.Functional;

/// <summary>A member of a JSON object as read: the public <see cref="TokenField"/> plus its number, when it is one.</summary>
internal sealed record JsonField(TokenField Field, double Number)
{
    public string Name => Field.Name;
    public JsonValueKind Kind => Field.Kind;
    public string? Text => Field.Kind == JsonValueKind.String ? Field.Value : null;
    public string Raw => Field.RawJson;
}
