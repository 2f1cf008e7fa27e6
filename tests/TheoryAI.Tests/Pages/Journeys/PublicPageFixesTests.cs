using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Data;

namespace TheoryAI.Tests.Pages.Journeys;

/// <summary>What a first visit tripped over: speaker pages, talk pages, the agenda's links, the venue.</summary>
public sealed class PublicPageFixesTests(OrganizerSite site) : IClassFixture<OrganizerSite>
{
    private static readonly HtmlParser Parser = new();

    private async Task<IHtmlDocument> GetAsync(string url)
    {
        var response = await site.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_speaker_page_names_the_day_of_each_talk_and_loads_the_agenda_script()
    {
        var page = await GetAsync("/speakers/blake-bordelon");
        var when = page.QuerySelector("li.entry .entry__time")!.TextContent;
        Assert.Matches(@"Wed 9 Apr\s+09:45–10:30", when);
        Assert.Contains(page.QuerySelectorAll("script"), s => s.GetAttribute("src")?.StartsWith("/js/agenda.js", StringComparison.Ordinal) == true);
        Assert.NotNull(page.QuerySelector("[data-local-time-toggle]"));
        // A day's own page does not repeat its date on every row.
        var day = await GetAsync("/programme/2025-04-09");
        Assert.Empty(day.QuerySelectorAll(".entry__day"));
    }

    [Fact]
    public async Task Speakers_of_a_talk_are_separated_by_a_comma_with_no_space_before_it()
    {
        using (var db = site.CreateDb())
        {
            var talk = await db.Talks.Include(t => t.Speakers).SingleAsync(t => t.Number == 5);
            var other = await db.Speakers.SingleAsync(s => s.Slug == "robert-spekkens");
            if (talk.Speakers.All(s => s.SpeakerId != other.Id))
            {
                talk.Speakers.Add(new TalkSpeaker { SpeakerId = other.Id, Position = talk.Speakers.Count });
                await db.SaveChangesAsync();
            }
        }
        await site.PublishAsync();
        var page = await GetAsync("/programme/2025-04-09");
        var speakers = page.QuerySelectorAll("li.entry").Single(li => li.QuerySelector("a[href='/talks/5']") is not null)
            .QuerySelector(".entry__speakers")!.TextContent;
        var text = Regex.Replace(speakers, @"\s+", " ").Trim();
        Assert.Matches(@"^[^,]+\([^)]+\), Robert Spekkens", text);
        Assert.DoesNotContain(" ,", text);
    }

    [Fact]
    public async Task A_talk_page_says_its_type_once()
    {
        var page = await GetAsync("/talks/2");
        Assert.Equal("Workshop Talk · no. 2", page.QuerySelector(".talk__kind")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_agenda_links_the_booklet_and_google_calendar_and_removes_a_talk_by_its_link()
    {
        var page = await GetAsync("/agenda?talks=2,3,5");
        Assert.Equal("/booklet.pdf?talks=2,3,5", page.QuerySelector("a.agenda-booklet")!.GetAttribute("href"));

        var two = page.QuerySelector("li.agenda-item[data-talk='2']")!;
        Assert.Equal("/agenda?talks=3,5", two.QuerySelector("a.agenda-remove")!.GetAttribute("href"));
        Assert.Equal("Remove from my agenda: Scaling Limits for Learning: Dynamics and Statics", two.QuerySelector("a.agenda-remove")!.TextContent);
        var google = new Uri(two.QuerySelector("a.google-calendar")!.GetAttribute("href")!);
        Assert.Equal("calendar.google.com", google.Host);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(google.Query);
        Assert.Equal("TEMPLATE", query["action"]);
        Assert.Equal("Scaling Limits for Learning: Dynamics and Statics", query["text"]);
        // 09:45–10:30 in Toronto (EDT) is 13:45–14:30 UTC.
        Assert.Equal("20250409T134500Z/20250409T143000Z", query["dates"]);
        Assert.Equal("America/Toronto", query["ctz"]);
        Assert.Contains("PI/4-400 Space Room", query["location"].ToString());
        Assert.EndsWith("/talks/2", query["details"].ToString());

        var last = await GetAsync("/agenda?talks=2");
        Assert.Equal("/agenda", last.QuerySelector("a.agenda-remove")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_venue_lists_the_main_room_first_and_links_the_address_to_a_map()
    {
        var page = await GetAsync("/venue");
        var rooms = page.QuerySelectorAll("section.room h3").Select(h => h.TextContent).ToList();
        Assert.StartsWith("Space Room", rooms[0]);
        var map = new Uri(page.QuerySelector("a.map-link")!.GetAttribute("href")!);
        Assert.Equal("www.openstreetmap.org", map.Host);
        Assert.Contains("31 Caroline Street North", Uri.UnescapeDataString(map.Query));
        Assert.Empty(page.QuerySelectorAll("script[src^='http'], iframe"));
        // Day and time stay whole when the cell wraps.
        Assert.All(page.QuerySelectorAll("td.room-uses__when > span"), span => Assert.Contains("nowrap", span.ClassName));
    }

    [Fact]
    public async Task Directions_written_in_the_event_editor_show_on_the_venue_page()
    {
        var organizer = await site.SignedInOrganizerAsync("directions@example.org");
        var form = await HtmlForm.LoadAsync(organizer, "/admin/event", "#edit-form");
        var response = await form.Set("Input.DirectionsMarkdown", "From **Waterloo station**, walk ten minutes north.").SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await site.PublishAsync();

        var page = await GetAsync("/venue");
        var directions = page.QuerySelector("section.directions")!;
        Assert.Equal("Getting there", directions.QuerySelector("h2")!.TextContent);
        Assert.Equal("Waterloo station", directions.QuerySelector("strong")!.TextContent);

        var again = await HtmlForm.GetDocumentAsync(organizer, "/admin/event");
        var field = again.QuerySelector("#Input_DirectionsMarkdown")!;
        Assert.Equal("5000", field.GetAttribute("data-maxlength"));
        Assert.Equal("at most 5,000 characters", again.QuerySelector($"#{field.GetAttribute("aria-describedby")}")!.TextContent);
    }
}
