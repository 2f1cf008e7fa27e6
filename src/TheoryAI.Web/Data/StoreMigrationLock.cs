using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace TheoryAI.Web.Data;

/// <summary>
/// Serializes migration and the first seed import between processes that start at once on one store (several nodes,
/// or a node and the <c>migrate</c> command). On PostgreSQL it is a session advisory lock (<c>pg_advisory_lock</c>) on
/// one fixed key, taken on the context's connection, which stays open until the lock is released: a second process
/// waits until the first has migrated and imported, then finds nothing left to do. A process that dies loses its
/// session and with it the lock. EF Core's own migration lock did not keep two PostgreSQL nodes from applying a
/// migration at once, so this is the one place with SQL only PostgreSQL understands. On Sqlite nothing is taken: the
/// file's write lock already serializes a migration, and the import checks and writes in one serialized write.
/// </summary>
public static class StoreMigrationLock
{
    /// <summary>The lock's key, the same in every process: the ASCII letters "THEORYAI".</summary>
    public const long Key = 0x5448_454F_5259_4149;

    public static async Task<IAsyncDisposable> AcquireAsync(ConferenceDb db, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsNpgsql())
        {
            return NoLock.Instance;
        }
        await CreateDatabaseIfMissingAsync(db, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({Key})", cancellationToken);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
        return new AdvisoryLock(db);
    }

    /// <summary>The lock lives in the database, so the database must exist first; two processes may create it at once.</summary>
    private static async Task CreateDatabaseIfMissingAsync(ConferenceDb db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another process made it between the check and the create.
        }
    }

    private sealed class AdvisoryLock(ConferenceDb db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({Key})");
            }
            finally
            {
                // Closing ends nothing else: the pooled session is reset (DISCARD ALL), which drops any lock still held.
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
