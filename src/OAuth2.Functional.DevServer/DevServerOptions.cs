namespace OAuth2.Functional.DevServer;

/// <summary>Settings of the embedded server. Short lifetimes make expiry and refresh testable in seconds.</summary>
public sealed record DevServerOptions
{
    /// <summary>The defaults: one-hour access tokens, 14-day refresh tokens, five-minute codes, a free port.</summary>
    public static DevServerOptions Default { get; } = new();

    /// <summary>Access token lifetime (default one hour).</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Refresh token lifetime (default 14 days).</summary>
    public TimeSpan RefreshTokenLifetime { get; init; } = TimeSpan.FromDays(14);

    /// <summary>Authorization code lifetime (default five minutes).</summary>
    public TimeSpan AuthorizationCodeLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>When true, the server refuses authorization requests that were not pushed first (RFC 9126 §5) and says so in its
    /// metadata (<c>require_pushed_authorization_requests</c>). Default false.</summary>
    public bool RequirePushedAuthorizationRequests { get; init; }

    /// <summary>The loopback port; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }
}
