using Microsoft.EntityFrameworkCore;

namespace OAuth2.Functional.DevServer;

/// <summary>The EF Core in-memory store behind OpenIddict (applications, authorizations, tokens).</summary>
internal sealed class DevDbContext(DbContextOptions<DevDbContext> options) : DbContext(options);
