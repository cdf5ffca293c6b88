using System.Text.Json.Serialization;

namespace OAuth2.Functional;

/// <summary>Source-generated JSON for the public JWK text (trimming- and AOT-safe).</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class SigningJson : JsonSerializerContext;
