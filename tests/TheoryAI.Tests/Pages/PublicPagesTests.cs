using System.Net;
using AngleSharp.Html.Parser;
using TheoryAI.Tests.Infrastructure;

namespace TheoryAI.Tests.Pages;

public sealed class PublicPagesTests(SeededSite site) : IClassFixture<SeededSite>
{
    private static readonly HtmlParser Parser = new();

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> GetPageAsync(string url)
    {
        var response = await site.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Home_page_shows_the_event_its_days_and_links()
    {
        var page = await GetPageAsync("/");
        Assert.Equal("Theory + AI Workshop: Theoretical Physics for AI", page.QuerySelector("h1")?.TextContent);
        var text = page.Body!.TextContent;
        Assert.Contains("9–11 April 2025", text);
        Assert.Contains("Perimeter Institute for Theoretical Physics", text);
        Assert.Contains("31 Caroline Street North", text);
        Assert.Contains("theoretical physics for AI", text);
        var dayLinks = page.QuerySelectorAll(".days a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/programme/2025-04-09", "/programme/2025-04-10", "/programme/2025-04-11"], dayLinks);
        var links = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToHashSet();
        Assert.Contains("/programme", links);
        Assert.Contains("/speakers", links);
        Assert.Contains("/venue", links);
        Assert.Contains("Sabrina Pasterski (Perimeter Institute)", text);
        Assert.Contains("Hiranya Peiris (University of Cambridge)", text);
    }

    [Fact]
    public async Task Programme_shows_every_entry_with_time_kind_speakers_and_room()
    {
        var page = await GetPageAsync("/programme");
        var rows = page.QuerySelectorAll("li.entry").ToList();
        Assert.Equal(29, rows.Count);
        Assert.Equal(3, page.QuerySelectorAll("section.day").Length);

        var bordelon = rows.Single(r => r.TextContent.Contains("Scaling Limits for Learning: Dynamics and Statics"));
        Assert.Equal("09:45–10:30", bordelon.QuerySelector(".entry__time")!.TextContent.Trim());
        Assert.Contains("Blake Bordelon", bordelon.TextContent);
        Assert.Contains("(Harvard University)", bordelon.TextContent);
        Assert.Contains("PI/4-400 Space Room", bordelon.TextContent);
        Assert.Equal("Talk", bordelon.QuerySelector(".entry__kind")!.TextContent);
        Assert.Equal("2025-04-09T09:45:00-04:00", bordelon.QuerySelector("time")!.GetAttribute("datetime"));

        var lunch = rows.First(r => r.TextContent.Contains("Lunch - Upper Bistro Dining Room"));
        Assert.Contains("entry--intermission", lunch.ClassName);
        Assert.DoesNotContain("entry--intermission", bordelon.ClassName);
        Assert.Contains("Times are in Eastern Daylight Time (America/Toronto)", page.Body!.TextContent);
    }

    [Fact]
    public async Task Programme_shows_every_title_and_speaker_of_the_seed()
    {
        var seed = TheoryAI.Web.Data.Seed.SeedReader.Read(TestFiles.SeedFile);
        var text = (await GetPageAsync("/programme")).Body!.TextContent;
        foreach (var session in seed.Sessions)
        {
            Assert.Contains(session.Title, text);
            foreach (var speaker in session.Talk?.Speakers ?? [])
            {
                Assert.Contains(speaker.Speaker.Name, text);
            }
        }
    }

    [Fact]
    public async Task A_day_page_shows_only_that_day()
    {
        var page = await GetPageAsync("/programme/2025-04-11");
        var text = page.Body!.TextContent;
        Assert.Equal("Friday 11 April 2025", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("NN/QFT correspondence", text);
        Assert.Contains("Friday Social", text);
        Assert.DoesNotContain("Scaling Limits for Learning", text);
        Assert.Equal(7, page.QuerySelectorAll("li.entry").Length);
    }

    [Fact]
    public async Task Talk_page_shows_speakers_time_room_capacity_abstract_recording_and_neighbours()
    {
        var page = await GetPageAsync("/talks/3");
        Assert.Equal("Causal Inference Meets Quantum Physics", page.QuerySelector("h1")?.TextContent);
        var text = page.Body!.TextContent;
        Assert.Contains("Robert Spekkens", text);
        Assert.Contains("Wednesday 9 April 2025", text);
        Assert.Contains("11:00", text);
        Assert.Contains("11:45", text);
        Assert.Contains("PI/4-400 Space Room", text);
        Assert.Contains("48 seats", text);
        Assert.Contains("Bell's theorem", text);
        Assert.NotNull(page.QuerySelector("a[href='https://pirsa.org/25040086']"));
        Assert.Equal("/talks/2", page.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal("/talks/4", page.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        var raw = await site.Client.GetStringAsync("/talks/10");
        Assert.Contains("École Normale Supérieure - PSL", raw);
    }

    [Fact]
    public async Task Talk_without_abstract_says_so()
    {
        var text = (await GetPageAsync("/talks/8")).Body!.TextContent;
        Assert.Contains("Cengiz Pehlevan", text);
        Assert.Contains("No abstract has been published", text);
    }

    [Fact]
    public async Task A_discussion_has_no_abstract_section()
    {
        var page = await GetPageAsync("/talks/4");
        Assert.Equal("Discussion", page.QuerySelector("h1")?.TextContent);
        Assert.Null(page.QuerySelector("#abstract-heading"));
        Assert.DoesNotContain("No abstract has been published", page.Body!.TextContent);
    }

    [Fact]
    public async Task Speakers_page_lists_everyone_including_the_speaker_without_a_talk()
    {
        var page = await GetPageAsync("/speakers");
        var items = page.QuerySelectorAll(".speakers > li").ToList();
        Assert.Equal(12, items.Count);
        var krotov = items.Single(i => i.TextContent.Contains("Dmitry Krotov"));
        Assert.Contains("IBM", krotov.TextContent);
        Assert.Contains("no talk scheduled", krotov.TextContent);
        Assert.Single(items, i => i.TextContent.Contains("Spekkens"));
    }

    [Fact]
    public async Task Speaker_page_lists_their_talks()
    {
        var page = await GetPageAsync("/speakers/robert-spekkens");
        Assert.Equal("Robert Spekkens", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("Perimeter Institute", page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/talks/3']"));

        var krotov = await GetPageAsync("/speakers/dmitry-krotov");
        Assert.Contains("no talk in the programme", krotov.Body!.TextContent);
    }

    [Fact]
    public async Task Venue_lists_rooms_with_capacities_and_their_uses()
    {
        var page = await GetPageAsync("/venue");
        var rooms = page.QuerySelectorAll("section.room").ToList();
        Assert.Equal(4, rooms.Count);
        var atrium = rooms.Single(r => r.QuerySelector("h3")!.TextContent.Contains("Atrium"));
        Assert.Contains("205 seats", atrium.TextContent);
        Assert.Equal(5, atrium.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Lower Bistro", page.Body!.TextContent);
        Assert.Contains("120 seats", page.Body!.TextContent);
        Assert.Contains("Registration", page.QuerySelector("main")!.TextContent);
    }

    [Theory]
    [InlineData("/talks/99")]
    [InlineData("/talks/0")]
    [InlineData("/talks/-1")]
    [InlineData("/talks/99999999999999999999")]
    [InlineData("/talks/abc")]
    [InlineData("/speakers/nobody")]
    [InlineData("/speakers/a%2Fb")]
    [InlineData("/programme/2025-04-12")]
    [InlineData("/programme/2025-13-45")]
    [InlineData("/programme/tomorrow")]
    [InlineData("/no/such/page")]
    public async Task Unknown_addresses_get_a_helpful_404(string url)
    {
        var response = await site.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Page not found", page.QuerySelector("h1")?.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/programme']"));
    }

    [Fact]
    public async Task While_the_event_runs_the_current_and_next_entries_are_marked()
    {
        await using var running = new SiteFactory();
        // 10:00 in Toronto (EDT, UTC-4) on the first day: Bordelon's talk runs, the coffee break is next.
        running.Clock.SetUtcNow(new DateTimeOffset(2025, 4, 9, 14, 0, 0, TimeSpan.Zero));
        var html = await running.CreateClient().GetStringAsync("/programme");
        var page = Parser.ParseDocument(html);
        var now = Assert.Single(page.QuerySelectorAll("li.entry--now"));
        Assert.Contains("Scaling Limits for Learning", now.TextContent);
        var next = Assert.Single(page.QuerySelectorAll("li.entry--next"));
        Assert.Contains("Break - Coffee Station", next.TextContent);

        running.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 1, 14, 0, 0, TimeSpan.Zero));
        var after = Parser.ParseDocument(await running.CreateClient().GetStringAsync("/programme"));
        Assert.Empty(after.QuerySelectorAll("li.entry--now, li.entry--next"));
    }
}
