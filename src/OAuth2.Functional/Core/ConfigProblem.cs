namespace OAuth2.Functional;

/// <summary>One configuration problem: the field path (<c>auth.tokenHost</c>, <c>client.id</c>, …) and what is wrong with it.</summary>
/// <param name="Field">The dotted path of the offending option, as simple-oauth2 names it.</param>
/// <param name="Problem">What is wrong, phrased to follow the field name (<c>is required</c>).</param>
public sealed record ConfigProblem(string Field, string Problem)
{
    /// <summary>Formats as <c>"auth.tokenHost" is required</c>, the way simple-oauth2 (Joi) words it.</summary>
    public override string ToString() => $"\"{Field}\" {Problem}";
}
