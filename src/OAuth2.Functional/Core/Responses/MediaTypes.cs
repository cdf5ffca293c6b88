namespace OAuth2.Functional;

/// <summary>Content-type rules (spec §5.3): JSON is <c>application/json</c>, <c>application/*+json</c> or <c>application/*-json</c>.</summary>
internal static class MediaTypes
{
    public static bool IsJson(Option<string> contentType) => contentType.Map(IsJson).IfNone(false);

    public static bool IsJson(string contentType)
    {
        var semi = contentType.IndexOf(';');
        var media = (semi < 0 ? contentType.AsSpan() : contentType.AsSpan(0, semi)).Trim();
        const StringComparison ignoreCase = StringComparison.OrdinalIgnoreCase;
        if (!media.StartsWith("application/", ignoreCase)) return false;
        var sub = media["application/".Length..];
        return sub.Equals("json", ignoreCase) || (sub.Length > 5 && (sub.EndsWith("+json", ignoreCase) || sub.EndsWith("-json", ignoreCase)));
    }
}
