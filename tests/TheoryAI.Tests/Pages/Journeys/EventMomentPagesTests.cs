using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using TheoryAI.Tests.Infrastructure;

namespace TheoryAI.Tests.Pages.Journeys;

/// <summary>Before, during and after the event: what is on now and next, the programme opening on today, and the
/// recordings once it is over (each test its own site, as the clock moves).</summary>
public sealed class EventMomentPagesTests
{
    private static readonly HtmlParser Parser = new();

    // Thursday 10 April 2025, 09:40 in Toronto (EDT, UTC-4): talk 8 ends at 09:45, talk 9 starts then.
    private static readonly DateTimeOffset ThursdayMorning = new(2025, 4, 10, 13, 40, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AfterTheEvent = new(2025, 4, 14, 12, 0, 0, TimeSpan.Zero);

    private static async Task<IHtmlDocument> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private static string Text(IHtmlDocument page, string selector) =>
        string.Join(" ", (page.QuerySelector(selector)?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task On_the_events_morning_home_talk_and_agenda_pages_say_what_is_on_now_and_next()
    {
        await using var site = new SiteFactory();
        site.Clock.SetUtcNow(ThursdayMorning);
        var client = site.CreateClient();

        var home = await GetAsync(client, "/");
        var now = Text(home, ".now-next__item--now");
        Assert.Contains("On now until 09:45 (5 min left)", now);
        Assert.Contains("Solvable models of scaling and emergence in deep learning", now);
        var next = Text(home, ".now-next__item--next");
        Assert.Contains("Next, in 5 min at 09:45", next);
        Assert.Contains("Architectural bias in a transport-based generative model", next);
        Assert.Equal("/programme/2025-04-10", home.QuerySelector(".now-next a[href^='/programme/']")!.GetAttribute("href"));

        var running = await GetAsync(client, "/talks/8");
        Assert.Contains("On now until 09:45 (5 min left)", Text(running, ".talk__status"));
        var coming = await GetAsync(client, "/talks/9");
        Assert.Contains("Next, in 5 min at 09:45", Text(coming, ".talk__status"));
        Assert.Contains("Solvable models of scaling", Text(coming, ".now-next"));

        var agenda = await GetAsync(client, "/agenda?talks=8,9,10");
        Assert.Contains("On now", Text(agenda, "li.agenda-item--now[data-talk='8']"));
        Assert.Contains("Next, in 5 min", Text(agenda, "li.agenda-item--next[data-talk='9']"));
        Assert.Empty(agenda.QuerySelectorAll("li.agenda-item[data-talk='10'].agenda-item--now, li.agenda-item[data-talk='10'].agenda-item--next"));
    }

    [Fact]
    public async Task During_the_event_the_programme_opens_on_today_and_all_days_stay_one_link_away()
    {
        await using var site = new SiteFactory();
        site.Clock.SetUtcNow(ThursdayMorning);
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/programme");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/programme/2025-04-10", response.Headers.Location?.OriginalString);

        var today = await GetAsync(client, "/programme/2025-04-10");
        var allDays = today.QuerySelectorAll(".day-nav a").Single(a => a.TextContent == "All days");
        Assert.Equal("/programme?days=all", allDays.GetAttribute("href"));
        var all = await GetAsync(client, "/programme?days=all");
        Assert.Equal(3, all.QuerySelectorAll("section.day").Length);
    }

    [Fact]
    public async Task Before_the_event_the_programme_shows_every_day_and_no_now_next_box()
    {
        await using var site = new SiteFactory();
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var programme = await GetAsync(client, "/programme");
        Assert.Equal(3, programme.QuerySelectorAll("section.day").Length);
        Assert.Empty((await GetAsync(client, "/")).QuerySelectorAll(".now-next, .event-over"));
        Assert.Empty(programme.QuerySelectorAll("a.watch-link"));
    }

    [Fact]
    public async Task After_the_event_home_says_it_is_over_and_rows_speaker_and_agenda_pages_link_the_recordings()
    {
        await using var site = new SiteFactory();
        var client = site.CreateClient();
        // A copy cached before the event must not be served after it.
        Assert.Empty((await GetAsync(client, "/")).QuerySelectorAll(".event-over"));
        site.Clock.SetUtcNow(AfterTheEvent);

        var home = await GetAsync(client, "/");
        Assert.Contains("The workshop is over", Text(home, ".event-over"));
        var recordings = home.QuerySelector(".event-over a")!;
        Assert.Equal("/programme?days=all", recordings.GetAttribute("href"));
        Assert.Contains("watch the recordings", recordings.TextContent);

        var programme = await GetAsync(client, "/programme");
        var watch = programme.QuerySelector("#" + programme.QuerySelectorAll("li.entry").First(li => li.TextContent.Contains("Scaling Limits for Learning")).Id + " a.watch-link")!;
        Assert.Equal("https://pirsa.org/25040085", watch.GetAttribute("href"));
        Assert.Equal("Watch the recording of Scaling Limits for Learning: Dynamics and Statics", watch.TextContent);

        var speaker = await GetAsync(client, "/speakers/blake-bordelon");
        Assert.Equal("https://pirsa.org/25040085", speaker.QuerySelector("a.watch-link")!.GetAttribute("href"));

        var agenda = await GetAsync(client, "/agenda?talks=2,3");
        Assert.Equal(2, agenda.QuerySelectorAll("li.agenda-item a.watch-link").Length);
    }

    [Fact]
    public async Task A_talk_page_links_its_recording_in_words_not_as_a_raw_address()
    {
        await using var site = new SiteFactory();
        var talk = await GetAsync(site.CreateClient(), "/talks/2");
        var links = talk.QuerySelectorAll("a[href='https://pirsa.org/25040085']");
        Assert.NotEmpty(links);
        Assert.All(links, a => Assert.StartsWith("Watch the recording", a.TextContent));
        Assert.DoesNotContain(">https://pirsa.org", talk.DocumentElement.OuterHtml);
    }
}
