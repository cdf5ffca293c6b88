namespace OAuth2.Functional;

/// <summary>A pushed authorization request's answer (RFC 9126 §2.2): the reference to send the user agent with, and when it
/// stops being valid. The authorize URL then carries only <c>client_id</c> and <see cref="RequestUri"/>
/// (<see cref="AuthorizeUrls.Pushed"/>).</summary>
/// <param name="RequestUri">The <c>request_uri</c> (a one-time reference, typically <c>urn:ietf:params:oauth:request_uri:…</c>).</param>
/// <param name="ExpiresAt">When it expires: <c>expires_in</c> after the response arrived, on the client's clock.</param>
public sealed record PushedAuthorization(string RequestUri, DateTimeOffset ExpiresAt)
{
    /// <summary>Prints the expiry; the reference is redacted (it stands for the pushed parameters until used).</summary>
    public override string ToString() => $"PushedAuthorization(RequestUri = [redacted], ExpiresAt = {Expiry.ToIso(ExpiresAt)})";
}
