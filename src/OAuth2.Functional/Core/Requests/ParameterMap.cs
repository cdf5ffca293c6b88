namespace OAuth2.Functional;

/// <summary>Builds the ordered parameter map shared by every request and the authorize URL (spec §3.3).</summary>
internal static class ParameterMap
{
    /// <summary>Checks the caller's parameters: no null parameters, names or values.</summary>
    public static Either<OAuthError, Seq<(string Name, ParamValue Value)>> Check(Parameters? parameters)
    {
        if (parameters?.NullArgument.Case is string argument) return OAuthError.Argument(argument, "is required");
        var items = parameters?.Items ?? Seq<(string, ParamValue)>();
        var index = 0;
        foreach (var (name, value) in items)
        {
            if (name is null) return OAuthError.Argument($"params[{index}]", "has a null name");
            if (!IsUsable(value)) return OAuthError.Argument($"params[{index}] ({name})", "has a null value");
            index++;
        }
        return items;
    }

    /// <summary>Base pairs first; a user pair named like a base pair replaces it in place; other pairs are appended.</summary>
    public static Seq<(string Name, string Value)> Overlay(
        Seq<(string Name, string Value)> basePairs, Seq<(string Name, ParamValue Value)> user, string separator)
    {
        var result = basePairs;
        foreach (var (name, value) in user)
        {
            var isBase = false;
            foreach (var b in basePairs) isBase |= b.Name == name;
            result = isBase ? SetInPlace(result, (name, value.Render(separator))) : result.Add((name, value.Render(separator)));
        }
        return result;
    }

    /// <summary>Replaces the value of the first pair with this name (dropping later ones), or appends the pair.</summary>
    public static Seq<(string Name, string Value)> SetInPlace(Seq<(string Name, string Value)> pairs, (string Name, string Value) pair)
    {
        var found = false;
        var result = Seq<(string Name, string Value)>();
        foreach (var p in pairs)
        {
            if (p.Name != pair.Name) result = result.Add(p);
            else if (!found) { result = result.Add(pair); found = true; }
        }
        return found ? result : result.Add(pair);
    }

    private static bool IsUsable(ParamValue? value) => value switch
    {
        ParamValue.Text t => t.Value is not null,
        ParamValue.ScopeList l => l.Items.ForAll(s => s is not null),
        _ => false,
    };
}
