namespace OAuth2.Functional;

/// <summary>The URI checks the grants need (RFC 3986 §4.3 absolute URIs), pure and total.</summary>
internal static class UriRules
{
    /// <summary>True for an absolute URI: a scheme (<c>ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )</c>) and a colon, visible ASCII
    /// only, and parseable by <see cref="Uri"/>. A bare path such as <c>/x</c> is not absolute (on Unix .NET would read it as a
    /// file URI, so the scheme is checked by hand first).</summary>
    public static bool IsAbsolute(string? value)
    {
        if (string.IsNullOrEmpty(value)) return false;
        var colon = value.IndexOf(':');
        if (colon < 1 || !char.IsAsciiLetter(value[0])) return false;
        for (var i = 1; i < colon; i++)
            if (!(char.IsAsciiLetterOrDigit(value[i]) || value[i] is '+' or '-' or '.')) return false;
        foreach (var c in value)
            if (c is < '!' or > '~') return false;
        return Uri.TryCreate(value, UriKind.Absolute, out _);
    }

    /// <summary>An absolute URI without a fragment: what RFC 8707 §2 asks of a <c>resource</c>.</summary>
    public static bool IsResourceIndicator(string? value) => IsAbsolute(value) && !value!.Contains('#');
}
