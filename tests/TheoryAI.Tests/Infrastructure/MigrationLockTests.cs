using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using TheoryAI.Web.Data;
using TheoryAI.Web.Data.Seed;

namespace TheoryAI.Tests.Infrastructure;

/// <summary>Nodes that start together on one empty store: one migrates and imports the seed, the others find it done.</summary>
public sealed class MigrationLockTests : IDisposable
{
    private readonly string _path = TestFiles.NewDatabasePath();

    public MigrationLockTests() => Directory.CreateDirectory(Path.GetDirectoryName(_path)!);

    public void Dispose() => TestStore.Delete(_path);

    [Fact]
    public async Task Four_starts_at_once_on_an_empty_store_all_succeed_and_the_seed_is_imported_once()
    {
        var dbs = Enumerable.Range(0, 4).Select(_ => TestStore.CreateDb(_path)).ToList();
        try
        {
            var starts = dbs.Select(db => Task.Run(() => new SeedImporter(db, NullLogger<SeedImporter>.Instance)
                .MigrateAndImportIfEmptyAsync(TestFiles.SeedFile))).ToList();
            var outcomes = await Task.WhenAll(starts);

            Assert.Single(outcomes, o => o == SeedOutcome.Imported);
            Assert.Equal(3, outcomes.Count(o => o == SeedOutcome.StoreAlreadyHoldsProgramme));
            await using var check = TestStore.CreateDb(_path);
            Assert.Equal(1, await check.Events.CountAsync());
            Assert.Equal(1, await check.Releases.CountAsync());
            Assert.Empty(await check.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            foreach (var db in dbs)
            {
                await db.DisposeAsync();
            }
        }
    }

    [Fact]
    [Trait("Store", TestStore.PostgresOnly)]
    public async Task On_PostgreSQL_a_start_waits_for_the_migration_lock_and_then_finds_the_programme_there()
    {
        TestStore.RequirePostgresServer();
        await using var first = TestStore.CreateDb(_path);
        await using var second = TestStore.CreateDb(_path);
        var firstImporter = new SeedImporter(first, NullLogger<SeedImporter>.Instance);

        Task<SeedOutcome> waiting;
        await using (await StoreMigrationLock.AcquireAsync(first))
        {
            waiting = Task.Run(() => new SeedImporter(second, NullLogger<SeedImporter>.Instance).MigrateAndImportIfEmptyAsync(TestFiles.SeedFile));
            // The second start is queued on the advisory lock (PostgreSQL lists it as not granted) and has written nothing.
            await WaitForAsync(async () => await WaitingForLockAsync(first) == 1 || waiting.IsCompleted);
            Assert.False(waiting.IsCompleted, waiting.Exception?.ToString() ?? "the second start did not wait for the lock");
            Assert.Equal(SeedOutcome.Imported, await firstImporter.MigrateAndImportIfEmptyAsync(TestFiles.SeedFile));
            Assert.False(waiting.IsCompleted);
        }

        Assert.Equal(SeedOutcome.StoreAlreadyHoldsProgramme, await waiting);
        Assert.Equal(0, await WaitingForLockAsync(first));
        Assert.Equal(1, await first.Events.CountAsync());
        Assert.Equal(1, await first.Releases.CountAsync());
    }

    private static async Task<int> WaitingForLockAsync(ConferenceDb db) =>
        await db.Database.SqlQuery<int>(
            $"SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
            .SingleAsync();

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "gave up waiting after a minute");
            await Task.Delay(50);
        }
    }
}
