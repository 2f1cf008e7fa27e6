using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Export.Calendar;

public sealed class CalendarFeedTests(SeededSite site) : IClassFixture<SeededSite>
{
    private const string EventUid = "@theory-ai-workshop-theoretical-physics-for-ai-2025";

    private static async Task<(string Text, byte[] Body, HttpResponseMessage Response)> GetFeedAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var body = await response.Content.ReadAsByteArrayAsync();
        IcsText.AssertWellFormed(body);
        return (System.Text.Encoding.UTF8.GetString(body), body, response);
    }

    private async Task<ProgrammeSnapshot> ProgrammeAsync(SiteFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ProgrammeReader>().GetAsync();
    }

    [Fact]
    public async Task Whole_programme_parses_in_ical_js_and_Ical_Net_with_every_instant_right()
    {
        var (text, _, _) = await GetFeedAsync(site.Client, "/calendar.ics");
        var programme = await ProgrammeAsync(site.Factory);

        var js = await IcalJs.ParseAsync(text);
        var net = IcsText.ParseWithIcalNet(text, out _);
        Assert.Equal(29, js.Events.Count);
        Assert.Equal(29, net.Count);
        Assert.Equal(29, js.Events.Select(e => e.Uid).Distinct().Count());

        var bordelon = Assert.Single(js.Events, e => e.Uid == "talk-2" + EventUid);
        Assert.Equal(new DateTimeOffset(2025, 4, 9, 13, 45, 0, TimeSpan.Zero), bordelon.StartUtc);
        Assert.Equal(new DateTimeOffset(2025, 4, 9, 14, 30, 0, TimeSpan.Zero), bordelon.EndUtc);
        Assert.Equal(new DateTime(2025, 4, 9, 13, 45, 0, DateTimeKind.Utc), net["talk-2" + EventUid].DtStart!.AsUtc);
        Assert.Equal(new DateTime(2025, 4, 9, 14, 30, 0, DateTimeKind.Utc), net["talk-2" + EventUid].DtEnd!.AsUtc);

        // Every event, in both parsers, at the instants of the store, in the event's zone.
        foreach (var entry in programme.Entries)
        {
            var match = Assert.Single(js.Events, e => e.Summary == entry.Title && e.StartUtc == entry.StartUtc);
            Assert.Equal(entry.EndUtc, match.EndUtc);
            Assert.Equal("America/Toronto", match.StartZone);
            Assert.Equal("America/Toronto", match.EndZone);
            var other = net[match.Uid];
            Assert.Equal(entry.StartUtc.UtcDateTime, other.DtStart!.AsUtc);
            Assert.Equal(entry.EndUtc.UtcDateTime, other.DtEnd!.AsUtc);
            Assert.Equal("America/Toronto", other.DtStart.TzId);
        }
        Assert.Contains("DTSTART;TZID=America/Toronto:20250409T094500\r\n", text);
    }

    [Fact]
    public async Task Calendar_has_a_name_refresh_hints_and_a_complete_time_zone()
    {
        var (text, _, response) = await GetFeedAsync(site.Client, "/calendar.ics");
        var js = await IcalJs.ParseAsync(text);
        Assert.Equal("Theory + AI Workshop: Theoretical Physics for AI", js.Name);
        Assert.Equal("2.0", js.Version);
        Assert.Equal("PT1H", js.RefreshInterval);
        Assert.Equal("PT1H", js.PublishedTtl);
        Assert.Contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n", text);

        var zone = Assert.Single(js.Timezones);
        Assert.Equal("America/Toronto", zone.Tzid);
        Assert.True(zone.Standard >= 1, "a STANDARD part");
        Assert.True(zone.Daylight >= 1, "a DAYLIGHT part");

        IcsText.ParseWithIcalNet(text, out var calendar);
        var vtimezone = Assert.Single(calendar.TimeZones);
        Assert.Equal("America/Toronto", vtimezone.TzId);
        var parts = vtimezone.TimeZoneInfos.Select(i => i.Name).ToList();
        Assert.Contains("STANDARD", parts);
        Assert.Contains("DAYLIGHT", parts);
        Assert.Contains("TZOFFSETTO:-0400", text);
        Assert.Contains("TZOFFSETTO:-0500", text);

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("theory-ai-workshop-theoretical-physics-for-ai-2025.ics", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task A_talk_event_carries_speakers_abstract_links_room_kind_and_revision()
    {
        var (text, _, response) = await GetFeedAsync(site.Client, "/talks/2.ics");
        var js = await IcalJs.ParseAsync(text);
        var talk = Assert.Single(js.Events);
        Assert.Equal("talk-2" + EventUid, talk.Uid);
        Assert.Equal("Scaling Limits for Learning: Dynamics and Statics", talk.Summary);
        Assert.StartsWith("Blake Bordelon (Harvard University)\n\nIn this talk, I will discuss how physics", talk.Description);
        Assert.Contains("(see Cengiz Pehlevan's talk).", talk.Description);
        Assert.Contains("Recording: https://pirsa.org/25040085", talk.Description);
        Assert.EndsWith("Talk page: http://localhost/talks/2", talk.Description);
        Assert.Equal("http://localhost/talks/2", talk.Url);
        Assert.Equal("PI/4-400 Space Room, Perimeter Institute for Theoretical Physics, 31 Caroline Street North, Waterloo, Ontario, Canada", talk.Location);
        Assert.Equal(["Talk"], talk.Categories);
        Assert.Equal(0, talk.Sequence);
        Assert.NotNull(talk.LastModified);
        Assert.Equal(talk.LastModified, talk.Dtstamp);
        Assert.Equal("theory-ai-workshop-theoretical-physics-for-ai-2025-talk-2.ics", response.Content.Headers.ContentDisposition?.FileNameStar);

        var net = IcsText.ParseWithIcalNet(text, out _)["talk-2" + EventUid];
        Assert.Equal(talk.Description, net.Description);
        Assert.Equal(talk.Location, net.Location);
        Assert.Equal(["Talk"], net.Categories);
    }

    [Fact]
    public async Task Accented_text_survives_folding_as_utf8()
    {
        var (text, _, _) = await GetFeedAsync(site.Client, "/talks/10.ics");
        Assert.Contains("Bruno Loureiro (École Normale Supérieure - PSL)", text.Replace("\r\n ", "", StringComparison.Ordinal));
        var js = await IcalJs.ParseAsync(text);
        Assert.Contains("Bruno Loureiro (École Normale Supérieure - PSL)", Assert.Single(js.Events).Description);
        var net = Assert.Single(IcsText.ParseWithIcalNet(text, out _)).Value;
        Assert.Contains("Bruno Loureiro (École Normale Supérieure - PSL)", net.Description);
    }

    [Fact]
    public async Task Other_sessions_are_in_the_whole_programme_with_their_kind()
    {
        var (text, _, _) = await GetFeedAsync(site.Client, "/calendar.ics");
        var js = await IcalJs.ParseAsync(text);
        var lunch = js.Events.First(e => e.Summary.StartsWith("Lunch", StringComparison.Ordinal));
        Assert.Equal(["Meal"], lunch.Categories);
        Assert.Equal("meal-20250409T1230" + EventUid, lunch.Uid);
        Assert.Contains("PI/2-251 Upper Bistro", lunch.Location);
        Assert.StartsWith("http://localhost/programme/2025-04-09#entry-", lunch.Url);
        Assert.All(js.Events.Where(e => e.Summary == "Discussion"), e => Assert.Equal(["Discussion"], e.Categories));
        Assert.Contains(js.Events, e => e.Summary == "Banquet" && e.Categories.SequenceEqual(["Social"]));
    }

    [Fact]
    public async Task A_day_feed_holds_only_that_day_with_the_same_uids_as_the_whole_programme()
    {
        var whole = await IcalJs.ParseAsync((await GetFeedAsync(site.Client, "/calendar.ics")).Text);
        var day = await IcalJs.ParseAsync((await GetFeedAsync(site.Client, "/programme/2025-04-11.ics")).Text);
        Assert.Equal(7, day.Events.Count);
        Assert.All(day.Events, e => Assert.Equal(new DateOnly(2025, 4, 11), DateOnly.FromDateTime(e.StartUtc.ToOffset(TimeSpan.FromHours(-4)).DateTime)));
        foreach (var e in day.Events)
        {
            Assert.Equal(e.Uid, Assert.Single(whole.Events, w => w.Summary == e.Summary && w.StartUtc == e.StartUtc).Uid);
        }
        var talk = await IcalJs.ParseAsync((await GetFeedAsync(site.Client, "/talks/3.ics")).Text);
        Assert.Equal("talk-3" + EventUid, Assert.Single(talk.Events).Uid);
    }

    [Fact]
    public async Task The_personal_agenda_holds_only_its_talks_from_a_comma_list_or_repeated_parameters()
    {
        var (text, _, response) = await GetFeedAsync(site.Client, "/agenda.ics?talks=5,2&talks=3");
        var js = await IcalJs.ParseAsync(text);
        Assert.Equal(["talk-2" + EventUid, "talk-3" + EventUid, "talk-5" + EventUid], js.Events.Select(e => e.Uid).Order().ToArray());
        Assert.Equal(3, IcsText.ParseWithIcalNet(text, out _).Count);
        Assert.Equal("theory-ai-workshop-theoretical-physics-for-ai-2025-my-agenda.ics", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("My agenda: Theory + AI Workshop: Theoretical Physics for AI", js.Name);
    }

    [Fact]
    public async Task Unknown_talk_numbers_are_left_out_of_the_agenda_feed()
    {
        var js = await IcalJs.ParseAsync((await GetFeedAsync(site.Client, "/agenda.ics?talks=99,2,12345")).Text);
        Assert.Equal("talk-2" + EventUid, Assert.Single(js.Events).Uid);

        var none = await GetFeedAsync(site.Client, "/agenda.ics?talks=99");
        var empty = await IcalJs.ParseAsync(none.Text);
        Assert.Empty(empty.Events);
        Assert.Single(empty.Timezones);
        Assert.Empty(IcsText.ParseWithIcalNet(none.Text, out _));
    }

    [Theory]
    [InlineData("talks=abc")]
    [InlineData("talks=2;3")]
    [InlineData("talks=-1")]
    [InlineData("talks=0")]
    [InlineData("talks=1.5")]
    [InlineData("talks=2,x")]
    [InlineData("talks=99999999999")]
    [InlineData("talks=%EF%BC%92")] // a full-width digit two
    public async Task A_selection_that_is_not_a_list_of_numbers_is_a_400_with_a_message(string query)
    {
        var response = await site.Client.GetAsync($"/agenda.ics?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("is not a talk number", body);
    }

    [Fact]
    public async Task An_absurdly_long_selection_is_a_400()
    {
        var tooLong = await site.Client.GetAsync("/agenda.ics?talks=" + string.Join(",", Enumerable.Repeat("2", 1001)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("too long", await tooLong.Content.ReadAsStringAsync());

        var tooMany = await site.Client.GetAsync("/agenda.ics?talks=" + string.Join(",", Enumerable.Range(1, 201)));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("at most 200", await tooMany.Content.ReadAsStringAsync());

        var most = await site.Client.GetAsync("/agenda.ics?talks=" + string.Join(",", Enumerable.Range(1, 200)));
        Assert.Equal(HttpStatusCode.OK, most.StatusCode);
    }

    [Theory]
    [InlineData("/talks/99.ics")]
    [InlineData("/talks/0.ics")]
    [InlineData("/talks/abc.ics")]
    [InlineData("/talks/99999999999999999999.ics")]
    [InlineData("/programme/2025-04-12.ics")]
    [InlineData("/programme/2025-13-45.ics")]
    [InlineData("/programme/tomorrow.ics")]
    public async Task Unknown_days_and_talks_are_404(string url)
    {
        var response = await site.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_matching_etag_gets_304_and_each_feed_has_its_own()
    {
        var (_, _, first) = await GetFeedAsync(site.Client, "/talks/2.ics");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        var again = new HttpRequestMessage(HttpMethod.Get, "/talks/2.ics");
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await site.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        var head = await site.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/talks/2.ics"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(etag, head.Headers.ETag);

        var other = new HttpRequestMessage(HttpMethod.Get, "/talks/3.ics");
        other.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await site.Client.SendAsync(other)).StatusCode);

        var stale = new HttpRequestMessage(HttpMethod.Get, "/talks/2.ics");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0-0000000000000000\""));
        Assert.Equal(HttpStatusCode.OK, (await site.Client.SendAsync(stale)).StatusCode);

        // Same version, same request: the same bytes (the ETag promises it).
        var (a, _, r1) = await GetFeedAsync(site.Client, "/agenda.ics?talks=2,3");
        var (b, _, r2) = await GetFeedAsync(site.Client, "/agenda.ics?talks=3,2");
        Assert.Equal(a, b);
        Assert.Equal(r1.Headers.ETag, r2.Headers.ETag);
        var (_, _, r3) = await GetFeedAsync(site.Client, "/agenda.ics?talks=2");
        Assert.NotEqual(r1.Headers.ETag, r3.Headers.ETag);
    }

    [Fact]
    public async Task Uids_are_the_same_after_a_restart_and_from_a_fresh_store_of_the_same_seed()
    {
        var path = TestFiles.NewDatabasePath();
        IcalJsCalendar before;
        await using (var first = new SiteFactory(path, ownsDatabase: false))
        {
            before = await IcalJs.ParseAsync((await GetFeedAsync(first.CreateClient(), "/calendar.ics")).Text);
        }

        // The site stopped; a new start on the same database file.
        await using var restarted = new SiteFactory(path);
        var after = await IcalJs.ParseAsync((await GetFeedAsync(restarted.CreateClient(), "/calendar.ics")).Text);
        Assert.Equal(Keys(before), Keys(after));

        // A fresh store imported from the same seed.
        var fresh = await IcalJs.ParseAsync((await GetFeedAsync(site.Client, "/calendar.ics")).Text);
        Assert.Equal(Keys(before), Keys(fresh));

        static string[] Keys(IcalJsCalendar calendar) =>
            calendar.Events.Select(e => $"{e.Uid}|{e.Summary}|{e.StartUtc:O}").Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public async Task Moving_a_talk_raises_its_sequence_keeps_its_uid_and_changes_the_etag()
    {
        await using var factory = new SiteFactory();
        var client = factory.CreateClient();
        var (text, _, response) = await GetFeedAsync(client, "/talks/2.ics");
        var before = Assert.Single((await IcalJs.ParseAsync(text)).Events);
        Assert.Equal(0, before.Sequence);

        var editedAt = new DateTimeOffset(2025, 3, 20, 15, 30, 0, TimeSpan.Zero);
        factory.Clock.SetUtcNow(editedAt);
        using (var db = factory.CreateDb())
        {
            var session = await db.Sessions.SingleAsync(s => s.Talk!.Number == 2);
            session.Start = session.Start.AddHours(1);
            session.End = session.End.AddHours(1);
            await db.SaveChangesAsync();
            // Edits change the draft; the public views show it once it is published.
            await factory.PublishAsync();
        }

        var stale = new HttpRequestMessage(HttpMethod.Get, "/talks/2.ics");
        stale.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        var changed = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(response.Headers.ETag, changed.Headers.ETag);

        var afterText = await changed.Content.ReadAsStringAsync();
        var after = Assert.Single((await IcalJs.ParseAsync(afterText)).Events);
        Assert.Equal(before.Uid, after.Uid);
        Assert.Equal(1, after.Sequence);
        Assert.Equal(new DateTimeOffset(2025, 4, 9, 14, 45, 0, TimeSpan.Zero), after.StartUtc);
        Assert.Equal(new DateTimeOffset(2025, 4, 9, 15, 30, 0, TimeSpan.Zero), after.EndUtc);
        Assert.Equal(editedAt, after.LastModified);
        Assert.Equal(editedAt, after.Dtstamp);
        var net = Assert.Single(IcsText.ParseWithIcalNet(afterText, out _)).Value;
        Assert.Equal(1, net.Sequence);
        Assert.Equal(editedAt.UtcDateTime, net.LastModified!.AsUtc);

        var whole = await IcalJs.ParseAsync((await GetFeedAsync(client, "/calendar.ics")).Text);
        Assert.Equal(1, Assert.Single(whole.Events, e => e.Uid == before.Uid).Sequence);
        Assert.All(whole.Events.Where(e => e.Uid != before.Uid), e => Assert.Equal(0, e.Sequence));
    }

    [Fact]
    public async Task A_subscribed_agenda_keeps_working_when_one_of_its_talks_is_removed()
    {
        await using var factory = new SiteFactory();
        var client = factory.CreateClient();
        var before = await IcalJs.ParseAsync((await GetFeedAsync(client, "/agenda.ics?talks=2,3")).Text);
        Assert.Equal(2, before.Events.Count);

        using (var db = factory.CreateDb())
        {
            db.Sessions.Remove(await db.Sessions.SingleAsync(s => s.Talk!.Number == 3));
            await db.SaveChangesAsync();
            // Edits change the draft; the public views show it once it is published.
            await factory.PublishAsync();
        }

        var after = await IcalJs.ParseAsync((await GetFeedAsync(client, "/agenda.ics?talks=2,3")).Text);
        Assert.Equal("talk-2" + EventUid, Assert.Single(after.Events).Uid);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/talks/3.ics")).StatusCode);
        var page = await client.GetStringAsync("/agenda?talks=2,3");
        Assert.Contains("Could not find talk", page);
        Assert.Contains("no. 3", page);
    }

    [Fact]
    public async Task A_configured_public_address_is_used_for_links()
    {
        await using var factory = new ConfiguredSite();
        var text = (await GetFeedAsync(factory.CreateClient(), "/talks/2.ics")).Text;
        var talk = Assert.Single((await IcalJs.ParseAsync(text)).Events);
        Assert.Equal("https://workshop.example.org/theory-ai/talks/2", talk.Url);
        Assert.EndsWith("Talk page: https://workshop.example.org/theory-ai/talks/2", talk.Description);
    }

    private sealed class ConfiguredSite : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Conference:PublicBaseUrl", "https://workshop.example.org/theory-ai");
        }
    }
}
