using System.Text;
using TheoryAI.Web.Data;
using TheoryAI.Web.Export.Calendar;
using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Export.Calendar;

/// <summary>The writer on hand-built programmes, without HTTP.</summary>
public sealed class CalendarWriterTests
{
    private static readonly TimeZoneInfo Toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");
    private static readonly Uri BaseUrl = new("https://example.org/");
    private static readonly RoomInfo SpaceRoom = new(1, "PI/4-400", "Space Room", 48);
    private static readonly RoomInfo Atrium = new(2, "PI/1-119", "Atrium", 205);
    private static readonly SpeakerInfo Speaker = new(1, "ada-lovelace", "Ada Lovelace", "Analytical Engines Ltd", null);

    private static ProgrammeEntry Entry(int id, SessionKind kind, string title, DateTime start, int minutes,
        int? number = null, RoomInfo? room = null, string? abstractMarkdown = null, int sequence = 0) =>
        new(id, kind, title, start, start.AddMinutes(minutes),
            EventClock.ToInstant(start, Toronto), EventClock.ToInstant(start.AddMinutes(minutes), Toronto),
            room ?? SpaceRoom,
            number is int n ? new TalkInfo(n, null, abstractMarkdown, null, [Speaker]) : null,
            sequence, new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc));

    private static ProgrammeSnapshot Programme(params ProgrammeEntry[] entries)
    {
        var ev = new EventInfo("Test Workshop", new DateOnly(2025, 4, 9), new DateOnly(2025, 4, 10), Toronto,
            "Test Institute", "1 Main Street, Waterloo", null, null, null, null, null, [], []);
        var days = entries.Select(e => DateOnly.FromDateTime(e.Start)).Distinct().Select(d => new DayInfo(d, null)).ToList();
        return new ProgrammeSnapshot(1, ev, [SpaceRoom, Atrium], days, entries, [Speaker]);
    }

    private static Dictionary<string, string> UidsByTitle(ProgrammeSnapshot programme)
    {
        var uids = CalendarUids.For(programme);
        return programme.Entries.ToDictionary(e => e.Title, e => uids[e.SessionId]);
    }

    private static readonly DateTime Morning = new(2025, 4, 9, 9, 0, 0);

    [Fact]
    public void Uids_come_from_the_entry_not_from_store_ids_or_row_order()
    {
        var first = Programme(
            Entry(1, SessionKind.Talk, "First talk", Morning, 45, number: 2),
            Entry(2, SessionKind.Break, "Coffee", Morning.AddMinutes(45), 30),
            Entry(3, SessionKind.Talk, "Second talk", Morning.AddMinutes(75), 45, number: 3));
        var renumbered = Programme(
            Entry(30, SessionKind.Talk, "Second talk", Morning.AddMinutes(75), 45, number: 3),
            Entry(10, SessionKind.Break, "Coffee", Morning.AddMinutes(45), 30),
            Entry(20, SessionKind.Talk, "First talk", Morning, 45, number: 2));

        var uids = UidsByTitle(first);
        Assert.Equal(uids, UidsByTitle(renumbered));
        Assert.Equal("talk-2@test-workshop-2025", uids["First talk"]);
        Assert.Equal("break-20250409T0945@test-workshop-2025", uids["Coffee"]);
    }

    [Fact]
    public void A_moved_talk_keeps_its_uid_and_a_moved_break_gets_a_new_one()
    {
        var before = UidsByTitle(Programme(
            Entry(1, SessionKind.Talk, "Talk", Morning, 45, number: 2),
            Entry(2, SessionKind.Break, "Coffee", Morning.AddMinutes(45), 30)));
        var after = UidsByTitle(Programme(
            Entry(1, SessionKind.Talk, "Talk, retitled", Morning.AddHours(2), 45, number: 2, room: Atrium),
            Entry(2, SessionKind.Break, "Coffee", Morning.AddMinutes(60), 30)));
        Assert.Equal(before["Talk"], after["Talk, retitled"]);
        Assert.NotEqual(before["Coffee"], after["Coffee"]);
    }

    [Fact]
    public void Parallel_blocks_of_one_kind_get_distinct_uids()
    {
        var uids = UidsByTitle(Programme(
            Entry(1, SessionKind.Break, "Coffee upstairs", Morning, 30, room: SpaceRoom),
            Entry(2, SessionKind.Break, "Coffee downstairs", Morning, 30, room: Atrium)));
        Assert.Equal("break-20250409T0900-pi-4-400@test-workshop-2025", uids["Coffee upstairs"]);
        Assert.Equal("break-20250409T0900-pi-1-119@test-workshop-2025", uids["Coffee downstairs"]);
    }

    [Fact]
    public async Task Markdown_abstracts_become_plain_text()
    {
        var programme = Programme(Entry(1, SessionKind.Talk, "Talk", Morning, 45, number: 7,
            abstractMarkdown: "A **bold** claim with [a link](https://example.org/x).\n\n- one\n- two"));
        var text = new CalendarWriter().Write(programme, CalendarFeed.WholeProgramme(programme), BaseUrl);
        var description = Assert.Single((await IcalJs.ParseAsync(text)).Events).Description!;
        Assert.Contains("A bold claim with a link.", description);
        Assert.DoesNotContain("**", description);
        Assert.DoesNotContain("](", description);
        Assert.StartsWith("Ada Lovelace (Analytical Engines Ltd)\n\n", description);
        Assert.EndsWith("Talk page: https://example.org/talks/7", description);
    }

    [Fact]
    public async Task Long_text_in_any_script_folds_at_75_octets_without_splitting_a_character()
    {
        var title = string.Concat(Enumerable.Repeat("Équations de Schrödinger — 量子场论 🙂 ", 12)).Trim();
        var programme = Programme(Entry(1, SessionKind.Talk, title, Morning, 45, number: 2,
            abstractMarkdown: string.Concat(Enumerable.Repeat("Résumé; commas, backslashes \\ and semicolons; ", 20))));
        var bytes = new CalendarWriter().WriteBytes(programme, CalendarFeed.WholeProgramme(programme), BaseUrl);
        IcsText.AssertWellFormed(bytes);
        var text = Encoding.UTF8.GetString(bytes);
        var js = Assert.Single((await IcalJs.ParseAsync(text)).Events);
        Assert.Equal(title, js.Summary);
        Assert.Contains("Résumé; commas, backslashes \\ and semicolons;", js.Description);
        Assert.Equal(title, Assert.Single(IcsText.ParseWithIcalNet(text, out _)).Value.Summary);
    }

    [Fact]
    public async Task Daylight_and_standard_time_entries_both_get_the_right_instants()
    {
        var programme = Programme(
            Entry(1, SessionKind.Talk, "Spring", new DateTime(2025, 4, 9, 9, 45, 0), 45, number: 1),
            Entry(2, SessionKind.Talk, "Winter", new DateTime(2025, 12, 3, 9, 45, 0), 45, number: 2));
        var text = new CalendarWriter().Write(programme, CalendarFeed.WholeProgramme(programme), BaseUrl);
        var js = await IcalJs.ParseAsync(text);
        Assert.Equal(new DateTimeOffset(2025, 4, 9, 13, 45, 0, TimeSpan.Zero), js.Events.Single(e => e.Summary == "Spring").StartUtc);
        Assert.Equal(new DateTimeOffset(2025, 12, 3, 14, 45, 0, TimeSpan.Zero), js.Events.Single(e => e.Summary == "Winter").StartUtc);
        var net = IcsText.ParseWithIcalNet(text, out _);
        Assert.Equal(new DateTime(2025, 12, 3, 14, 45, 0, DateTimeKind.Utc), net["talk-2@test-workshop-2025"].DtStart!.AsUtc);
    }

    [Fact]
    public async Task Links_keep_the_base_urls_path()
    {
        var programme = Programme(
            Entry(1, SessionKind.Talk, "Talk", Morning, 45, number: 4),
            Entry(2, SessionKind.Meal, "Lunch", Morning.AddHours(3), 60));
        var baseUrl = CalendarWriter.NormalizeBaseUrl(new Uri("https://example.org/workshop"));
        var js = await IcalJs.ParseAsync(new CalendarWriter().Write(programme, CalendarFeed.WholeProgramme(programme), baseUrl));
        Assert.Equal("https://example.org/workshop/talks/4", js.Events.Single(e => e.Summary == "Talk").Url);
        Assert.Equal("https://example.org/workshop/programme/2025-04-09#entry-2", js.Events.Single(e => e.Summary == "Lunch").Url);
        Assert.Equal("PI/4-400 Space Room, Test Institute, 1 Main Street, Waterloo", js.Events.Single(e => e.Summary == "Lunch").Location);
    }

    [Fact]
    public void The_same_programme_gives_the_same_bytes()
    {
        var programme = Programme(Entry(1, SessionKind.Talk, "Talk", Morning, 45, number: 4, sequence: 3));
        var writer = new CalendarWriter();
        var a = writer.Write(programme, CalendarFeed.WholeProgramme(programme), BaseUrl);
        var b = writer.Write(programme, CalendarFeed.WholeProgramme(programme), BaseUrl);
        Assert.Equal(a, b);
        Assert.Contains("SEQUENCE:3\r\n", a);
        Assert.Contains("DTSTAMP:20250301T120000Z\r\n", a);
        Assert.Contains("LAST-MODIFIED:20250301T120000Z\r\n", a);
    }

    [Fact]
    public async Task Escapes_in_every_position_survive_folding_in_ical_js_and_Ical_Net()
    {
        var entries = new List<ProgrammeEntry>();
        for (var offset = 0; offset < 40; offset++)
        {
            var title = new string('t', 40 + offset) + ", a; b\\ c, " + new string('u', 30) + ";" + new string('v', 40);
            entries.Add(Entry(offset + 1, SessionKind.Talk, title, Morning.AddMinutes(offset * 60), 45, number: offset + 1,
                abstractMarkdown: new string('w', 20 + offset) + "\n\nsecond paragraph, with; marks"));
        }
        var programme = Programme([.. entries]);
        var bytes = new CalendarWriter().WriteBytes(programme, CalendarFeed.WholeProgramme(programme), BaseUrl);
        IcsText.AssertWellFormed(bytes);
        var text = Encoding.UTF8.GetString(bytes);
        IcsText.AssertFoldsOutsideEscapes(text);
        var js = await IcalJs.ParseAsync(text);
        var net = IcsText.ParseWithIcalNet(text, out _);
        foreach (var entry in entries)
        {
            var parsed = js.Events.Single(e => e.Uid == $"talk-{entry.Talk!.Number}@test-workshop-2025");
            Assert.Equal(entry.Title, parsed.Summary);
            Assert.Contains("\nsecond paragraph, with; marks", parsed.Description);
            Assert.Equal(entry.Title, net[parsed.Uid].Summary);
        }
    }

    [Fact]
    public async Task A_single_event_file_has_no_calendar_name_or_refresh_hints_and_a_feed_keeps_them()
    {
        var programme = Programme(Entry(1, SessionKind.Talk, "Talk", Morning, 45, number: 4));
        var writer = new CalendarWriter();
        var single = writer.Write(programme, CalendarFeed.ForTalk(programme, programme.Entries[0]), BaseUrl);
        var feed = writer.Write(programme, CalendarFeed.WholeProgramme(programme), BaseUrl);

        foreach (var property in new[] { "X-WR-CALNAME", "REFRESH-INTERVAL", "X-PUBLISHED-TTL" })
        {
            Assert.DoesNotContain(property, single);
            Assert.Contains(property, feed);
        }
        var js = await IcalJs.ParseAsync(single);
        Assert.Null(js.Name);
        Assert.Null(js.RefreshInterval);
        Assert.Equal("Talk", Assert.Single(js.Events).Summary);
        Assert.Single(js.Timezones);
    }

    [Fact]
    public async Task Stored_control_characters_never_go_raw_into_the_calendar()
    {
        var programme = Programme(Entry(1, SessionKind.Talk, "Line\u000Bbreak\u0007 title", Morning, 45, number: 4,
            room: new RoomInfo(3, "R\u000B1", "Room\u0001 one", 10),
            abstractMarkdown: "First line\u000Bsecond line\u0000 with a NUL\u007F and DEL"));
        var bytes = new CalendarWriter().WriteBytes(programme, CalendarFeed.WholeProgramme(programme), BaseUrl);
        IcsText.AssertWellFormed(bytes);
        IcsText.AssertNoControlCharacters(bytes);
        var text = Encoding.UTF8.GetString(bytes);
        var js = Assert.Single((await IcalJs.ParseAsync(text)).Events);
        Assert.Equal("Line break title", js.Summary);
        Assert.Matches(@"First line\nsecond line\uFFFD? with a NUL and DEL", js.Description);
        Assert.StartsWith("R 1 Room one,", js.Location);
        Assert.Equal(js.Summary, Assert.Single(IcsText.ParseWithIcalNet(text, out _)).Value.Summary);
    }
}
