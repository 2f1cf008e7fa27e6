using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Data;
using TheoryAI.Web.Data.Seed;

namespace TheoryAI.Tests.Data;

public sealed class SeedImportTests
{
    [Fact]
    public async Task First_start_imports_the_whole_PI_programme()
    {
        await using var site = new SiteFactory();
        site.CreateClient();
        await using var db = site.CreateDb();

        Assert.Equal(1, await db.Events.CountAsync());
        Assert.Equal(3, await db.Days.CountAsync());
        Assert.Equal(29, await db.Sessions.CountAsync());
        Assert.Equal(18, await db.Talks.CountAsync());
        Assert.Equal(11, await db.Sessions.CountAsync(s => s.Kind == SessionKind.Talk));
        Assert.Equal(12, await db.Speakers.CountAsync());
        Assert.Equal(4, await db.Rooms.CountAsync());
        Assert.Equal(7, await db.EventPeople.CountAsync());

        var rooms = await db.Rooms.ToDictionaryAsync(r => r.Name, r => r.Capacity);
        Assert.Equal(48, rooms["Space Room"]);
        Assert.Equal(205, rooms["Atrium"]);
        Assert.Equal(60, rooms["Upper Bistro"]);
        Assert.Equal(120, rooms["Lower Bistro"]);
    }

    [Fact]
    public async Task A_listed_speaker_without_a_talk_and_one_person_under_two_spellings_are_kept_right()
    {
        await using var site = new SiteFactory();
        site.CreateClient();
        await using var db = site.CreateDb();

        var krotov = await db.Speakers.Include(s => s.Talks).SingleAsync(s => s.Name == "Dmitry Krotov");
        Assert.Equal("IBM", krotov.Affiliation);
        Assert.Empty(krotov.Talks);

        var spekkens = await db.Speakers.Include(s => s.Talks).ThenInclude(t => t.Talk).ThenInclude(t => t.Session)
            .SingleAsync(s => s.Name.Contains("Spekkens"));
        Assert.Equal("Robert Spekkens", spekkens.Name);
        Assert.Equal("Causal Inference Meets Quantum Physics", Assert.Single(spekkens.Talks).Talk.Session.Title);

        var registration = await db.Sessions.SingleAsync(s => s.Kind == SessionKind.Registration);
        Assert.Null(registration.RoomId);
        Assert.Equal("end", registration.InferredFields);

        var loureiro = await db.Speakers.SingleAsync(s => s.Slug == "bruno-loureiro");
        Assert.Equal("École Normale Supérieure - PSL", loureiro.Affiliation);
    }

    [Fact]
    public async Task A_second_start_changes_nothing_so_organizer_edits_survive()
    {
        var path = TestFiles.NewDatabasePath();
        try
        {
            long versionAfterEdit;
            await using (var first = new SiteFactory(path, ownsDatabase: false))
            {
                first.CreateClient();
                await using var db = first.CreateDb();
                var talk = await db.Sessions.SingleAsync(s => s.Talk!.Number == 2);
                talk.Title = "Edited by an organizer";
                await db.SaveChangesAsync();
                versionAfterEdit = await db.Events.Select(e => e.ProgrammeVersion).SingleAsync();
            }
            await using var second = new SiteFactory(path, ownsDatabase: false);
            second.CreateClient();
            await using var again = second.CreateDb();
            Assert.Equal("Edited by an organizer", await again.Sessions.Where(s => s.Talk!.Number == 2).Select(s => s.Title).SingleAsync());
            Assert.Equal(29, await again.Sessions.CountAsync());
            Assert.Equal(1, await again.Events.CountAsync());
            Assert.Equal(versionAfterEdit, await again.Events.Select(e => e.ProgrammeVersion).SingleAsync());
        }
        finally
        {
            TestStore.Delete(path);
        }
    }

    [Fact]
    public async Task Re_import_replaces_the_programme_and_keeps_the_version_growing()
    {
        await using var site = new SiteFactory();
        site.CreateClient();
        long before;
        await using (var db = site.CreateDb())
        {
            var talk = await db.Sessions.SingleAsync(s => s.Talk!.Number == 2);
            talk.Title = "Edited";
            await db.SaveChangesAsync();
            before = await db.Events.Select(e => e.ProgrammeVersion).SingleAsync();
        }
        using (var scope = site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SeedImporter>().ReplaceAsync(TestFiles.SeedFile);
        }
        await using var check = site.CreateDb();
        Assert.Equal("Scaling Limits for Learning: Dynamics and Statics",
            await check.Sessions.Where(s => s.Talk!.Number == 2).Select(s => s.Title).SingleAsync());
        Assert.Equal(29, await check.Sessions.CountAsync());
        Assert.True(await check.Events.Select(e => e.ProgrammeVersion).SingleAsync() > before);
    }

    [Fact]
    public async Task Re_import_keeps_the_sequence_and_change_history_of_entries_whose_uids_persist()
    {
        await using var site = new SiteFactory();
        var client = site.CreateClient();
        DateTime untouchedModified;
        await using (var db = site.CreateDb())
        {
            db.ChangeAuthor = "organizer@example.org";
            var moved = await db.Sessions.SingleAsync(s => s.Talk!.Number == 2);
            moved.Start = moved.Start.AddMinutes(15);
            moved.End = moved.End.AddMinutes(15);
            await db.SaveChangesAsync();
            Assert.Equal(1, moved.Sequence);
            untouchedModified = await db.Sessions.Where(s => s.Talk!.Number == 3).Select(s => s.LastModifiedUtc).SingleAsync();
        }
        await site.PublishAsync();
        var feedBefore = await client.GetStringAsync("/talks/2.ics");
        Assert.Contains("SEQUENCE:1\r\n", feedBefore);

        using (var scope = site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SeedImporter>().ReplaceAsync(TestFiles.SeedFile);
        }

        await using var check = site.CreateDb();
        // The seed puts talk 2 back at its original time: a revision subscribers must see, so SEQUENCE goes up from 1.
        var talk2 = await check.Sessions.SingleAsync(s => s.Talk!.Number == 2);
        Assert.Equal(2, talk2.Sequence);
        var talk3 = await check.Sessions.SingleAsync(s => s.Talk!.Number == 3);
        Assert.Equal(0, talk3.Sequence);
        Assert.Equal(untouchedModified, talk3.LastModifiedUtc);
        var history = await check.Changes.Where(c => c.SessionId == talk2.Id).ToListAsync();
        var change = Assert.Single(history);
        Assert.Equal(ChangeKind.TimeChanged, change.Kind);
        Assert.Equal(talk2.Id, change.SessionId);
        Assert.Equal(talk2.Id, change.EntityId);

        Assert.Contains("SEQUENCE:2\r\n", await client.GetStringAsync("/talks/2.ics"));
        var changes = await client.GetStringAsync("/changes");
        Assert.Contains("Scaling Limits for Learning", changes);
    }

    public static TheoryData<string, string, string, string> SeedErrors => new()
    {
        // name, replace this, with this, expected text in the message
        { "bad syntax", "rooms:\n  - code: PI/4-400", "rooms:\n  - code: [PI/4-400", "line " },
        { "unknown room", "room: PI/1-124", "room: PI/9-999", "field 'room': unknown room 'PI/9-999'" },
        { "end before start", "start: \"09:45\"\n        end: \"10:30\"", "start: \"09:45\"\n        end: \"09:15\"", "field 'end': 09:15 is not after start 09:45" },
        { "missing title", "title: \"Scaling Limits for Learning: Dynamics and Statics\"", "title: \"\"", "field 'title': is required" },
        { "duplicate number", "number: 3\n", "number: 2\n", "field 'number': contribution number 2 is already used" },
        { "unknown kind", "kind: social", "kind: party", "field 'kind': 'party' is not one of" },
        { "unknown speaker", "speakers: [blake-bordelon]", "speakers: [blake-bordelonn]", "field 'speakers': unknown speaker 'blake-bordelonn'" },
        { "bad time", "start: \"09:45\"", "start: \"9.45am\"", "field 'start': '9.45am' is not a time" },
        { "unknown field", "capacity: 48", "capacty: 48", "capacty" },
    };

    [Theory]
    [MemberData(nameof(SeedErrors))]
    public void Each_seed_error_names_file_entry_and_field(string name, string find, string replace, string expected)
    {
        var yaml = File.ReadAllText(TestFiles.SeedFile);
        Assert.True(yaml.Contains(find, StringComparison.Ordinal), $"test set-up for '{name}': '{find}' is not in the seed");
        var broken = ReplaceFirst(yaml, find, replace);

        var error = Assert.Throws<SeedException>(() => SeedReader.Parse(broken, "programme.yaml"));
        Assert.Contains("programme.yaml", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.All(error.Problems, p => Assert.False(string.IsNullOrEmpty(p.Entry)));
    }

    [Fact]
    public void The_error_names_the_entry_it_is_in()
    {
        var yaml = ReplaceFirst(File.ReadAllText(TestFiles.SeedFile), "room: PI/1-124", "room: PI/9-999");
        var problem = Assert.Single(Assert.Throws<SeedException>(() => SeedReader.Parse(yaml, "programme.yaml")).Problems);
        Assert.Equal("programme.yaml", problem.File);
        Assert.Contains("days[2] (2025-04-11)", problem.Entry);
        Assert.Contains("Friday Social", problem.Entry);
        Assert.Equal("room", problem.Field);
    }

    [Fact]
    public async Task A_bad_seed_stops_start_up_with_its_message_and_writes_nothing()
    {
        var badSeed = Path.Combine(Path.GetTempPath(), "theoryai-tests", $"bad-{Guid.NewGuid():N}.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(badSeed)!);
        await File.WriteAllTextAsync(badSeed, ReplaceFirst(File.ReadAllText(TestFiles.SeedFile), "number: 3\n", "number: 2\n"));
        try
        {
            await using var site = new SiteFactory(TestFiles.NewDatabasePath(), badSeed);
            var error = Assert.Throws<SeedException>(() => site.CreateClient());
            Assert.Contains(Path.GetFileName(badSeed), error.Message);
            Assert.Contains("contribution number 2 is already used", error.Message);

            await using var db = TestStore.CreateDb(site.DatabasePath);
            Assert.Equal(0, await db.Events.CountAsync());
            Assert.Equal(0, await db.Sessions.CountAsync());
            Assert.Equal(0, await db.Speakers.CountAsync());
        }
        finally
        {
            File.Delete(badSeed);
        }
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var index = text.IndexOf(find, StringComparison.Ordinal);
        return index < 0 ? text : string.Concat(text.AsSpan(0, index), replace, text.AsSpan(index + find.Length));
    }
}
