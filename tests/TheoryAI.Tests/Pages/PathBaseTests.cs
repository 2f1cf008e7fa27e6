using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using TheoryAI.Tests.Infrastructure;

namespace TheoryAI.Tests.Pages;

/// <summary>The site published under a path (Conference:PathBase), as behind a proxy.</summary>
public sealed class PathBaseSiteFactory : SiteFactory
{
    public const string PathBase = "/theory-ai";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Conference:PathBase", PathBase);
    }
}

public sealed class PathBaseTests : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly PathBaseSiteFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Every_link_on_the_public_pages_follows_the_path_base_and_answers()
    {
        var client = _factory.CreateClient();
        var start = PathBaseSiteFactory.PathBase + "/";
        var queue = new Queue<string>([start, PathBaseSiteFactory.PathBase + "/error/404", PathBaseSiteFactory.PathBase + "/agenda?talks=1,2"]);
        var seen = new HashSet<string>(queue);
        var pages = 0;
        while (queue.Count > 0)
        {
            var url = queue.Dequeue();
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotModified || url.EndsWith("/error/404", StringComparison.Ordinal),
                $"{url} answered {(int)response.StatusCode}");
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            pages++;
            var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            var targets = page.QuerySelectorAll("[href], [src], form[action]")
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src") ?? e.GetAttribute("action")!)
                .Where(t => !t.StartsWith('#') && !t.Contains("://", StringComparison.Ordinal) && !t.StartsWith("mailto:", StringComparison.Ordinal));
            foreach (var target in targets)
            {
                Assert.True(target == PathBaseSiteFactory.PathBase || target.StartsWith(PathBaseSiteFactory.PathBase + "/", StringComparison.Ordinal), $"{url} links to {target}");
                var path = target.Split('#')[0];
                if (!path.Contains("/admin", StringComparison.OrdinalIgnoreCase) && !path.Contains("/account", StringComparison.OrdinalIgnoreCase) && seen.Add(path))
                {
                    queue.Enqueue(path);
                }
            }
        }
        Assert.True(pages > 20, $"only {pages} pages crawled");
        Assert.Contains(PathBaseSiteFactory.PathBase + "/calendar.ics", seen);
        Assert.Contains(PathBaseSiteFactory.PathBase + "/booklet.pdf", seen);
        Assert.Contains(PathBaseSiteFactory.PathBase + "/programme/2025-04-09", seen);
    }

    [Fact]
    public async Task The_agenda_script_reads_the_path_base_from_the_page()
    {
        var page = await Parser.ParseDocumentAsync(await _factory.CreateClient().GetStringAsync(PathBaseSiteFactory.PathBase + "/programme"));
        Assert.Equal(PathBaseSiteFactory.PathBase + "/", page.DocumentElement.GetAttribute("data-base"));
    }
}
