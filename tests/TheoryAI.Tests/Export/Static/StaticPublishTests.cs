using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Export.Static;
using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Export.Static;

/// <summary>Issue 16 item 3: the visitor-independent views as files under the same addresses.</summary>
public sealed class StaticPublishTests : IAsyncLifetime
{
    private SiteFactory _site = new();
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
        var paths = StaticSite.Paths(programme, releaseCount: 1);

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

    [Fact]
    public async Task Every_page_of_the_changes_is_published_and_its_links_are_files()
    {
        // 24 releases after the seed's: 25 in all, three pages of ten.
        for (var i = 1; i <= 24; i++)
        {
            await using (var db = _site.CreateDb())
            {
                (await db.Sessions.SingleAsync(s => s.Talk!.Number == 2)).Title = $"Talk {i}";
                await db.SaveChangesAsync();
            }
            await _site.PublishAsync();
        }

        await PublishAsync();

        Assert.True(File.Exists(Path.Combine(_folder, "changes", "index.html")));
        Assert.True(File.Exists(Path.Combine(_folder, "changes", "page", "2", "index.html")));
        var third = await File.ReadAllTextAsync(Path.Combine(_folder, "changes", "page", "3", "index.html"));
        Assert.Contains("The first published programme.", third);
        Assert.False(Directory.Exists(Path.Combine(_folder, "changes", "page", "4")));
        // Every pager link, from every page, is a published file (no query string a static host would ignore).
        var parser = new HtmlParser();
        foreach (var page in new[] { "changes/index.html", "changes/page/2/index.html", "changes/page/3/index.html" })
        {
            var document = await parser.ParseDocumentAsync(await File.ReadAllTextAsync(Path.Combine(_folder, page)));
            var links = document.QuerySelectorAll(".pager a").Select(a => a.GetAttribute("href")!).ToList();
            Assert.NotEmpty(links);
            foreach (var link in links)
            {
                Assert.DoesNotContain("?", link);
                Assert.True(File.Exists(Path.Combine(_folder, StaticSite.FileOf(link))), $"{page} links to {link}, which was not published");
            }
        }
    }

    [Fact]
    public async Task Under_a_path_base_the_published_pages_link_under_it_to_files_of_the_folder()
    {
        await _site.DisposeAsync();
        _site = new PathBaseSite();

        var programme = await PublishAsync();

        var published = StaticSite.Paths(programme, releaseCount: 1).ToHashSet();
        var parser = new HtmlParser();
        var pages = Directory.EnumerateFiles(_folder, "index.html", SearchOption.AllDirectories).ToList();
        Assert.True(pages.Count > 20, $"only {pages.Count} pages published");
        var checkedLinks = 0;
        foreach (var page in pages)
        {
            var document = await parser.ParseDocumentAsync(await File.ReadAllTextAsync(page));
            var targets = document.QuerySelectorAll("a[href], link[href], script[src], img[src]")
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
                .Where(t => t.StartsWith('/'));
            foreach (var target in targets)
            {
                var relative = Path.GetRelativePath(_folder, page);
                Assert.True(target == PathBaseSite.Base || target.StartsWith(PathBaseSite.Base + "/", StringComparison.Ordinal), $"{relative} links to {target}");
                var path = "/" + target[PathBaseSite.Base.Length..].TrimStart('/').Split('#')[0].Split('?')[0];
                // The views this folder holds resolve to its files; personal views, search and sign-in stay on the nodes.
                if (published.Contains(path) || path.StartsWith("/css/", StringComparison.Ordinal) || path.StartsWith("/js/", StringComparison.Ordinal))
                {
                    Assert.True(File.Exists(Path.Combine(_folder, StaticSite.FileOf(path))), $"{relative} links to {target}, which is not in the folder");
                    checkedLinks++;
                }
            }
        }
        Assert.True(checkedLinks > 100, $"only {checkedLinks} links checked");
        Assert.True(File.Exists(Path.Combine(_folder, "programme", "index.html")));
        Assert.False(Directory.Exists(Path.Combine(_folder, PathBaseSite.Base.Trim('/'))));
    }

    private sealed class PathBaseSite : SiteFactory
    {
        public const string Base = "/theoryai";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Conference:PathBase", Base);
        }
    }
}
