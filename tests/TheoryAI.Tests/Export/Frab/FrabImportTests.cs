using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Data;
using TheoryAI.Web.Data.Seed;
using TheoryAI.Web.Export.Frab;
using TheoryAI.Web.Infrastructure;

namespace TheoryAI.Tests.Export.Frab;

/// <summary>Schedules as pretalx and frab export them (written after their published samples), imported.</summary>
public sealed class FrabImportTests
{
    /// <summary>pretalx's schedule.json: public_name persons, abstract and description, a zone with an offset.</summary>
    private const string PretalxJson = """
        {
          "$schema": "https://c3voc.de/schedule/schema.json",
          "generator": { "name": "pretalx", "version": "2024.1.0" },
          "schedule": {
            "url": "https://pretalx.example.org/democon/schedule/",
            "version": "v1.1",
            "base_url": "https://pretalx.example.org",
            "conference": {
              "acronym": "democon", "title": "DemoCon", "start": "2020-12-14", "end": "2020-12-15", "daysCount": 2,
              "timeslot_duration": "00:05", "time_zone_name": "Europe/Berlin",
              "rooms": [ { "name": "Gray Room", "guid": "b379c473-93b9-4eae-9a09-d482e86cede3", "capacity": 80 } ],
              "days": [
                { "index": 1, "date": "2020-12-14", "day_start": "2020-12-14T04:00:00+01:00", "day_end": "2020-12-15T03:59:00+01:00",
                  "rooms": { "Gray Room": [
                    { "id": 25, "guid": "8079583e-8321-506c-95af-fd2903a5f075", "logo": "", "date": "2020-12-14T09:00:00+01:00",
                      "start": "09:00", "duration": "00:30", "room": "Gray Room", "slug": "democon-25-focused-hardware",
                      "url": "https://pretalx.example.org/democon/talk/G9JGWY/", "title": "Focused 5thgeneration hardware",
                      "subtitle": "", "track": "Phased", "type": "Talk", "language": "en", "abstract": "Brand back-end models!",
                      "description": "Station provide certain mean.", "recording_license": "", "do_not_record": false,
                      "persons": [ { "id": 26, "code": "NQTF8Y", "public_name": "Brian Robinson", "biography": "", "answers": [] } ],
                      "links": [ { "url": "https://media.example.org/democon/25", "title": "Recording", "type": "media" } ], "attachments": [] },
                    { "id": 26, "guid": "2d64f8e2-26ee-529f-b5ab-3b3f326e31b9", "logo": "", "date": "2020-12-14T09:30:00+01:00",
                      "start": "09:30", "duration": "01:15", "room": "Gray Room", "slug": "democon-26-website",
                      "url": "https://pretalx.example.org/democon/talk/3NEFSQ/", "title": "Quality-focused website",
                      "subtitle": "", "track": "Horizontal", "type": "Workshop", "language": "en", "abstract": "Brand dynamic applications!",
                      "description": "", "recording_license": "", "do_not_record": false,
                      "persons": [ { "id": 27, "public_name": "Jordan Parks" }, { "id": 26, "public_name": "Brian Robinson" } ],
                      "links": [], "attachments": [] }
                  ] } },
                { "index": 2, "date": "2020-12-15", "day_start": "2020-12-15T04:00:00+01:00", "day_end": "2020-12-16T03:59:00+01:00",
                  "rooms": {} }
              ]
            }
          }
        }
        """;

    /// <summary>frab's schedule.xml: the same conference, persons as elements, no room list.</summary>
    private const string FrabXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <schedule>
          <generator name="frab" version="1.0" />
          <version>v1.1</version>
          <conference>
            <acronym>democon</acronym><title>DemoCon</title><start>2020-12-14</start><end>2020-12-15</end><days>2</days>
            <timeslot_duration>00:05</timeslot_duration><time_zone_name>Europe/Berlin</time_zone_name>
          </conference>
          <day index="1" date="2020-12-14" start="2020-12-14T04:00:00+01:00" end="2020-12-15T03:59:00+01:00">
            <room name="Gray Room">
              <event id="25" guid="8079583e-8321-506c-95af-fd2903a5f075">
                <date>2020-12-14T09:00:00+01:00</date><start>09:00</start><duration>00:30</duration><room>Gray Room</room>
                <slug>democon-25-focused-hardware</slug><title>Focused 5thgeneration hardware</title><subtitle />
                <track>Phased</track><type>Talk</type><language>en</language>
                <abstract>Brand back-end models!</abstract><description>Station provide certain mean.</description>
                <persons><person id="26">Brian Robinson</person></persons>
                <links><link href="https://media.example.org/democon/25">Recording</link></links>
              </event>
            </room>
          </day>
          <day index="2" date="2020-12-15" start="2020-12-15T04:00:00+01:00" end="2020-12-16T03:59:00+01:00" />
        </schedule>
        """;

    [Fact]
    public async Task A_pretalx_schedule_json_becomes_talks_speakers_and_rooms_at_the_same_instants()
    {
        await using var store = await ScratchStore.WithAsync(FrabImport.Parse(PretalxJson, "schedule.json"));
        var programme = await store.SnapshotAsync();

        Assert.Equal("DemoCon", programme.Event.Name);
        Assert.Equal("Europe/Berlin", programme.Event.TimeZoneId);
        Assert.Equal(2, programme.Days.Count);
        var room = Assert.Single(programme.Rooms);
        Assert.Equal("Gray Room", room.DisplayName);
        Assert.Equal(80, room.Capacity);

        var first = programme.FindTalk(25)!;
        Assert.Equal(new DateTimeOffset(2020, 12, 14, 8, 0, 0, TimeSpan.Zero), first.StartUtc);
        Assert.Equal(new DateTimeOffset(2020, 12, 14, 8, 30, 0, TimeSpan.Zero), first.EndUtc);
        Assert.Equal(SessionKind.Talk, first.Kind);
        Assert.Null(first.Talk!.Type);
        Assert.Equal("Brand back-end models!\n\nStation provide certain mean.", first.Talk.AbstractMarkdown);
        Assert.Equal("https://media.example.org/democon/25", first.Talk.RecordingUrl);

        var second = programme.FindTalk(26)!;
        Assert.Equal("Workshop", second.Talk!.Type);
        Assert.Equal(new DateTimeOffset(2020, 12, 14, 9, 45, 0, TimeSpan.Zero), second.EndUtc);
        Assert.Equal(["Jordan Parks", "Brian Robinson"], second.Talk.Speakers.Select(s => s.Name));
        // One person id, one speaker, on both talks.
        Assert.Equal(2, programme.Speakers.Count);
        Assert.Equal(first.Talk.Speakers[0].Slug, second.Talk.Speakers[1].Slug);
    }

    [Fact]
    public async Task A_frab_schedule_xml_imports_like_the_json()
    {
        await using var store = await ScratchStore.WithAsync(FrabImport.Parse(FrabXml, "schedule.xml"));
        var programme = await store.SnapshotAsync();

        var talk = Assert.Single(programme.Talks);
        Assert.Equal(25, talk.Talk!.Number);
        Assert.Equal("Focused 5thgeneration hardware", talk.Title);
        Assert.Equal(new DateTimeOffset(2020, 12, 14, 8, 0, 0, TimeSpan.Zero), talk.StartUtc);
        Assert.Equal("Gray Room", talk.Room!.DisplayName);
        Assert.Equal("Brian Robinson", Assert.Single(talk.Talk.Speakers).Name);
        Assert.Equal("https://media.example.org/democon/25", talk.Talk.RecordingUrl);
        Assert.Equal(2, programme.Days.Count);
    }

    [Fact]
    public void Errors_name_the_entry_and_the_field()
    {
        var broken = PretalxJson
            .Replace("\"duration\": \"01:15\"", "\"duration\": \"long\"", StringComparison.Ordinal)
            .Replace("\"title\": \"Focused 5thgeneration hardware\"", "\"title\": \"\"", StringComparison.Ordinal);
        var ex = Assert.Throws<SeedException>(() => FrabImport.Parse(broken, "schedule.json"));
        Assert.Contains(ex.Problems, p => p.Field == "duration" && p.Entry.Contains("id 26", StringComparison.Ordinal)
            && p.Message.Contains("'long'", StringComparison.Ordinal));

        var untitled = Assert.Throws<SeedException>(() => FrabImport.Parse(PretalxJson.Replace(
            "\"title\": \"Focused 5thgeneration hardware\"", "\"title\": \"\"", StringComparison.Ordinal), "schedule.json"));
        var problem = Assert.Single(untitled.Problems);
        Assert.Equal("schedule.json", problem.File);
        Assert.Equal("title", problem.Field);
        Assert.Contains("no. 25", problem.Entry, StringComparison.Ordinal);

        var notJson = Assert.Throws<SeedException>(() => FrabImport.Parse("{ \"schedule\": ", "schedule.json"));
        Assert.Equal("(syntax)", Assert.Single(notJson.Problems).Field);
    }

    [Fact]
    public async Task Import_command_refuses_a_store_with_a_programme_replaces_it_keeping_accounts_and_writes_nothing_on_error()
    {
        await using var site = new SiteFactory();
        site.CreateClient();
        var folder = Path.Combine(Path.GetTempPath(), "theoryai-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var good = Path.Combine(folder, "schedule.json");
        var bad = Path.Combine(folder, "broken.xml");
        await File.WriteAllTextAsync(good, PretalxJson);
        await File.WriteAllTextAsync(bad, FrabXml.Replace("<duration>00:30</duration>", "<duration>0:00</duration>", StringComparison.Ordinal));
        try
        {
            using var scope = site.Services.CreateScope();
            var services = scope.ServiceProvider;
            var users = services.GetRequiredService<UserManager<IdentityUser>>();
            Assert.True((await users.CreateAsync(new IdentityUser { UserName = "keep@example.org", Email = "keep@example.org" })).Succeeded);
            var output = new StringWriter();
            var error = new StringWriter();

            Assert.Equal(1, await ProgrammeTransferCommands.ImportAsync(services, ["--from", "frab", good], output, error));
            Assert.Contains("already holds a programme", error.ToString(), StringComparison.Ordinal);

            Assert.Equal(1, await ProgrammeTransferCommands.ImportAsync(services, ["--from", "frab", bad, "--replace"], output, error));
            Assert.Contains("broken.xml: day[0] room \"Gray Room\" event[0] (id 25 \"Focused 5thgeneration hardware\"): field 'duration'", error.ToString(), StringComparison.Ordinal);
            await using (var db = site.CreateDb())
            {
                Assert.Equal("Theory + AI Workshop: Theoretical Physics for AI", (await db.Events.SingleAsync()).Name);
                Assert.Equal(29, await db.Sessions.CountAsync());
            }

            Assert.Equal(0, await ProgrammeTransferCommands.ImportAsync(services, ["--from", "frab", good, "--replace"], output, error));
            await using (var db = site.CreateDb())
            {
                Assert.Equal("DemoCon", (await db.Events.SingleAsync()).Name);
                Assert.Equal(2, await db.Sessions.CountAsync());
                Assert.True(await db.Users.AnyAsync(u => u.Email == "keep@example.org"));
            }

            var yaml = Path.Combine(folder, "exported.yaml");
            Assert.Equal(0, await ProgrammeTransferCommands.ExportAsync(services, ["--to", "yaml", yaml], output, error));
            var exported = SeedReader.Read(yaml);
            Assert.Equal("DemoCon", exported.Event.Name);
            Assert.Equal(2, exported.Sessions.Count);

            Assert.Equal(2, await ProgrammeTransferCommands.ImportAsync(services, ["--from", "pentabarf", good], output, error));
            Assert.Contains(ProgrammeTransferCommands.ImportUsage, error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
