namespace OAuth2.Functional;

/// <summary>
/// What a client expects of an authorization callback: the <c>state</c> it sent (required, compared in constant time)
/// and, when it knows the server's issuer identifier, that issuer (RFC 9207). <paramref name="IssuerRequired"/> is true when
/// the server's metadata says it sends <c>iss</c> (<c>authorization_response_iss_parameter_supported</c>): a callback
/// without it is then rejected. Whenever a callback carries <c>iss</c> and an issuer is expected, it must match exactly.
/// </summary>
/// <param name="State">The <c>state</c> sent with the authorize request.</param>
/// <param name="Issuer">The expected issuer identifier, exactly as in the server's metadata.</param>
/// <param name="IssuerRequired">True when the callback must carry <c>iss</c>.</param>
public sealed record CallbackExpectation(string State, Option<string> Issuer, bool IssuerRequired)
{
    /// <summary>Only the state is checked (a server that does not advertise RFC 9207).</summary>
    public static CallbackExpectation ForState(string state) => new(state, None, false);

    /// <summary>Also checks <c>iss</c>: always against <paramref name="issuer"/> when present, and requires it when
    /// <paramref name="required"/> (the metadata's <c>authorization_response_iss_parameter_supported</c>).</summary>
    public CallbackExpectation WithIssuer(string issuer, bool required) => this with { Issuer = Optional(issuer), IssuerRequired = required };

    /// <summary>The state is the caller's secret-ish value; it is not printed.</summary>
    public override string ToString() =>
        $"CallbackExpectation(State = [redacted], Issuer = {Issuer.IfNone("none")}, IssuerRequired = {IssuerRequired})";
}
