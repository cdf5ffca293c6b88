using System.Text.Json;

namespace OAuth2.Functional;

/// <summary>Why some bytes are not a JSON object, as a type: the interpreters choose the error kind by matching on the
/// case, never on the text. <see cref="Reason"/> is the library's own sentence for the error message.</summary>
internal abstract record JsonProblem
{
    private JsonProblem() { }

    /// <summary>The library's own description of the problem.</summary>
    public abstract string Reason { get; }

    /// <summary>No JSON text at all (a <c>null</c> string).</summary>
    public sealed record Missing : JsonProblem
    {
        public override string Reason => "the JSON text is null";
    }

    /// <summary>Nothing but white space (or a byte order mark).</summary>
    public sealed record Empty : JsonProblem
    {
        public override string Reason => "the body is empty";
    }

    /// <summary>The bytes are not valid UTF-8.</summary>
    public sealed record NotUtf8 : JsonProblem
    {
        public override string Reason => "the body is not valid UTF-8";
    }

    /// <summary>The text is not valid JSON (too deep, truncated, stray characters).</summary>
    /// <param name="Detail">Where the JSON reader stopped (line and byte); never the body's own text.</param>
    public sealed record NotJson(string Detail) : JsonProblem
    {
        public override string Reason => $"the body is not valid JSON ({Detail})";
    }

    /// <summary>Valid JSON whose top-level value is not an object.</summary>
    /// <param name="Kind">The kind of the top-level value.</param>
    public sealed record NotAnObject(JsonValueKind Kind) : JsonProblem
    {
        public override string Reason => $"the JSON value is {JsonObjectReader.Describe(Kind)}, not an object";
    }
}
