using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TheoryAI.Web.Data;

/// <summary>
/// The store on PostgreSQL (Conference:Database = postgres): the model of <see cref="ConferenceDb"/>, its own migrations
/// (Data/Migrations/Postgres, as EF Core keeps one migration set per provider: one context type each), and the
/// data-protection keys, so every node behind the proxy signs and reads the same cookies and form tokens.
/// </summary>
public sealed class PostgresConferenceDb(DbContextOptions<PostgresConferenceDb> options, TimeProvider clock)
    : ConferenceDb(options, clock), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Session times are the venue's wall clock (DateTimeKind.Unspecified): "timestamp without time zone". The
        // instants (…Utc, the lockout end) keep Npgsql's default, "timestamp with time zone".
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            if (property.ClrType == typeof(DateTime) && !property.Name.EndsWith("Utc", StringComparison.Ordinal))
            {
                property.SetColumnType("timestamp without time zone");
            }
        }
    }
}

/// <summary>
/// For <c>dotnet ef migrations add Name --context PostgresConferenceDb --output-dir Data/Migrations/Postgres</c>:
/// adding a migration needs the provider, not a server.
/// </summary>
public sealed class PostgresConferenceDbDesignTimeFactory : IDesignTimeDbContextFactory<PostgresConferenceDb>
{
    public PostgresConferenceDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresConferenceDb>().UseNpgsql("Host=localhost").Options, TimeProvider.System);
}

/// <summary>
/// For <c>dotnet ef migrations add Name --context ConferenceDb</c> (the Sqlite set, Data/Migrations): without it the
/// tools would take the PostgreSQL factory above for the base type too. The store is the site's default file.
/// </summary>
public sealed class ConferenceDbDesignTimeFactory : IDesignTimeDbContextFactory<ConferenceDb>
{
    public ConferenceDb CreateDbContext(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var connectionString = Infrastructure.ConferenceStore.ResolveConnectionString(configuration, Directory.GetCurrentDirectory());
        return new(new DbContextOptionsBuilder<ConferenceDb>().UseSqlite(connectionString).Options, TimeProvider.System);
    }
}
