using Microsoft.Extensions.Logging.Abstractions;
using TheoryAI.Web.Data;
using TheoryAI.Web.Data.Seed;
using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Infrastructure;

/// <summary>An empty store of its own (a migrated Sqlite file or PostgreSQL database), without a web host: import into it, read it back.</summary>
public sealed class ScratchStore : IAsyncDisposable
{
    private readonly string _path = TestFiles.NewDatabasePath();

    private ScratchStore()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        Db = TestStore.CreateDb(_path);
        Importer = new SeedImporter(Db, NullLogger<SeedImporter>.Instance);
    }

    public ConferenceDb Db { get; }
    public SeedImporter Importer { get; }

    public static async Task<ScratchStore> CreateAsync()
    {
        var store = new ScratchStore();
        await store.Importer.MigrateAsync();
        return store;
    }

    /// <summary>A store holding this programme.</summary>
    public static async Task<ScratchStore> WithAsync(SeedProgramme programme)
    {
        var store = await CreateAsync();
        Assert.Equal(SeedOutcome.Imported, await store.Importer.ImportIfEmptyAsync(programme, "test"));
        return store;
    }

    public Task<ProgrammeSnapshot> SnapshotAsync() => ProgrammeReader.LoadAsync(Db);

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        TestStore.Delete(_path);
    }
}
