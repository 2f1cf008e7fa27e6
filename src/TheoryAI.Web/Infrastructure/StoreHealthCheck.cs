using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TheoryAI.Web.Infrastructure;

/// <summary>
/// Readiness: the store can be read and written. It reads the migration history and commits a write that changes
/// nothing (a full disk or a read-only file fail it), on its own connection, so the programme caches do not see a write.
/// </summary>
public sealed class StoreHealthCheck(IConfiguration configuration, IWebHostEnvironment environment) : IHealthCheck
{
    private static readonly string[] Probe =
    [
        """SELECT count(*) FROM "__EFMigrationsHistory" """,
        "BEGIN IMMEDIATE",
        """UPDATE "__EFMigrationsHistory" SET "ProductVersion" = "ProductVersion" """,
        "COMMIT",
    ];

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new SqliteConnection(ConferenceStore.ResolveConnectionString(configuration, environment.ContentRootPath));
            await connection.OpenAsync(cancellationToken);
            foreach (var sql in Probe)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is SqliteException or IOException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The store cannot be read or written: " + e.Message);
        }
    }
}
