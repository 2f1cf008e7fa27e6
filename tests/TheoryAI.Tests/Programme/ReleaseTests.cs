using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using TheoryAI.Tests.Export.Booklet;
using TheoryAI.Tests.Export.Calendar;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Data;
using TheoryAI.Web.Data.Seed;

namespace TheoryAI.Tests.Programme;

/// <summary>Organizers edit a draft through the real forms; attendees see only what is published.</summary>
public sealed class ReleaseTests
{
    private const string Talk2 = "Scaling Limits for Learning: Dynamics and Statics";

    private static readonly string[] PublicViews =
    [
        "/", "/programme/2025-04-09", "/programme/2025-04-10", "/talks/2", "/talks/10", "/speakers", "/agenda?talks=2,10",
        "/changes", "/changes.atom", "/calendar.ics", "/talks/2.ics", "/talks/10.ics", "/programme/2025-04-09.ics",
        "/agenda.ics?talks=2,10", "/booklet.pdf",
    ];

    private static async Task<HtmlForm> TalkFormAsync(OrganizerSite site, HttpClient organizer, int number) =>
        await HtmlForm.LoadAsync(organizer, $"/admin/talks/edit/{site.SessionOfTalk(number)}", "#edit-form");

    private static async Task SavedAsync(HtmlForm form)
    {
        var response = await form.SubmitAsync();
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            Assert.Fail(await OrganizerSite.ErrorsOf(response));
        }
    }

    /// <summary>Every public view's bytes: from the output cache (anonymous) and rendered afresh (a request the cache
    /// never serves, as it carries credentials).</summary>
    private static async Task<Dictionary<string, byte[]>> PublicBytesAsync(OrganizerSite site)
    {
        var cached = site.CreateClient();
        var fresh = site.CreateClient();
        fresh.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-session");
        var bytes = new Dictionary<string, byte[]>();
        foreach (var url in PublicViews)
        {
            foreach (var (client, how) in new[] { (cached, "cached"), (fresh, "fresh") })
            {
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
                bytes[$"{how} {url}"] = await response.Content.ReadAsByteArrayAsync();
            }
        }
        return bytes;
    }

    [Fact]
    public async Task Nothing_public_changes_before_publish_and_everything_does_after()
    {
        using var site = new OrganizerSite();
        var organizer = await site.SignedInOrganizerAsync("drafter@example.org");
        var before = await PublicBytesAsync(site);

        await SavedAsync((await TalkFormAsync(site, organizer, 2)).Set("Input.Date", "2025-04-11").Set("Input.StartTime", "07:00").Set("Input.EndTime", "07:45"));
        await SavedAsync((await TalkFormAsync(site, organizer, 10)).Set("Input.Cancelled", "true"));
        site.Clock.Advance(TimeSpan.FromMinutes(5));

        var during = await PublicBytesAsync(site);
        foreach (var (view, body) in before)
        {
            Assert.True(body.AsSpan().SequenceEqual(during[view]), $"{view} changed before Publish");
        }

        // The organizers see their draft, marked as such and kept out of search engines.
        var preview = await HtmlForm.GetDocumentAsync(organizer, "/admin/preview");
        Assert.Contains("Draft preview, not public", preview.QuerySelector(".draft-banner")!.TextContent);
        Assert.Equal("noindex, nofollow", preview.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        var moved = preview.QuerySelector($"#entry-{site.SessionOfTalk(2)}")!;
        Assert.Equal("07:00–07:45", moved.QuerySelector(".entry__time")!.TextContent.Trim());
        Assert.Contains("Cancelled", preview.QuerySelector($"#entry-{site.SessionOfTalk(10)}")!.TextContent);
        var publishPage = await HtmlForm.GetDocumentAsync(organizer, "/admin/publish");
        Assert.Contains($"Moved: talk 2, “{Talk2}”: Wednesday 9 April 2025, 09:45 -> Friday 11 April 2025, 07:00, Toronto time.", publishPage.Body!.TextContent);

        await OrganizerSite.PublishedAsync(organizer, note: "Talk 2 moves to Friday morning.");

        var after = await PublicBytesAsync(site);
        foreach (var view in PublicViews.Where(v => v is not ("/speakers")))
        {
            Assert.False(before[$"cached {view}"].AsSpan().SequenceEqual(after[$"cached {view}"]), $"{view} did not change at Publish");
        }
        var friday = await HtmlForm.GetDocumentAsync(site.CreateClient(), "/programme/2025-04-11");
        Assert.Equal("07:00–07:45", friday.QuerySelector($"#entry-{site.SessionOfTalk(2)}")!.QuerySelector(".entry__time")!.TextContent.Trim());
        var changes = await HtmlForm.GetDocumentAsync(site.CreateClient(), "/changes");
        Assert.Contains("Talk 2 moves to Friday morning.", changes.QuerySelector("#release-2")!.TextContent);
    }

    [Fact]
    public async Task The_changelog_says_each_kind_of_change_in_plain_words_with_year_and_zone()
    {
        using var site = new OrganizerSite();
        var organizer = await site.SignedInOrganizerAsync("words@example.org");

        await SavedAsync((await TalkFormAsync(site, organizer, 2)).Set("Input.StartTime", "07:00").Set("Input.EndTime", "07:45"));
        await SavedAsync((await TalkFormAsync(site, organizer, 3)).Set("Input.RoomId", site.RoomId("PI/1-124").ToString()));
        await SavedAsync((await TalkFormAsync(site, organizer, 5)).Set("Input.Title", "Creativity by Composition"));
        await SavedAsync((await TalkFormAsync(site, organizer, 6)).Set("Input.NewSpeakerName", "Ada Example"));
        await SavedAsync((await TalkFormAsync(site, organizer, 8)).Set("Input.AbstractMarkdown", "A new abstract."));
        await SavedAsync((await TalkFormAsync(site, organizer, 10)).Set("Input.Cancelled", "true"));
        await SavedAsync((await HtmlForm.LoadAsync(organizer, "/admin/sessions/edit", "#edit-form"))
            .Set("Input.Kind", "Social").Set("Input.Title", "Poster session").Set("Input.Date", "2025-04-09")
            .Set("Input.StartTime", "17:00").Set("Input.EndTime", "17:45").Set("Input.RoomId", ""));
        await OrganizerSite.PublishedAsync(organizer, name: "Wednesday update");

        var page = await HtmlForm.GetDocumentAsync(site.CreateClient(), "/changes");
        var release = page.QuerySelector("#release-2")!;
        Assert.Contains("Version Wednesday update", release.QuerySelector("h2")!.TextContent);
        var lines = release.QuerySelectorAll("li.change").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains($"Moved: talk 2, “{Talk2}”: Wednesday 9 April 2025, 09:45 -> 07:00, Toronto time.", lines);
        Assert.Contains(lines, l => l.StartsWith("Room changed: talk 3, “Causal Inference Meets Quantum Physics”: PI/4-400 ", StringComparison.Ordinal) && l.Contains("-> PI/1-124 "));
        Assert.Contains("Renamed: “Creativity by Compositionality in Generative Diffusion Models” is now “Creativity by Composition”.", lines);
        Assert.Contains(lines, l => l.StartsWith("Speakers changed: talk 6, ", StringComparison.Ordinal) && l.EndsWith(", Ada Example.", StringComparison.Ordinal));
        Assert.Contains("Abstract updated: talk 8, “Solvable models of scaling and emergence in deep learning”.", lines);
        Assert.Contains("Cancelled: talk 10, “Statistical physics of learning with two-layer neural networks”, Thursday 10 April 2025, 11:00, Toronto time.", lines);
        Assert.Contains("New: “Poster session” on Wednesday 9 April 2025, 17:00–17:45, Toronto time.", lines);
        Assert.Equal(7, lines.Count);
        Assert.Equal("/talks/2", release.QuerySelector("li.change a")!.GetAttribute("href"));
        foreach (var internalName in new[] { "AbstractMarkdown", "TimeChanged", "RoomId", "Cancelled: Cancelled", "SessionKind", "True", "False", "words@example.org" })
        {
            Assert.DoesNotContain(internalName, page.Body!.TextContent, StringComparison.Ordinal);
        }

        await SavedAsync((await TalkFormAsync(site, organizer, 10)).Set("Input.Cancelled", "false"));
        await OrganizerSite.PublishedAsync(organizer);
        var feed = XDocument.Parse(await site.CreateClient().GetStringAsync("/changes.atom"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        Assert.Equal(["Version 3", "Version Wednesday update", "Version 1"], entries.Select(e => e.Element(atom + "title")!.Value));
        Assert.Equal("http://localhost/changes#release-3", entries[0].Element(atom + "link")!.Attribute("href")!.Value);
        Assert.Contains("Back in the programme: talk 10, “Statistical physics of learning with two-layer neural networks”, Thursday 10 April 2025, 11:00, Toronto time.",
            entries[0].Element(atom + "summary")!.Value);
    }

    [Fact]
    public async Task A_cancelled_talk_stays_labelled_and_calendars_get_status_cancelled_with_a_higher_sequence()
    {
        using var site = new OrganizerSite();
        var organizer = await site.SignedInOrganizerAsync("canceller@example.org");
        var anonymous = site.CreateClient();
        var before = (await IcalJs.ParseAsync(await anonymous.GetStringAsync("/talks/10.ics"))).Events.Single();
        Assert.Null(before.Status);

        await SavedAsync((await TalkFormAsync(site, organizer, 10)).Set("Input.Cancelled", "true"));
        site.Clock.Advance(TimeSpan.FromMinutes(10));
        await OrganizerSite.PublishedAsync(organizer);

        foreach (var url in new[] { "/talks/10.ics", "/calendar.ics", "/agenda.ics?talks=10" })
        {
            var cancelled = (await IcalJs.ParseAsync(await anonymous.GetStringAsync(url))).Events.Single(e => e.Uid == before.Uid);
            Assert.Equal("CANCELLED", cancelled.Status);
            Assert.Equal(before.Sequence + 1, cancelled.Sequence);
            Assert.Equal(site.Clock.GetUtcNow(), cancelled.Dtstamp);
            Assert.Equal(before.StartUtc, cancelled.StartUtc);
        }
        var talkPage = await HtmlForm.GetDocumentAsync(anonymous, "/talks/10");
        Assert.Contains("Cancelled", talkPage.QuerySelector(".cancelled-notice")!.TextContent);
        var thursday = await HtmlForm.GetDocumentAsync(anonymous, "/programme/2025-04-10");
        var row = thursday.QuerySelector($"#entry-{site.SessionOfTalk(10)}")!;
        Assert.Equal("Cancelled", row.QuerySelector(".mark--cancelled")!.TextContent);
        Assert.StartsWith("11:00–11:45", row.QuerySelector(".entry__time")!.TextContent.Trim(), StringComparison.Ordinal);
        var agenda = await HtmlForm.GetDocumentAsync(anonymous, "/agenda?talks=10");
        Assert.Equal("Cancelled", agenda.QuerySelector("li.agenda-item[data-talk='10'] .mark--cancelled")!.TextContent);
        Assert.Null(agenda.QuerySelector(".agenda__missing"));
        using (var booklet = new BookletPdf(await anonymous.GetByteArrayAsync("/booklet.pdf")))
        {
            Assert.Contains("Cancelled: Statistical physics of learning", BookletPdf.Normalize(booklet.AllText));
        }

        // What was published is cancelled, never deleted.
        var delete = await HtmlForm.GetDocumentAsync(organizer, $"/admin/talks/edit/{site.SessionOfTalk(10)}?handler=Delete");
        Assert.Contains("is in the published programme, so it cannot be deleted", delete.Body!.TextContent);
        Assert.Null(delete.QuerySelector("form button.danger"));
    }

    [Fact]
    public async Task A_swap_may_pass_through_a_clash_in_the_draft_but_publish_refuses_while_one_remains()
    {
        using var site = new OrganizerSite();
        var organizer = await site.SignedInOrganizerAsync("swapper@example.org");

        // Swap talks 2 (09:45) and 3 (11:00): the first save leaves both at 09:45 in PI/4-400.
        var first = await (await TalkFormAsync(site, organizer, 3)).Set("Input.StartTime", "09:45").Set("Input.EndTime", "10:30").SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var admin = await HtmlForm.GetDocumentAsync(organizer, "/admin");
        Assert.Contains($"Warning: saved in the draft with a clash. Room: PI/4-400", admin.QuerySelector(".notice")!.TextContent);

        var refused = await OrganizerSite.PublishAsync(organizer);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await HtmlForm.ParseAsync(refused);
        Assert.Contains("Nothing was published: the draft still has clashes.", page.QuerySelector(".form-errors")!.TextContent);
        var clash = page.QuerySelectorAll("ul.clashes li").Single();
        Assert.Contains($"is already used by “{Talk2}”", clash.TextContent);
        Assert.Equal($"/admin/talks/edit/{site.SessionOfTalk(3)}", clash.QuerySelector("a")!.GetAttribute("href"));
        var talk3 = await HtmlForm.GetDocumentAsync(site.CreateClient(), "/talks/3");
        Assert.Contains("11:00", talk3.QuerySelector(".time-range")!.TextContent);

        await SavedAsync((await TalkFormAsync(site, organizer, 2)).Set("Input.StartTime", "11:00").Set("Input.EndTime", "11:45"));
        await OrganizerSite.PublishedAsync(organizer);
        talk3 = await HtmlForm.GetDocumentAsync(site.CreateClient(), "/talks/3");
        Assert.Contains("09:45", talk3.QuerySelector(".time-range")!.TextContent);
    }

    [Fact]
    public async Task Sequence_rises_exactly_when_time_room_title_or_status_change_and_seed_replace_never_lowers_it()
    {
        using var site = new OrganizerSite();
        var organizer = await site.SignedInOrganizerAsync("sequencer@example.org");
        var anonymous = site.CreateClient();
        async Task<IcalJsEvent> Talk2Async() => (await IcalJs.ParseAsync(await anonymous.GetStringAsync("/talks/2.ics"))).Events.Single();
        var first = await Talk2Async();

        await SavedAsync((await TalkFormAsync(site, organizer, 2)).Set("Input.AbstractMarkdown", "Only the abstract changes."));
        site.Clock.Advance(TimeSpan.FromMinutes(10));
        await OrganizerSite.PublishedAsync(organizer);
        var abstractOnly = await Talk2Async();
        Assert.Equal(first.Sequence, abstractOnly.Sequence);
        Assert.Equal(first.LastModified, abstractOnly.LastModified);

        // Two saves in the draft, one release: one step.
        await SavedAsync((await TalkFormAsync(site, organizer, 2)).Set("Input.Title", "Scaling Limits"));
        await SavedAsync((await TalkFormAsync(site, organizer, 2)).Set("Input.Title", "Scaling Limits, revised"));
        site.Clock.Advance(TimeSpan.FromMinutes(10));
        await OrganizerSite.PublishedAsync(organizer);
        var renamed = await Talk2Async();
        Assert.Equal(first.Sequence + 1, renamed.Sequence);
        Assert.Equal(site.Clock.GetUtcNow(), renamed.LastModified);
        Assert.Equal(site.Clock.GetUtcNow(), renamed.Dtstamp);
        Assert.Equal(first.Uid, renamed.Uid);

        await OrganizerSite.PublishedAsync(organizer);
        Assert.Equal(renamed.Sequence, (await Talk2Async()).Sequence);

        // The seed gives the talk its old title back: a revision, one more step, never back to the seed's own value.
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SeedImporter>().ReplaceAsync(TestFiles.SeedFile);
        }
        var reseeded = await Talk2Async();
        Assert.Equal(Talk2, reseeded.Summary);
        Assert.Equal(renamed.Sequence + 1, reseeded.Sequence);
        Assert.Equal(first.Uid, reseeded.Uid);
    }

    [Fact]
    public async Task A_store_made_by_the_previous_migrations_is_upgraded_with_its_programme_as_release_1()
    {
        var path = TestFiles.NewDatabasePath();
        string calendarBefore;
        int sessions, changes;
        try
        {
            using (var old = new OrganizerSite(path, ownsDatabase: false))
            {
                var organizer = await old.SignedInOrganizerAsync("keeper@example.org");
                await SavedAsync((await TalkFormAsync(old, organizer, 2)).Set("Input.Title", "Renamed before the upgrade"));
                await OrganizerSite.PublishedAsync(organizer);
                calendarBefore = await old.CreateClient().GetStringAsync("/calendar.ics");
                await using var scope = old.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ConferenceDb>();
                sessions = await db.Sessions.CountAsync();
                changes = await db.Changes.CountAsync();
                // Back to the schema the previous version of the site made and used: no releases, no cancellations.
                await db.GetService<IMigrator>().MigrateAsync("20261129034514_InitialCreate");
            }
            using var upgraded = new OrganizerSite(path, ownsDatabase: false);
            var anonymous = upgraded.CreateClient();
            Assert.Equal(calendarBefore, await anonymous.GetStringAsync("/calendar.ics"));
            using (var db = upgraded.CreateDb())
            {
                Assert.Equal([1], await db.Releases.Select(r => r.Number).ToListAsync());
                Assert.Equal(sessions, await db.Sessions.CountAsync());
                Assert.Equal(changes, await db.Changes.CountAsync());
            }
            var talk = await HtmlForm.GetDocumentAsync(anonymous, "/talks/2");
            Assert.Equal("Renamed before the upgrade", talk.QuerySelector("h1")!.TextContent);
            // The organizer account survives, and the upgraded programme publishes (its accepted room sharing is no clash).
            var client = upgraded.NewClient();
            Assert.Equal(HttpStatusCode.Redirect, (await OrganizerSite.SignInAsync(client, "keeper@example.org")).StatusCode);
            await OrganizerSite.PublishedAsync(client);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TestFiles.DeleteDatabase(path);
        }
    }
}
