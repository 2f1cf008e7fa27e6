using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TheoryAI.Web.Data;

namespace TheoryAI.Tests.Infrastructure;

/// <summary>
/// The real site on the test server, with its own Sqlite file or PostgreSQL database (<see cref="TestStore"/>; seeded from seed-data/ on first start) and a clock
/// the test controls. Dispose deletes the file.
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    public SiteFactory() : this(TestFiles.NewDatabasePath())
    {
    }

    /// <param name="databasePath">The Sqlite file; created and seeded on first start if it does not exist.</param>
    /// <param name="seedFile">Another seed file than the shipped one.</param>
    /// <param name="ownsDatabase">Whether disposing of the factory deletes the file.</param>
    public SiteFactory(string databasePath, string? seedFile = null, bool ownsDatabase = true)
    {
        DatabasePath = databasePath;
        SeedFile = seedFile;
        _ownsDatabase = ownsDatabase;
    }

    private readonly bool _ownsDatabase;

    public string DatabasePath { get; }
    public string? SeedFile { get; }

    /// <summary>"Now" as the site sees it; starts on a day before the seeded event (it can only move forward).</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The store's connection string: the Sqlite file, or its own PostgreSQL database (<see cref="TestStore"/>).</summary>
    public string ConnectionString => TestStore.ConnectionString(DatabasePath);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Conference", ConnectionString);
        if (TestStore.IsPostgres)
        {
            builder.UseSetting("Conference:Database", "postgres");
        }
        if (SeedFile is not null)
        {
            builder.UseSetting("Conference:SeedFile", SeedFile);
        }
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A context on the site's own database, for arranging and checking the store directly.</summary>
    public ConferenceDb CreateDb() => Services.CreateScope().ServiceProvider.GetRequiredService<ConferenceDb>();

    /// <summary>Publishes the draft as the next release, as the Publish page does, for tests that arrange the store
    /// directly (what they change is the draft until then).</summary>
    public async Task PublishAsync(string? name = null)
    {
        await using var scope = Services.CreateAsyncScope();
        await TheoryAI.Web.Programme.Releases.PublishAsync(scope.ServiceProvider.GetRequiredService<ConferenceDb>(), name, null, "test",
            Clock.GetUtcNow().UtcDateTime);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return; // from the finalizer: a store is dropped only by an orderly dispose, never on the finalizer thread
        }
        if (_ownsDatabase)
        {
            TestStore.Delete(DatabasePath);
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }
    }
}

public static class TestFiles
{
    public static string NewDatabasePath() =>
        Path.Combine(Path.GetTempPath(), "theoryai-tests", $"{Guid.NewGuid():N}.db");

    /// <summary>The seed file shipped with the site (linked into the build output).</summary>
    public static string SeedFile => Path.Combine(AppContext.BaseDirectory, "seed-data", "programme.yaml");

    public static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }
}
