using System.Globalization;
using TheoryAI.Bench.SyntheticProgramme;
using TheoryAI.Tests.Export.Booklet;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Data.Seed;
using TheoryAI.Web.Export.Calendar;
using TheoryAI.Web.Export.Frab;
using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Export.Frab;

public sealed class FrabScheduleWriterTests
{
    private static readonly Uri Site = new("https://theory-ai.example.org/");
    private static readonly Guid UrlNamespace = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    public static TheoryData<string> Formats => new() { "xml", "json" };

    private static ParsedSchedule Write(string format, ProgrammeSnapshot programme, AgendaSelection? selection = null)
    {
        var options = new FrabOptions(Site, selection);
        return format == "xml"
            ? FrabDocuments.ParseXml(FrabScheduleWriter.WriteXml(programme, options))
            : FrabDocuments.ParseJson(FrabScheduleWriter.WriteJson(programme, options));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Every_entry_of_a_thousand_talk_programme_is_listed_once_at_its_instant(string format)
    {
        await using var store = await ScratchStore.WithAsync(SeedReader.Parse(ProgrammeGenerator.Generate(new GeneratorSettings()), "synthetic.yaml"));
        var programme = await store.SnapshotAsync();
        Assert.Equal(1000, programme.Talks.Count());
        var schedule = Write(format, programme);
        var uids = CalendarUids.For(programme);

        Assert.Equal(programme.Entries.Count, schedule.Events.Count);
        Assert.Equal(schedule.Events.Count, schedule.Events.Select(e => e.Id).Distinct().Count());
        Assert.Equal(schedule.Events.Count, schedule.Events.Select(e => e.Guid).Distinct().Count());
        Assert.Equal(schedule.Events.Count, schedule.Events.Select(e => e.Slug).Distinct().Count());
        Assert.Equal(programme.Version.ToString(CultureInfo.InvariantCulture), schedule.Version);
        Assert.Equal(programme.Event.TimeZoneId, schedule.TimeZone);
        Assert.Equal(programme.Days.Select(d => d.Slug), schedule.DayDates);
        Assert.Equal(programme.Days.Count, schedule.DaysCount);

        foreach (var entry in programme.Entries)
        {
            var ev = Assert.Single(schedule.Events, e => e.Guid == FrabSchedule.UuidV5(UrlNamespace, uids[entry.SessionId]));
            Assert.Equal(entry.StartUtc, ev.Date);
            Assert.Equal(programme.TimeZone.GetUtcOffset(entry.StartUtc), ev.Date.Offset);
            Assert.Equal(entry.Start.ToString("HH:mm", CultureInfo.InvariantCulture), ev.Start);
            Assert.Equal((entry.End - entry.Start).ToString(@"hh\:mm", CultureInfo.InvariantCulture), ev.Duration);
            Assert.Equal(entry.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ev.DayDate);
            Assert.Equal(entry.Title, ev.Title);
            Assert.Equal(entry.Room?.DisplayName ?? programme.Event.Venue, ev.Room);
            Assert.Equal(ev.ListedRoom, ev.Room);
            Assert.Equal(entry.Kind.ToString(), ev.Track);
            if (entry.Talk is { } talk)
            {
                Assert.Equal(talk.Number, ev.Id);
                Assert.Equal($"https://theory-ai.example.org/talks/{talk.Number}", ev.Url);
                Assert.Equal(string.IsNullOrEmpty(talk.Type) ? entry.Kind.ToString() : talk.Type, ev.Type);
                Assert.Equal(talk.AbstractMarkdown, ev.Abstract);
                Assert.Equal(talk.Speakers.Select(s => s.Name), ev.Persons.Select(p => p.Name));
                Assert.Equal(talk.RecordingUrl is null ? [] : [talk.RecordingUrl], ev.Links);
            }
            else
            {
                Assert.True(ev.Id >= FrabSchedule.BlockIdBase, $"break id {ev.Id} is in the talk number range");
                Assert.Empty(ev.Persons);
            }
        }
        // One person, one id, wherever they speak (namesakes are different people with different ids).
        var persons = schedule.Events.SelectMany(e => e.Persons).Distinct().ToList();
        Assert.Equal(persons.Count, persons.Select(p => p.Id).Distinct().Count());
        Assert.Equal(programme.Talks.SelectMany(e => e.Talk!.Speakers).DistinctBy(s => s.Slug).Count(), persons.Count);
    }

    [Fact]
    public void Guid_is_the_version_5_uuid_of_the_calendar_uid()
    {
        // Python: uuid.uuid5(uuid.NAMESPACE_URL, "talk-2@theory-ai-workshop-theoretical-physics-for-ai-2025")
        Assert.Equal(new Guid("fd3c35d3-9697-51dd-a4f8-ec692ebcb24d"),
            FrabSchedule.UuidV5(UrlNamespace, "talk-2@theory-ai-workshop-theoretical-physics-for-ai-2025"));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Ids_and_guids_do_not_depend_on_store_ids_or_versions(string format)
    {
        var first = Write(format, SyntheticProgramme.WithTalks(60, version: 3));
        var later = Write(format, SyntheticProgramme.WithTalks(60, version: 9));
        Assert.Equal(first.Events.Select(e => (e.Id, e.Guid, e.Slug)), later.Events.Select(e => (e.Id, e.Guid, e.Slug)));
        Assert.NotEqual(first.Version, later.Version);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_selection_holds_only_the_chosen_talks_that_exist(string format)
    {
        var programme = SyntheticProgramme.WithTalks(30);
        var schedule = Write(format, programme, AgendaSelection.Of([3, 12, 999]));
        Assert.Equal([3, 12], schedule.Events.Select(e => e.Id).Order());
        Assert.Equal(3, schedule.DayDates.Count);
    }
}
