using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Export.Static;
using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Export.Static;

/// <summary>Issue 16 item 3: the visitor-independent views as files under the same addresses.</summary>
public sealed class StaticPublishTests : IAsyncLifetime
{
    private readonly SiteFactory _site = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "theoryai-tests", $"static-{Guid.NewGuid():N}");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task<ProgrammeSnapshot> PublishAsync()
    {
        await using var scope = _site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StaticPublisher>().PublishAsync(_site.CreateClient(), _folder);
        return await scope.ServiceProvider.GetRequiredService<ProgrammeReader>().GetAsync();
    }

    [Fact]
    public async Task Every_published_file_holds_the_bytes_the_site_serves_at_its_address()
    {
        var programme = await PublishAsync();
        var client = _site.CreateClient();
        var paths = StaticSite.Paths(programme);

        Assert.Contains("/talks/2", paths);
        Assert.Contains("/programme/2025-04-09.ics", paths);
        Assert.Contains("/booklet.pdf", paths);
        Assert.Contains("/schedule.json", paths);
        foreach (var path in paths)
        {
            var served = await client.GetByteArrayAsync(path);
            var file = Path.Combine(_folder, StaticSite.FileOf(path));
            Assert.True(File.Exists(file), $"{path} was not published");
            var written = await File.ReadAllBytesAsync(file);
            Assert.True(served.SequenceEqual(written), $"{path}: the file differs from what the site serves");
        }
        Assert.True(File.Exists(Path.Combine(_folder, "index.html")));
        Assert.True(File.Exists(Path.Combine(_folder, "programme", "index.html")));
        Assert.True(File.Exists(Path.Combine(_folder, "css", "site.css")));
        Assert.True(File.Exists(Path.Combine(_folder, "js", "now-next.js")));
    }

    [Fact]
    public async Task A_deleted_talk_is_gone_from_the_next_publication()
    {
        await PublishAsync();
        Assert.True(File.Exists(Path.Combine(_folder, "talks", "2", "index.html")));
        await using (var db = _site.CreateDb())
        {
            db.Talks.Remove(await db.Talks.SingleAsync(t => t.Number == 2));
            await db.SaveChangesAsync();
        }
        await _site.PublishAsync();

        await PublishAsync();

        Assert.False(File.Exists(Path.Combine(_folder, "talks", "2", "index.html")));
        Assert.False(File.Exists(Path.Combine(_folder, "talks", "2.ics")));
        Assert.True(File.Exists(Path.Combine(_folder, "talks", "3", "index.html")));
    }

    [Fact]
    public async Task During_the_event_the_published_programme_leaves_now_and_next_to_the_page_script()
    {
        var programme = await _site.Services.CreateScope().ServiceProvider.GetRequiredService<ProgrammeReader>().GetAsync();
        var talk = programme.Talks.First();
        _site.Clock.SetUtcNow(talk.StartUtc.AddMinutes(1));

        var served = await _site.CreateClient().GetStringAsync("/programme");
        await PublishAsync();
        var published = await File.ReadAllTextAsync(Path.Combine(_folder, "programme", "index.html"));

        Assert.Contains("entry--now", served);
        Assert.DoesNotContain("entry--now", published);
        Assert.DoesNotContain("entry--next", published);
        Assert.Contains("now-next.js", published);
        Assert.Contains(talk.Title, published);
    }
}
