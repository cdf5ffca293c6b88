namespace OAuth2.Functional;

/// <summary>
/// The parameter names a caller may not set on the extension grants: <c>grant_type</c> (the grant is chosen by the typed
/// request, never smuggled in a parameter) and every name that carries client authentication (the configured id and secret
/// parameter names, <c>client_id</c>, <c>client_secret</c>, <c>client_assertion</c>, <c>client_assertion_type</c>), which only
/// the client authentication step writes. A grant adds the names its own typed request sets.
/// </summary>
internal static class ReservedParameters
{
    private static readonly string[] Always = ["grant_type", "client_id", "client_secret", "client_assertion", "client_assertion_type"];

    /// <summary>The caller's parameters when none is null and none is reserved; else the first offender, named by its
    /// position and name (<c>params[1] (grant_type)</c>).</summary>
    public static Either<OAuthError, Seq<(string Name, ParamValue Value)>> Check(ValidConfig config, Parameters? parameters, params string[] grantOwn) =>
        ParameterMap.Check(parameters).Bind(items =>
        {
            var client = config.Config.Client;
            var index = 0;
            foreach (var (name, _) in items)
            {
                if (System.Array.IndexOf(grantOwn, name) >= 0)
                    return Refused(index, name, "is set by the request itself, not by a parameter");
                if (System.Array.IndexOf(Always, name) >= 0 || name == client.IdParamName || name == client.SecretParamName)
                    return Refused(index, name, name == "grant_type"
                        ? "cannot be set by a parameter: the grant type is chosen by the request"
                        : "cannot be set by a parameter: client authentication is added from the configuration");
                index++;
            }
            return Right<OAuthError, Seq<(string Name, ParamValue Value)>>(items);
        });

    private static Either<OAuthError, Seq<(string Name, ParamValue Value)>> Refused(int index, string name, string reason) =>
        OAuthError.Argument($"params[{index}] ({name})", reason);
}
