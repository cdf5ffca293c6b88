namespace OAuth2.Functional;

/// <summary>Content-type rules (spec §5.3): JSON is <c>application/json</c>, <c>application/*+json</c> or <c>application/*-json</c>.</summary>
internal static class MediaTypes
{
    public static bool IsJson(Option<string> contentType) => contentType.Map(IsJson).IfNone(false);

    public static bool IsJson(string contentType)
    {
        var semi = contentType.IndexOf(';');
        var media = (semi < 0 ? contentType : contentType[..semi]).Trim().ToLowerInvariant();
        if (!media.StartsWith("application/", StringComparison.Ordinal)) return false;
        var sub = media["application/".Length..];
        return sub == "json" || (sub.Length > 5 && (sub.EndsWith("+json", StringComparison.Ordinal) || sub.EndsWith("-json", StringComparison.Ordinal)));
    }
}
