using System.Security.Cryptography;
using System.Text;

namespace OAuth2.Functional.Redis;

/// <summary>
/// Names one shared token in the fleet: a SHA-256 over the token endpoint, the client id, the DPoP key's thumbprint when
/// tokens are bound to one, and the request parameters (in order, length-prefixed so no two inputs collide by
/// concatenation). No secret is an input: the values of <c>client_secret</c> and <c>client_assertion</c> never enter the
/// hash, only their names; parameters whose secret value authenticates or <em>is</em> the subject of the token
/// (<c>password</c>, <c>code</c>, <c>code_verifier</c>, <c>refresh_token</c>, <c>device_code</c>, <c>assertion</c>,
/// <c>subject_token</c>, <c>actor_token</c>) are refused, because two callers that differ only in them (a wrong password
/// and the right one, two users' assertions) would otherwise share one token. Pure.
/// </summary>
public sealed record FleetKey
{
    private static readonly System.Collections.Generic.HashSet<string> SecretNames = new(StringComparer.Ordinal)
    {
        "client_secret", "client_assertion",
    };

    private static readonly System.Collections.Generic.HashSet<string> SubjectSecretNames = new(StringComparer.Ordinal)
    {
        "password", "code", "code_verifier", "refresh_token", "device_code", "assertion", "subject_token", "actor_token",
    };

    private FleetKey(string hash) => Hash = hash;

    /// <summary>The lowercase hex SHA-256 that names the token (64 characters, no secret in it or behind it).</summary>
    public string Hash { get; }

    /// <summary>The key of the tokens <paramref name="clientId"/> gets at <paramref name="tokenEndpoint"/> with
    /// <paramref name="parameters"/> (none when null), bound to the DPoP key whose RFC 7638 thumbprint is
    /// <paramref name="dpopThumbprint"/> (none when null: bearer tokens). A missing endpoint or client id, or a parameter
    /// whose secret value is the token's subject, is an <see cref="OAuthError.InvalidArgument"/>.</summary>
    public static Either<OAuthError, FleetKey> Of(Uri? tokenEndpoint, string? clientId, Parameters? parameters = null, string? dpopThumbprint = null) =>
        tokenEndpoint is null ? Left<OAuthError, FleetKey>(OAuthError.Argument("tokenEndpoint", "is required"))
        : !tokenEndpoint.IsAbsoluteUri ? Left<OAuthError, FleetKey>(OAuthError.Argument("tokenEndpoint", "must be an absolute URI"))
        : clientId is null ? Left<OAuthError, FleetKey>(OAuthError.Argument("clientId", "is required"))
        : parameters is not null && parameters.Items.Exists(i => i.Name is null || i.Value is null)
            ? Left<OAuthError, FleetKey>(OAuthError.Argument("parameters", "a parameter name or value is null"))
        : parameters?.Items.Find(i => SubjectSecretNames.Contains(i.Name)).Case is (string name, ParamValue)
            ? Left<OAuthError, FleetKey>(OAuthError.Argument("parameters",
                $"\"{name}\" carries the token's subject as a secret; a fleet-shared token is for parameters that are the same for every caller"))
        : Right<OAuthError, FleetKey>(new FleetKey(HashOf(tokenEndpoint, clientId, parameters ?? Parameters.Empty, dpopThumbprint)));

    /// <summary>The Redis key of the token entry under <paramref name="prefix"/>.</summary>
    internal string EntryKey(string prefix) => prefix + "tok:" + Hash;

    /// <summary>The Redis key of the shared failure of this token's last request under <paramref name="prefix"/>.</summary>
    internal string FailureKey(string prefix) => prefix + "fail:" + Hash;

    /// <summary>The Redis key of the fleet lock for this token under <paramref name="prefix"/>.</summary>
    internal string LockKey(string prefix) => prefix + "lock:" + Hash;

    /// <summary>The hash only (it reveals nothing).</summary>
    public override string ToString() => "FleetKey(" + Hash + ")";

    private static string HashOf(Uri endpoint, string clientId, Parameters parameters, string? dpopThumbprint)
    {
        var text = new StringBuilder("oauth2-fleet-key-v1");
        Append(text, endpoint.AbsoluteUri);
        Append(text, clientId);
        // A bearer key stays as it was (v1); a DPoP-bound token is usable only with its key, so its key names it too.
        if (dpopThumbprint is not null) Append(text, "dpop_jkt=" + dpopThumbprint);
        foreach (var (name, value) in parameters.Items)
        {
            Append(text, name);
            Append(text, SecretNames.Contains(name) ? "\u0000secret" : value.Render(" "));
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void Append(StringBuilder text, string field) => text.Append('|').Append(field.Length).Append(':').Append(field);
}
