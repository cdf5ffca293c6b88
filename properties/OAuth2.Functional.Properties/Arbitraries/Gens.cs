using FsCheck;
using FsCheck.Fluent;

namespace OAuth2.Functional.Properties.Arbitraries;

/// <summary>Generators for OAuth shapes. Strings are generated on purpose across Unicode (FsCheck 3's default string
/// generator stays within ASCII and never yields null; STYLE (d) 21).</summary>
public static class Gens
{
    /// <summary>One well-formed code point: mostly printable ASCII, also controls, BMP text and astral planes (emoji).</summary>
    public static Gen<string> CodePoint { get; } = Gen.Frequency(
        (6, Gen.Choose(0x20, 0x7E)),
        (1, Gen.Choose(0x00, 0x1F)),
        (2, Gen.Choose(0xA0, 0xD7FF)),
        (1, Gen.Choose(0xE000, 0xFFFD)),
        (1, Gen.Choose(0x10000, 0x10FFFF))).Select(char.ConvertFromUtf32);

    /// <summary>Well-formed Unicode text (no lone surrogates), empty included.</summary>
    public static Gen<string> UnicodeText { get; } = CodePoint.ListOf().Select(cs => string.Concat(cs));

    /// <summary>Non-empty Unicode text.</summary>
    public static Gen<string> NonEmptyUnicode { get; } = UnicodeText.Where(s => s.Length > 0);

    /// <summary>Printable ASCII (what client id and secret may hold).</summary>
    public static Gen<string> PrintableAscii { get; } = Gen.Choose(0x20, 0x7E).Select(c => (char)c).ListOf().Select(cs => new string(cs.ToArray()));

    /// <summary>Any instant a <see cref="DateTimeOffset"/> can hold, at millisecond precision, edges included.</summary>
    public static Gen<DateTimeOffset> Instant { get; } = Gen.Frequency(
        (8, Gen.Choose(-2_000_000, 2_000_000).Two().Select(t => DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(
            1_704_067_200_000L + (long)t.Item1 * 1_000_000L + t.Item2, -62_135_596_800_000L, 253_402_300_799_999L)))),
        (1, Gen.Elements(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, DateTimeOffset.UnixEpoch)),
        (1, ArbMap.Default.GeneratorFor<DateTimeOffset>()));

    /// <summary>Any window, including negative, zero and extreme spans.</summary>
    public static Gen<TimeSpan> Window { get; } = Gen.Frequency(
        (6, Gen.Choose(-100_000, 100_000).Select(s => TimeSpan.FromMilliseconds(s * 37L))),
        (1, Gen.Elements(TimeSpan.Zero, TimeSpan.MinValue, TimeSpan.MaxValue)),
        (2, ArbMap.Default.GeneratorFor<long>().Select(TimeSpan.FromTicks)));

    /// <summary>Parameter names for the authorize URL that are not the library's own.</summary>
    public static Gen<string> ParamName { get; } = NonEmptyUnicode.Where(n => n is not ("response_type" or "client_id"));

    /// <summary>Status codes across every class.</summary>
    public static Gen<int> Status { get; } = Gen.Frequency((3, Gen.Choose(100, 599)), (1, Gen.Elements(200, 201, 204, 302, 400, 401, 500)), (1, Gen.Choose(-5, 1000)));

    /// <summary>Content types, JSON-like and not, with odd casing and parameters.</summary>
    public static Gen<string?> ContentType { get; } = Gen.Elements<string?>(
        null, "", "application/json", "APPLICATION/JSON; charset=utf-8", "application/vnd.api+json", "text/html", "text/json",
        "application/x-www-form-urlencoded", "application/json;;;", "multipart/form-data; boundary=x", "application/-json");

    private static Gen<string> JsonValue { get; } = Gen.OneOf(
        UnicodeText.Select(Quote),
        Gen.Elements("null", "true", "false", "[]", "{}", "0", "-1", "1e400", "-1e400", "3600.9", "1e3", "\"3600\"", "\"abc\"",
            "\"\"", "\"  12x\"", "\"99999999999999999999999\"", "\"2024-01-01\"", "\"Mon, 01 Jan 2024 00:01:00 GMT\"", "[1,[2,{}]]"),
        ArbMap.Default.GeneratorFor<long>().Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ArbMap.Default.GeneratorFor<double>().Where(double.IsFinite).Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>A token-shaped JSON object with hostile members (and sometimes not an object at all, or truncated).</summary>
    public static Gen<string> TokenJson { get; } =
        from names in Gen.Elements("access_token", "token_type", "refresh_token", "expires_in", "expires_at", "scope", "error", "error_description", "x")
            .ListOf()
        from values in JsonValue.ListOf(names.Count)
        from shape in Gen.Choose(0, 9)
        let obj = "{" + string.Join(",", names.Zip(values, (n, v) => Quote(n) + ":" + v)) + "}"
        select shape switch { 0 => "[" + obj + "]", 1 => obj[..(obj.Length / 2)], 2 => "\uFEFF" + obj, _ => obj };

    /// <summary>Hostile values: deep nesting, very long strings, top-level primitives.</summary>
    public static Gen<string> Hostile { get; } = Gen.OneOf(
        Gen.Choose(1, 300).Select(d => "{\"access_token\":\"a\",\"x\":" + new string('[', d) + new string(']', d) + "}"),
        Gen.Choose(1, 300).Select(d => new string('[', d) + new string(']', d)),
        Gen.Choose(1_000, 200_000).Select(n => "{\"access_token\":\"" + new string('t', n) + "\",\"expires_in\":\"" + new string('9', n % 400) + "\"}"),
        Gen.Elements("null", "true", "0", "-1e999", "\"token\"", "[]", "{}", "{\"access_token\":null}", "{\"access_token\":{}}",
            "{\"access_token\":\"a\",\"access_token\":5}", "{\"error\":null,\"access_token\":\"a\"}", "{\"error\":{\"message\":\"x\"}}"));

    /// <summary>Response bodies: random bytes, random text, hostile shapes, and token JSON with mutated members (sometimes
    /// with an invalid UTF-8 byte spliced in).</summary>
    public static Gen<byte[]> Body { get; } = Gen.Frequency(
        (2, ArbMap.Default.GeneratorFor<byte[]>()),
        (2, UnicodeText.Select(s => System.Text.Encoding.UTF8.GetBytes(s))),
        (2, Hostile.Select(s => System.Text.Encoding.UTF8.GetBytes(s))),
        (4, TokenJson.Select(s => System.Text.Encoding.UTF8.GetBytes(s))),
        (1, TokenJson.SelectMany(s => Gen.Choose(0, Math.Max(0, s.Length - 1)).Select(at =>
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(s).ToList();
            bytes.Insert(Math.Min(at, bytes.Count), 0xFF);
            return bytes.ToArray();
        }))));

    private static string Quote(string s) => System.Text.Json.JsonSerializer.Serialize(s);
}
