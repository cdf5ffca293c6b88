namespace OAuth2.Functional;

/// <summary>Request body encoding.</summary>
public enum BodyFormat
{
    /// <summary><c>application/x-www-form-urlencoded</c> (space as <c>%20</c>, like Node's querystring).</summary>
    Form,
    /// <summary><c>application/json</c>.</summary>
    Json,
}
