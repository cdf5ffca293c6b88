using Microsoft.Extensions.Options;

namespace OAuth2.Functional.Hosting;

/// <summary>Checks one named client's options at start-up (<c>ValidateOnStart</c>), listing every problem at once.</summary>
internal sealed class ClientOptionsValidator(string name) : IValidateOptions<OAuth2ClientOptions>
{
    public ValidateOptionsResult Validate(string? optionsName, OAuth2ClientOptions options)
    {
        if (optionsName != name) return ValidateOptionsResult.Skip;
        var problems = ClientOptionsMapping.Problems(options);
        return problems.IsEmpty
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Map(p => $"OAuth2 client \"{name}\": {p}"));
    }
}
