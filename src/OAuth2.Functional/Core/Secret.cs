namespace OAuth2.Functional;

/// <summary>
/// A secret string (client secret, access or refresh token, password, authorization code, PKCE verifier).
/// It compares by value but never prints its value: <see cref="ToString"/> returns <c>[redacted]</c>.
/// Read it explicitly with <see cref="Reveal"/>.
/// </summary>
public sealed record Secret
{
    private readonly string value;

    private Secret(string value) => this.value = value;

    /// <summary>Wraps a value; a <c>null</c> becomes the empty string (so no null ever hides inside).</summary>
    public static Secret Of(string? value) => new(value ?? string.Empty);

    /// <summary>Wraps a string (<c>null</c> stays <c>null</c>: no secret), so configuration reads
    /// <c>new ClientSettings("id", "secret")</c> and <c>client with { Secret = "rotated" }</c>. Wrapping is implicit;
    /// reading the value back is always explicit (<see cref="Reveal"/>).</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static implicit operator Secret?(string? value) => value is null ? null : new(value);

    /// <summary>The secret value itself. Calling this is the explicit act of reading a secret.</summary>
    public string Reveal() => value;

    /// <summary>Always <c>[redacted]</c>.</summary>
    public override string ToString() => "[redacted]";
}
