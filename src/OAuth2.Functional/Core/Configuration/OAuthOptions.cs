namespace OAuth2.Functional;

/// <summary>Encoding and client-authentication options (simple-oauth2's <c>options</c>).</summary>
public sealed record OAuthOptions
{
    /// <summary>The defaults: space separator, strict encoding, form body, Basic header.</summary>
    public static OAuthOptions Default { get; } = new();

    /// <summary>Joins a scope list (default a single space).</summary>
    public string ScopeSeparator { get; init; } = " ";

    /// <summary>How id and secret are encoded in the Basic header (default <see cref="CredentialsEncodingMode.Strict"/>).</summary>
    public CredentialsEncodingMode CredentialsEncodingMode { get; init; } = CredentialsEncodingMode.Strict;

    /// <summary>Request body encoding (default <see cref="BodyFormat.Form"/>).</summary>
    public BodyFormat BodyFormat { get; init; } = BodyFormat.Form;

    /// <summary>Where client credentials go (default <see cref="AuthorizationMethod.Header"/>).</summary>
    public AuthorizationMethod AuthorizationMethod { get; init; } = AuthorizationMethod.Header;

    /// <summary>Allows plain <c>http</c> endpoints on hosts other than loopback (default <c>false</c>: credentials and tokens
    /// only travel over https, or over http to 127.0.0.0/8, ::1 or <c>localhost</c>). Not a simple-oauth2 option.</summary>
    public bool AllowInsecureHttp { get; init; }
}
