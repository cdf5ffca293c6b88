namespace OAuth2.Functional;

/// <summary>
/// Reads a resource server's <c>WWW-Authenticate</c> challenge (RFC 6750 §3, and the <c>DPoP</c> scheme of RFC 9449 §7.1),
/// pure: does it say the token was rejected (<c>error="invalid_token"</c>)? Scheme and auth-param names are
/// case-insensitive; values may be quoted or bare tokens.
/// </summary>
public static class BearerChallenge
{
    /// <summary>The <c>error</c> auth-param of a <c>Bearer</c> or <c>DPoP</c> challenge, if it has one.</summary>
    public static Option<string> Error(string? challenge)
    {
        if (string.IsNullOrWhiteSpace(challenge)) return None;
        var text = challenge.Trim();
        var scheme = Scheme(text, "Bearer") ? 6 : Scheme(text, "DPoP") ? 4 : 0;
        if (scheme == 0) return None;
        var i = scheme;
        while (i < text.Length)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == ',')) i++;
            var nameStart = i;
            while (i < text.Length && text[i] != '=' && text[i] != ',' && !char.IsWhiteSpace(text[i])) i++;
            var name = text[nameStart..i];
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length || text[i] != '=') continue;
            i++;
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                var sb = new System.Text.StringBuilder();
                for (i++; i < text.Length && text[i] != '"'; i++) sb.Append(text[i] == '\\' && i + 1 < text.Length ? text[++i] : text[i]);
                i++;
                value = sb.ToString();
            }
            else
            {
                var valueStart = i;
                while (i < text.Length && text[i] != ',' && !char.IsWhiteSpace(text[i])) i++;
                value = text[valueStart..i];
            }
            if (name.Equals("error", StringComparison.OrdinalIgnoreCase)) return value;
        }
        return None;
    }

    private static bool Scheme(string text, string name) =>
        text.StartsWith(name, StringComparison.OrdinalIgnoreCase) && (text.Length == name.Length || char.IsWhiteSpace(text[name.Length]));

    /// <summary>True when any of the challenges says <c>error="invalid_token"</c>.</summary>
    public static bool IsInvalidToken(IEnumerable<string> challenges) =>
        challenges is not null && challenges.Any(c => Error(c).Map(e => e == "invalid_token").IfNone(false));
}
