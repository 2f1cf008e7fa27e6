using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Infrastructure;

/// <summary>
/// The programme version as the response cache sees it, without a query per request. The version read from the store
/// is reused until this process writes to the store (<see cref="StoreWriteWatcher"/> sees every command and commit of
/// the site's contexts) or, for writers outside this process (the <c>seed --replace</c> command), for at most
/// <see cref="MaxAge"/>.
/// </summary>
public sealed class ProgrammeVersionProbe
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private sealed record Reading(long Version, long Generation, long Timestamp);

    private long _generation;
    private Reading? _last;

    /// <summary>The store may have changed: the next request reads the version again.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    public async ValueTask<long?> GetVersionAsync(IServiceProvider requestServices, CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        var last = Volatile.Read(ref _last);
        if (last is not null && last.Generation == generation && Stopwatch.GetElapsedTime(last.Timestamp) < MaxAge)
        {
            return last.Version;
        }
        var version = await requestServices.GetRequiredService<ProgrammeReader>().GetVersionAsync(cancellationToken);
        if (version is long current)
        {
            // Stamped with the generation seen before the query: a write during the query makes this reading stale.
            Volatile.Write(ref _last, new Reading(current, generation, Stopwatch.GetTimestamp()));
        }
        return version;
    }
}

/// <summary>Tells the <see cref="ProgrammeVersionProbe"/> about every write and commit of this process's contexts.</summary>
public sealed class StoreWriteWatcher(ProgrammeVersionProbe probe) : DbCommandInterceptor, IDbTransactionInterceptor
{
    private void Saw(DbCommand command)
    {
        var sql = command.CommandText.AsSpan().TrimStart();
        if (!sql.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !sql.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase))
        {
            probe.Invalidate();
        }
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        probe.Invalidate();
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        probe.Invalidate();
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Saw(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        DbDataReader result, CancellationToken cancellationToken = default)
    {
        Saw(command);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Saw(command);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        Saw(command);
        return ValueTask.FromResult(result);
    }

    // A write inside a transaction becomes visible to other connections only at the commit.
    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        probe.Invalidate();

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken)
    {
        probe.Invalidate();
        return Task.CompletedTask;
    }
}
