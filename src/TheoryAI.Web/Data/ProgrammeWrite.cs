using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace TheoryAI.Web.Data;

/// <summary>
/// The one place that knows how the store serializes "check the rules, then save": the write transaction is taken
/// before the check, so a second organizer's check waits until the first save is committed and sees it.
/// </summary>
public static class ProgrammeWrite
{
    /// <summary>
    /// Begins the write unit. On Sqlite a serializable transaction from Microsoft.Data.Sqlite is <c>BEGIN IMMEDIATE</c>
    /// (the write lock is taken at once, not at the first write); on a server store such as PostgreSQL the same call
    /// is a serializable transaction, where a lost race surfaces as a serialization failure to retry.
    /// </summary>
    public static Task<IDbContextTransaction> BeginAsync(ConferenceDb db, CancellationToken cancellationToken) =>
        db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);

    /// <summary>The column a unique key refused (e.g. "Code" for "UNIQUE constraint failed: Rooms.Code"), or null.</summary>
    public static string? UniqueKeyColumn(DbUpdateException exception)
    {
        if (exception.InnerException is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } sqlite)
        {
            var columns = sqlite.Message[(sqlite.Message.LastIndexOf(':') + 1)..].Split(',', StringSplitOptions.TrimEntries);
            var column = columns[^1];
            return column[(column.LastIndexOf('.') + 1)..];
        }
        // PostgreSQL names the index: "IX_Rooms_Code" (EF Core's convention, IX_{table}_{columns}).
        if (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: { } index })
        {
            return index[(index.LastIndexOf('_') + 1)..];
        }
        return null;
    }

    /// <summary>
    /// Whether the store itself failed (disk full, read-only, I/O error, locked for too long, damaged) rather than the
    /// data being refused: the organizer's form is kept and the page says the save did not happen.
    /// </summary>
    public static bool IsStoreFailure(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is IOException)
            {
                return true;
            }
            // SQLITE_BUSY, LOCKED, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB (primary result codes)
            if (e is SqliteException sqlite && sqlite.SqliteErrorCode is 5 or 6 or 8 or 10 or 11 or 13 or 14 or 26)
            {
                return true;
            }
            // A lost serializable race (40001), a deadlock, the server's disk full, read-only, shutting down or gone.
            if (e is PostgresException
                {
                    SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
                    or PostgresErrorCodes.DiskFull or PostgresErrorCodes.ReadOnlySqlTransaction or PostgresErrorCodes.AdminShutdown
                    or PostgresErrorCodes.CannotConnectNow
                }
                || e is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A serializable write that lost a race with another (PostgreSQL: 40001, or a deadlock): check and save again.</summary>
    public static bool IsLostRace(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>What the organizer reads when the store failed; the exception itself goes to the log.</summary>
    public static string StoreFailureMessage(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException sqlite)
            {
                return sqlite.SqliteErrorCode switch
                {
                    13 => "Nothing was saved: the server's disk is full. Your changes are still in the form below; save again once space has been freed (tell the site's administrator).",
                    8 => "Nothing was saved: the programme's store is read-only at the moment. Your changes are still in the form below; tell the site's administrator, then save again.",
                    5 or 6 => "Nothing was saved: the programme's store was busy for too long. Your changes are still in the form below; save again in a moment.",
                    _ => "Nothing was saved: the programme's store could not be written. Your changes are still in the form below; save again later and tell the site's administrator.",
                };
            }
            if (e is PostgresException postgres)
            {
                return postgres.SqlState switch
                {
                    PostgresErrorCodes.DiskFull => "Nothing was saved: the server's disk is full. Your changes are still in the form below; save again once space has been freed (tell the site's administrator).",
                    PostgresErrorCodes.ReadOnlySqlTransaction => "Nothing was saved: the programme's store is read-only at the moment. Your changes are still in the form below; tell the site's administrator, then save again.",
                    PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected => "Nothing was saved: another organizer saved at the same moment. Your changes are still in the form below; save again.",
                    _ => "Nothing was saved: the programme's store could not be written. Your changes are still in the form below; save again later and tell the site's administrator.",
                };
            }
        }
        return "Nothing was saved: the programme's store could not be written. Your changes are still in the form below; save again later and tell the site's administrator.";
    }
}
