using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TheoryAI.Web.Data;

namespace TheoryAI.Web.Infrastructure;

/// <summary>
/// Readiness: the store can be read and written. It reads the migration history and commits, in a write transaction
/// (Sqlite: BEGIN IMMEDIATE), a write that changes nothing (a full disk or a read-only file fail it). It writes no
/// programme entity, so the programme caches do not see a change. The SQL is the same on every provider.
/// </summary>
public sealed class StoreHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ConferenceDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            await db.Database.ExecuteSqlRawAsync("""SELECT count(*) FROM "__EFMigrationsHistory" """, cancellationToken);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "__EFMigrationsHistory" SET "ProductVersion" = "ProductVersion" """, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException or StoreStartupException)
        {
            return HealthCheckResult.Unhealthy("The store cannot be read or written: " + e.Message);
        }
    }
}
