namespace OAuth2.Functional;

/// <summary>How the client id and secret are encoded before Base64 in the Basic header.</summary>
public enum CredentialsEncodingMode
{
    /// <summary>RFC 6749 §2.3.1: form-encoded (space as <c>+</c>, and <c>! ' ( ) *</c> percent-encoded).</summary>
    Strict,
    /// <summary>Raw <c>id:secret</c>, for servers that reject the encoded form.</summary>
    Loose,
}
