namespace OAuth2.Functional;

/// <summary>Where confidential-client credentials are sent.</summary>
public enum AuthorizationMethod
{
    /// <summary>An <c>Authorization: Basic …</c> header.</summary>
    Header,
    /// <summary>Body parameters named by <see cref="ClientSettings.IdParamName"/> and <see cref="ClientSettings.SecretParamName"/>.</summary>
    Body,
}
