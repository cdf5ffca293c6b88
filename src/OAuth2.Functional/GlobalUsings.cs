global using LanguageExt;
global using static LanguageExt.Prelude;
global using SendHttp = System.Func<OAuth2.Functional.HttpRequestSpec, System.Threading.CancellationToken, System.Threading.Tasks.Task<LanguageExt.Either<OAuth2.Functional.OAuthError, OAuth2.Functional.HttpResponseSpec>>>;
