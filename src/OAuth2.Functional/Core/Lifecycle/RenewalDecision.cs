namespace OAuth2.Functional;

/// <summary>What a token source does with its cached state at an instant (the result of <see cref="RenewalPolicy.Decide"/>).</summary>
public abstract record RenewalDecision
{
    private RenewalDecision() { }

    /// <summary>Hand out the cached token; nothing else to do.</summary>
    public sealed record Use : RenewalDecision;

    /// <summary>Hand out the cached token at once and start one background renewal (refresh-ahead).</summary>
    public sealed record UseAndRenewAhead : RenewalDecision;

    /// <summary>No usable token: callers wait for one shared renewal.</summary>
    public sealed record Renew : RenewalDecision;

    /// <summary>No usable token and the server asked us (<c>Retry-After</c>) not to come back before <paramref name="Until"/>:
    /// callers get the last failure without a request.</summary>
    public sealed record Wait(DateTimeOffset Until) : RenewalDecision;

    /// <summary>How far along the token's life this decision is (0 use, 1 renew ahead, 2 wait, 3 renew); for a fixed state
    /// it never decreases as time passes.</summary>
    public int Rank => this switch { Use => 0, UseAndRenewAhead => 1, Wait => 2, _ => 3 };

    internal static readonly RenewalDecision UseIt = new Use();
    internal static readonly RenewalDecision Ahead = new UseAndRenewAhead();
    internal static readonly RenewalDecision RenewIt = new Renew();
}
