using System.Text.Json;

namespace OAuth2.Functional;

/// <summary>Pure interpretation of a device authorization response (RFC 8628 §3.2). Total: never throws.</summary>
public static class DeviceResponses
{
    /// <summary>The longest <c>expires_in</c> or <c>interval</c> taken as given (a day); longer is a malformed response.</summary>
    public static TimeSpan MaxLifetime { get; } = TimeSpan.FromDays(1);

    /// <summary>Reads <c>device_code</c>, <c>user_code</c>, <c>verification_uri</c> (required strings), <c>verification_uri_complete</c>,
    /// <c>expires_in</c> (required, positive seconds) and <c>interval</c> (positive seconds, default 5) from a 2xx JSON object; an OAuth
    /// error body is a <see cref="OAuthError.ProtocolError"/> as for every endpoint.</summary>
    public static Either<OAuthError, DeviceAuthorization> InterpretAuthorization(HttpResponseSpec? response, DateTimeOffset receivedAt) =>
        from fields in Responses.JsonObjectOf(response)
        from deviceCode in RequiredText(fields, "device_code")
        from userCode in RequiredText(fields, "user_code")
        from verificationUri in RequiredText(fields, "verification_uri")
        from complete in OptionalText(fields, "verification_uri_complete")
        from expiresIn in Seconds(fields, "expires_in").Bind(s => s.ToEither(OAuthError.Malformed("expires_in", "is missing")))
        from interval in Seconds(fields, "interval")
        select new DeviceAuthorization(Secret.Of(deviceCode), userCode, verificationUri, complete, receivedAt + expiresIn,
            interval.IfNone(DeviceAuthorization.DefaultInterval));

    private static Either<OAuthError, string> RequiredText(JsonField[] fields, string name) =>
        OptionalText(fields, name).Bind(t => t.Filter(v => v.Length > 0).ToEither(OAuthError.Malformed(name, "is missing or empty")));

    private static Either<OAuthError, Option<string>> OptionalText(JsonField[] fields, string name) =>
        JsonObjectReader.Find(fields, name).Match(
            f => f.Kind switch
            {
                JsonValueKind.String => Right<OAuthError, Option<string>>(Optional(f.Text)),
                JsonValueKind.Null => Right<OAuthError, Option<string>>(None),
                _ => Left<OAuthError, Option<string>>(OAuthError.Malformed(name, $"must be a string, not {JsonObjectReader.Describe(f.Kind)}")),
            },
            () => Right<OAuthError, Option<string>>(None));

    /// <summary>A positive whole or fractional number of seconds, up to <see cref="MaxLifetime"/> (a numeric string is accepted, as
    /// for <c>expires_in</c> of tokens).</summary>
    private static Either<OAuthError, Option<TimeSpan>> Seconds(JsonField[] fields, string name) =>
        JsonObjectReader.Find(fields, name).Match(
            f => NumberOf(f).Match(
                n => n > 0 && n <= MaxLifetime.TotalSeconds
                    ? Right<OAuthError, Option<TimeSpan>>(Some(TimeSpan.FromSeconds(n)))
                    : Left<OAuthError, Option<TimeSpan>>(OAuthError.Malformed(name, $"must be a positive number of seconds up to {MaxLifetime.TotalSeconds:0}")),
                () => f.Kind == JsonValueKind.Null
                    ? Right<OAuthError, Option<TimeSpan>>(None)
                    : Left<OAuthError, Option<TimeSpan>>(OAuthError.Malformed(name, "must be a number of seconds"))),
            () => Right<OAuthError, Option<TimeSpan>>(None));

    private static Option<double> NumberOf(JsonField f) =>
        f.Kind == JsonValueKind.Number ? Some(f.Number)
        : f.Kind == JsonValueKind.String && double.TryParse(f.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? Some(n)
        : None;
}
