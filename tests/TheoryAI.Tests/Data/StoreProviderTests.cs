using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Data;
using TheoryAI.Web.Infrastructure;

namespace TheoryAI.Tests.Data;

/// <summary>Issue 16 item 1: one model, one migration set per store; several nodes on one store.</summary>
public sealed class StoreProviderTests
{
    /// <summary>
    /// A model change needs a migration in each set: <c>dotnet ef migrations add Name --context ConferenceDb</c> (Sqlite,
    /// Data/Migrations) and <c>--context PostgresConferenceDb --output-dir Data/Migrations/Postgres</c> (README).
    /// Neither needs a server to be checked.
    /// </summary>
    [Fact]
    public void The_sqlite_migrations_cover_the_whole_model()
    {
        using var db = new ConferenceDb(new DbContextOptionsBuilder<ConferenceDb>().UseSqlite("Data Source=:memory:").Options, TimeProvider.System);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes without a Sqlite migration: dotnet ef migrations add <Name> --project src/TheoryAI.Web --context ConferenceDb");
    }

    [Fact]
    public void The_postgres_migrations_cover_the_whole_model()
    {
        using var db = new PostgresConferenceDbDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes without a PostgreSQL migration: dotnet ef migrations add <Name> --project src/TheoryAI.Web --context PostgresConferenceDb --output-dir Data/Migrations/Postgres");
    }

    [Fact]
    public void Each_store_has_its_own_migration_set()
    {
        using var sqlite = new ConferenceDb(new DbContextOptionsBuilder<ConferenceDb>().UseSqlite("Data Source=:memory:").Options, TimeProvider.System);
        using var postgres = new PostgresConferenceDbDesignTimeFactory().CreateDbContext([]);
        var sqliteMigrations = sqlite.GetService<IMigrationsAssembly>().Migrations.Values;
        var postgresMigrations = postgres.GetService<IMigrationsAssembly>().Migrations.Values;

        Assert.NotEmpty(sqliteMigrations);
        Assert.NotEmpty(postgresMigrations);
        Assert.All(sqliteMigrations, m => Assert.Equal("TheoryAI.Web.Data.Migrations", m.Namespace));
        Assert.All(postgresMigrations, m => Assert.Equal("TheoryAI.Web.Data.Migrations.Postgres", m.Namespace));
    }

    [Fact]
    public void An_unknown_store_is_refused_with_a_message_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Conference:Database", "oracle")]).Build();
        var error = Assert.Throws<StoreStartupException>(() => { ConferenceStore.Provider(configuration); });
        Assert.Contains("Conference:Database", error.Message);
        Assert.Contains("postgres", error.Message);
    }

    [Fact]
    public async Task Two_nodes_starting_at_once_on_an_empty_store_migrate_it_and_import_the_seed_once()
    {
        var path = TestFiles.NewDatabasePath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            await using var first = new SiteFactory(path, ownsDatabase: false);
            await using var second = new SiteFactory(path, ownsDatabase: false);
            var starts = new[] { first, second }.Select(node => Task.Run(() => node.CreateClient())).ToArray();
            var clients = await Task.WhenAll(starts);

            foreach (var client in clients)
            {
                var page = await client.GetAsync("/programme");
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            }
            await using var db = first.CreateDb();
            Assert.Equal(1, await db.Events.CountAsync());
            Assert.Equal(29, await db.Sessions.CountAsync());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            TestStore.Delete(path);
        }
    }

    [Fact]
    public async Task A_sign_in_made_on_one_node_is_accepted_by_another_on_the_same_store()
    {
        var path = TestFiles.NewDatabasePath();
        try
        {
            await using var nodeA = new SiteFactory(path, ownsDatabase: false);
            await using var nodeB = new SiteFactory(path, ownsDatabase: false);
            var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
            nodeA.CreateClient();
            await using (var scope = nodeA.Services.CreateAsyncScope())
            {
                Assert.Equal(0, await ConferenceCommands.AddOrganizerAsync(scope.ServiceProvider, ["--email", "nodes@example.org"],
                    new StringReader(""), OrganizerSite.Password, TextWriter.Null, TextWriter.Null));
            }

            var signIn = await OrganizerSite.SignInAsync(nodeA.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }),
                "nodes@example.org");
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            var cookies = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

            var onB = nodeB.CreateClient(options);
            using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
            request.Headers.Add("Cookie", cookies);
            var admin = await onB.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        }
        finally
        {
            TestStore.Delete(path);
        }
    }
}
