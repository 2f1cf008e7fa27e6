using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using TheoryAI.Tests.Infrastructure;

namespace TheoryAI.Tests.Security;

/// <summary>Issue 10 item 6: health tells when the store fails, and pages say so with a 503.</summary>
[Trait("Store", TestStore.SqliteOnly)]
public sealed class StoreFailureTests
{
    /// <summary>The site on a store it may only read, or on a file that is no database; no seeding at start.</summary>
    private sealed class BrokenStoreSite(string databasePath, string connectionString) : SiteFactory(databasePath)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Conference", connectionString);
            builder.UseSetting("Conference:SeedOnStart", "false");
        }
    }

    [Fact]
    public async Task Health_is_healthy_on_a_working_store()
    {
        using var site = new SiteFactory();
        var response = await site.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_is_unhealthy_when_the_store_cannot_be_written()
    {
        var path = TestFiles.NewDatabasePath();
        using (var seeded = new SiteFactory(path, ownsDatabase: false))
        {
            seeded.CreateClient();
        }
        SqliteConnection.ClearAllPools();
        using var site = new BrokenStoreSite(path, $"Data Source={path};Mode=ReadOnly");

        var response = await site.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unreadable_store_gives_a_clear_503_page_and_unhealthy()
    {
        var path = TestFiles.NewDatabasePath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, new string('x', 4096));
        using var site = new BrokenStoreSite(path, $"Data Source={path}");
        var client = site.CreateClient();

        var page = await client.GetAsync("/programme");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("The programme is unavailable", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
    }
}
