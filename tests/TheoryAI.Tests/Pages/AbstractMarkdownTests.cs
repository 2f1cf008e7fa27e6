using AngleSharp.Html.Parser;
using TheoryAI.Tests.Infrastructure;

namespace TheoryAI.Tests.Pages;

public sealed class AbstractMarkdownTests : IDisposable
{
    private readonly SiteFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_talk_page_shows_script_links_in_an_abstract_as_text_and_demotes_its_headings()
    {
        var client = _factory.CreateClient();
        using (var db = _factory.CreateDb())
        {
            var talk = db.Talks.Single(t => t.Number == 1);
            talk.AbstractMarkdown = "# Results\n\nSee [the demo](javascript:alert(1)) and [notes](https://example.org/notes).";
            await db.SaveChangesAsync();
            // Edits change the draft; the public views show it once it is published.
            await _factory.PublishAsync();
        }
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/talks/1"));
        var hrefs = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").ToList();
        Assert.DoesNotContain(hrefs, h => h.Contains("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("https://example.org/notes", hrefs);
        Assert.Contains("See the demo and", page.Body!.TextContent);
        Assert.Contains(page.QuerySelectorAll("h3"), h => h.TextContent == "Results");
        Assert.Single(page.QuerySelectorAll("h1"));
    }
}
