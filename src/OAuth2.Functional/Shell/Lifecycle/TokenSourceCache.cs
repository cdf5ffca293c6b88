using System.Collections.Concurrent;

namespace OAuth2.Functional;

/// <summary>
/// One <see cref="TokenSource"/> per set of parameters, over one grant client: sources for different scopes or resources
/// never hand out each other's tokens, whatever the concurrency, because each key has its own source and a source never
/// changes its parameters. Keys compare parameters by value (<see cref="TokenSourceKey"/>).
/// </summary>
public sealed class TokenSourceCache
{
    private readonly GrantClient client;
    private readonly TokenSourceOptions options;
    private readonly ConcurrentDictionary<TokenSourceKey, Lazy<TokenSource>> sources = new();

    private TokenSourceCache(GrantClient client, TokenSourceOptions options)
    {
        this.client = client;
        this.options = options;
    }

    /// <summary>A cache over <paramref name="client"/>; every source it makes uses <paramref name="options"/> (without
    /// its seed: a seed belongs to one set of parameters).</summary>
    public static Either<OAuthError, TokenSourceCache> Create(GrantClient client, TokenSourceOptions? options = null) =>
        from c in Optional(client).ToEither(OAuthError.Argument("client", "is required"))
        from o in TokenSource.Validated(options)
        select new TokenSourceCache(c, o with { Seed = None });

    /// <summary>The source for <paramref name="parameters"/>: the same instance for equal parameters.</summary>
    public TokenSource For(Parameters parameters) =>
        sources.GetOrAdd(TokenSourceKey.Of(client.Config, parameters ?? Parameters.Empty),
            key => new Lazy<TokenSource>(() => TokenSource.OverClient(client, key.Parameters, options))).Value;

    /// <summary>How many sources exist.</summary>
    public int Count => sources.Count;
}
