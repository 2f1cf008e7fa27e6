using System.Globalization;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using TheoryAI.Web.Data;
using TheoryAI.Web.Data.Seed;
using TheoryAI.Web.Export.Calendar;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Frab;

/// <summary>
/// Reads a frab schedule (schedule.xml, or schedule.json "version 1", as frab, pretalx and this site export them)
/// into the seed model, so an imported schedule passes through exactly the seed's validation and import.
/// <list type="bullet">
/// <item>event: conference title, start, end, time_zone_name (without one, the fixed offset of the first event);
/// the venue is the room this site lists room-less entries under, else the title.</item>
/// <item>rooms: "PI/4-400 Space Room" splits into code and name at the first space.</item>
/// <item>kind: the track or the type when either names one (Talk, Break, ...), else talk; the type is kept as
/// the contribution type unless it only repeats the kind.</item>
/// <item>number: the event id, except for breaks, meals, registration and socials without persons, and this site's
/// block ids (from <see cref="FrabSchedule.BlockIdBase"/>).</item>
/// <item>speakers: one per person id (or name when there is no id), with a slug made from the name.</item>
/// </list>
/// Only problems the seed model cannot express (a missing date, an unreadable duration) are reported here; all
/// others by the seed validation, by entry and field.
/// </summary>
public static class FrabScheduleReader
{
    public static SeedFile Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SeedException([new SeedProblem(path, "(file)", "(file)", $"cannot be read: {ex.Message}")]);
        }
        return Parse(text, Path.GetFileName(path));
    }

    public static SeedFile Parse(string text, string fileName)
    {
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        Document document;
        try
        {
            document = trimmed.StartsWith('<') ? FromXml(trimmed) : trimmed.StartsWith('{')
                ? FromJson(trimmed)
                : throw new SeedException([new SeedProblem(fileName, "(file)", "(syntax)", "is neither a frab schedule.xml nor a schedule.json")]);
        }
        catch (XmlException ex)
        {
            throw new SeedException([new SeedProblem(fileName, $"line {ex.LineNumber}, column {ex.LinePosition}", "(syntax)", ex.Message)]);
        }
        catch (JsonException ex)
        {
            throw new SeedException([new SeedProblem(fileName, $"line {(ex.LineNumber ?? 0) + 1}", "(syntax)", ex.Message)]);
        }
        return new Conversion(fileName).ToSeed(document);
    }

    private sealed record Document(string? Title, string? Start, string? End, string? TimeZone, string? Url,
        IReadOnlyList<DocRoom> Rooms, IReadOnlyList<DocEvent> Events, IReadOnlyList<string> DayDates);

    private sealed record DocRoom(string Name, string? Guid, int? Capacity);

    private sealed record DocEvent(string Position, string? DayDate, string Room, string? RoomGuid, long? Id, string? Date, string? Start,
        string? Duration, string? Title, string? Type, string? Track, string? Abstract, string? Description,
        IReadOnlyList<(long? Id, string Name)> Persons, IReadOnlyList<(string Url, string? Title, string? Type)> Links, string? Recording);

    private static Document FromXml(string text)
    {
        var root = XDocument.Parse(text).Root ?? throw new XmlException("no root element");
        var conference = root.Element("conference");
        var rooms = new List<DocRoom>();
        var events = new List<DocEvent>();
        var d = 0;
        foreach (var day in root.Elements("day"))
        {
            foreach (var room in day.Elements("room"))
            {
                var roomName = (string?)room.Attribute("name") ?? "";
                var roomGuid = (string?)room.Attribute("guid");
                if (!rooms.Any(r => r.Name == roomName))
                {
                    rooms.Add(new DocRoom(roomName, roomGuid, null));
                }
                var e = 0;
                foreach (var ev in room.Elements("event"))
                {
                    var links = ev.Element("links")?.Elements("link")
                        .Select(l => ((string?)l.Attribute("href") ?? "", (string?)l.Value, (string?)l.Attribute("type")))
                        .Where(l => l.Item1.Length > 0).ToList() ?? [];
                    events.Add(new DocEvent($"day[{d}] room \"{roomName}\" event[{e}]", (string?)day.Attribute("date"), roomName, roomGuid,
                        long.TryParse((string?)ev.Attribute("id"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null,
                        Text(ev, "date"), Text(ev, "start"), Text(ev, "duration"), Text(ev, "title"), Text(ev, "type"), Text(ev, "track"),
                        Text(ev, "abstract"), Text(ev, "description"),
                        ev.Element("persons")?.Elements("person")
                            .Select(p => (long.TryParse((string?)p.Attribute("id"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var pid) ? (long?)pid : null, p.Value.Trim()))
                            .ToList() ?? [],
                        links,
                        NullIfEmpty(ev.Element("recording")?.Element("url")?.Value) ?? NullIfEmpty(ev.Element("video_download_url")?.Value)));
                    e++;
                }
            }
            d++;
        }
        return new Document(Text(conference, "title"), Text(conference, "start"), Text(conference, "end"),
            Text(conference, "time_zone_name"), Text(conference, "url"), rooms, events,
            root.Elements("day").Select(day => (string?)day.Attribute("date")).OfType<string>().ToList());

        static string? Text(XElement? parent, string name) => parent?.Element(name)?.Value;
    }

    private static Document FromJson(string text)
    {
        using var json = JsonDocument.Parse(text);
        var schedule = Property(json.RootElement, "schedule") ?? throw new JsonException("no \"schedule\" object");
        var conference = Property(schedule, "conference") ?? throw new JsonException("no \"schedule.conference\" object");
        var rooms = new List<DocRoom>();
        if (Property(conference, "rooms") is { ValueKind: JsonValueKind.Array } roomList)
        {
            foreach (var room in roomList.EnumerateArray())
            {
                rooms.Add(new DocRoom(Str(room, "name") ?? "", Str(room, "guid"),
                    Property(room, "capacity") is { ValueKind: JsonValueKind.Number } c && c.TryGetInt32(out var capacity) ? capacity : null));
            }
        }
        var events = new List<DocEvent>();
        var d = 0;
        foreach (var day in Property(conference, "days") is { ValueKind: JsonValueKind.Array } days ? days.EnumerateArray() : default)
        {
            if (Property(day, "rooms") is { ValueKind: JsonValueKind.Object } dayRooms)
            {
                foreach (var room in dayRooms.EnumerateObject())
                {
                    var known = rooms.FirstOrDefault(r => r.Name == room.Name);
                    if (known is null)
                    {
                        rooms.Add(known = new DocRoom(room.Name, null, null));
                    }
                    var e = 0;
                    foreach (var ev in room.Value.ValueKind == JsonValueKind.Array ? room.Value.EnumerateArray() : default)
                    {
                        var persons = Property(ev, "persons") is { ValueKind: JsonValueKind.Array } ps
                            ? ps.EnumerateArray().Select(p => (
                                Property(p, "id") is { ValueKind: JsonValueKind.Number } pid && pid.TryGetInt64(out var n) ? (long?)n : null,
                                (Str(p, "name") ?? Str(p, "public_name") ?? "").Trim())).ToList()
                            : [];
                        var links = Property(ev, "links") is { ValueKind: JsonValueKind.Array } ls
                            ? ls.EnumerateArray().Where(l => l.ValueKind == JsonValueKind.Object && Str(l, "url") is not null)
                                .Select(l => (Str(l, "url")!, Str(l, "title"), Str(l, "type"))).ToList()
                            : [];
                        events.Add(new DocEvent($"day[{d}] room \"{room.Name}\" event[{e}]", Str(day, "date"), room.Name, known.Guid,
                            Property(ev, "id") is { ValueKind: JsonValueKind.Number } id && id.TryGetInt64(out var number) ? number : null,
                            Str(ev, "date"), Str(ev, "start"), Str(ev, "duration"), Str(ev, "title"), Str(ev, "type"), Str(ev, "track"),
                            Str(ev, "abstract"), Str(ev, "description"), persons, links, null));
                        e++;
                    }
                }
            }
            d++;
        }
        return new Document(Str(conference, "title"), Str(conference, "start"), Str(conference, "end"),
            Str(conference, "time_zone_name"), Str(conference, "url"), rooms, events,
            Property(conference, "days") is { ValueKind: JsonValueKind.Array } dayList
                ? dayList.EnumerateArray().Select(day => Str(day, "date")).OfType<string>().ToList()
                : []);

        static JsonElement? Property(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

        static string? Str(JsonElement element, string name) =>
            Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private sealed class Conversion(string fileName)
    {
        private readonly List<SeedProblem> _problems = [];

        private void Problem(string entry, string field, string message) => _problems.Add(new SeedProblem(fileName, entry, field, message));

        public SeedFile ToSeed(Document doc)
        {
            var title = NullIfEmpty(doc.Title);
            var startDate = NullIfEmpty(doc.Start)?[..Math.Min(10, doc.Start!.Trim().Length)];
            var endDate = NullIfEmpty(doc.End)?[..Math.Min(10, doc.End!.Trim().Length)];
            TimeZoneInfo? zone = null;
            var zoneId = NullIfEmpty(doc.TimeZone);
            if (zoneId is null)
            {
                // No zone named: keep the wall-clock times of the first event's offset.
                var first = doc.Events.Select(e => Instant(e.Date)).FirstOrDefault(i => i is not null);
                var hours = first is { } f ? (int)Math.Round(f.Offset.TotalHours) : 0;
                zoneId = hours == 0 ? "UTC" : $"Etc/GMT{(hours > 0 ? "-" : "+")}{Math.Abs(hours).ToString(CultureInfo.InvariantCulture)}";
            }
            if (TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found))
            {
                zone = found;
            }

            DateOnly? eventStart = DateOnly.TryParseExact(startDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var s) ? s : null;
            var eventSlug = title is not null && eventStart is not null
                ? CalendarUids.EventSlug(new Programme.EventInfo(title, eventStart.Value, eventStart.Value, TimeZoneInfo.Utc, "", null, null, null, null, null, null, [], []))
                : "";
            var noRoomGuid = FrabSchedule.NoRoomGuid(eventSlug);
            var isNoRoom = (string? guid) => string.Equals(guid, noRoomGuid, StringComparison.OrdinalIgnoreCase);
            var venue = doc.Rooms.FirstOrDefault(r => isNoRoom(r.Guid))?.Name ?? title;

            var seed = new SeedFile
            {
                Event = new SeedEvent
                {
                    Name = title,
                    StartDate = startDate,
                    EndDate = endDate,
                    TimeZone = zoneId,
                    Venue = venue,
                    Url = NullIfEmpty(doc.Url),
                },
            };
            foreach (var room in doc.Rooms.Where(r => !isNoRoom(r.Guid)))
            {
                var (code, name) = SplitRoom(room.Name);
                seed.Rooms.Add(new SeedRoom { Code = code, Name = name, Capacity = room.Capacity });
            }

            var speakerByKey = new Dictionary<string, SeedSpeaker>(StringComparer.Ordinal);
            var days = new SortedDictionary<string, SeedDay>(StringComparer.Ordinal);
            foreach (var ev in doc.Events)
            {
                var entry = $"{ev.Position} (id {ev.Id?.ToString(CultureInfo.InvariantCulture) ?? "none"} \"{ev.Title}\")";
                var start = StartOf(ev, entry, zone);
                var duration = DurationOf(ev.Duration);
                if (duration is null)
                {
                    Problem(entry, "duration", $"'{ev.Duration}' is not a duration in the form HH:MM");
                }
                var kind = KindOf(ev.Track) ?? KindOf(ev.Type);
                var type = NullIfEmpty(ev.Type);
                if (type is not null && kind is not null && string.Equals(type, FrabSchedule.KindName(kind.Value), StringComparison.OrdinalIgnoreCase))
                {
                    type = null;
                }
                kind ??= SessionKind.Talk;
                var intermission = kind is SessionKind.Break or SessionKind.Meal or SessionKind.Registration or SessionKind.Social;
                var numbered = ev.Id is > 0 and < FrabSchedule.BlockIdBase && !(intermission && ev.Persons.Count == 0 && string.IsNullOrWhiteSpace(ev.Abstract));
                if (start is null || duration is null)
                {
                    continue;
                }

                var seedEntry = new SeedEntry
                {
                    Number = numbered ? (int)ev.Id!.Value : null,
                    Kind = kind.Value.ToString().ToLowerInvariant(),
                    Title = ev.Title,
                    Start = start.Value.ToString("HH:mm", CultureInfo.InvariantCulture),
                    // Past midnight the end reads as a time before the start, which the seed validation reports.
                    End = start.Value.Add(duration.Value).ToString("HH:mm", CultureInfo.InvariantCulture),
                    Room = isNoRoom(ev.RoomGuid) ? null : SplitRoom(ev.Room).Code,
                };
                if (numbered)
                {
                    seedEntry.Type = type;
                    var text = string.Join("\n\n", new[] { ev.Abstract, ev.Description }.Select(NullIfEmpty).OfType<string>().Distinct());
                    seedEntry.Abstract = text.Length == 0 ? null : text.Replace("\r\n", "\n", StringComparison.Ordinal);
                    seedEntry.Recording = ev.Recording
                        ?? ev.Links.FirstOrDefault(l => l.Title == FrabScheduleWriter.RecordingTitle || l.Type == "media").Url;
                    foreach (var (id, name) in ev.Persons.Where(p => p.Name.Length > 0))
                    {
                        var key = id?.ToString(CultureInfo.InvariantCulture) ?? "name:" + name;
                        if (!speakerByKey.TryGetValue(key, out var speaker))
                        {
                            speaker = new SeedSpeaker { Slug = UniqueSlug(name, seed.Speakers), Name = name };
                            speakerByKey[key] = speaker;
                            seed.Speakers.Add(speaker);
                        }
                        if (!seedEntry.Speakers.Contains(speaker.Slug!))
                        {
                            seedEntry.Speakers.Add(speaker.Slug!);
                        }
                    }
                }
                var date = start.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (!days.TryGetValue(date, out var day))
                {
                    days[date] = day = new SeedDay { Date = date };
                }
                day.Entries.Add(seedEntry);
            }
            // Days without events still belong to the programme.
            foreach (var date in doc.DayDates)
            {
                days.TryAdd(date, new SeedDay { Date = date });
            }
            foreach (var day in days.Values)
            {
                day.Entries.Sort((a, b) => string.CompareOrdinal(a.Start, b.Start));
                seed.Days.Add(day);
            }
            if (_problems.Count > 0)
            {
                throw new SeedException(_problems);
            }
            return seed;
        }

        /// <summary>The wall-clock start in the event's zone: from the date (with offset), else the day and start.</summary>
        private DateTime? StartOf(DocEvent ev, string entry, TimeZoneInfo? zone)
        {
            if (Instant(ev.Date) is { } instant)
            {
                return zone is null ? instant.DateTime : TimeZoneInfo.ConvertTime(instant, zone).DateTime;
            }
            if (DateOnly.TryParseExact(ev.DayDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && TimeOnly.TryParseExact(ev.Start, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                return day.ToDateTime(time);
            }
            Problem(entry, "date", $"'{ev.Date}' is not an ISO 8601 date and time (and the start '{ev.Start}' on day '{ev.DayDate}' does not help)");
            return null;
        }
    }

    private static DateTimeOffset? Instant(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? instant : null;

    private static TimeSpan? DurationOf(string? text)
    {
        var parts = (text ?? "").Trim().Split(':');
        if (parts.Length is < 2 or > 3 || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
        {
            return null;
        }
        var duration = new TimeSpan(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture),
            parts.Length == 3 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 0);
        return duration > TimeSpan.Zero ? duration : null;
    }

    private static SessionKind? KindOf(string? text) =>
        Enum.TryParse<SessionKind>(text?.Trim(), ignoreCase: true, out var kind) && !int.TryParse(text, out _) ? kind : null;

    /// <summary>"PI/4-400 Space Room" is code "PI/4-400" and name "Space Room"; a one-word room is both.</summary>
    internal static (string Code, string Name) SplitRoom(string room)
    {
        var text = room.Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (text, text) : (text[..space], text[(space + 1)..].Trim());
    }

    private static string UniqueSlug(string name, List<SeedSpeaker> taken)
    {
        var slug = Slugs.From(name);
        if (slug.Length == 0)
        {
            slug = "speaker";
        }
        var candidate = slug;
        for (var i = 2; taken.Any(s => s.Slug == candidate); i++)
        {
            candidate = $"{slug}-{i.ToString(CultureInfo.InvariantCulture)}";
        }
        return candidate;
    }
}

/// <summary>A frab schedule file as a validated programme, ready for <see cref="SeedImporter"/>.</summary>
public static class FrabImport
{
    /// <summary>Reads the schedule and validates it exactly as a seed file is validated (by writing it as one and reading
    /// that back): every problem names the entry and the field, and nothing is returned unless all is well.</summary>
    public static SeedProgramme Read(string path) => Validate(FrabScheduleReader.Read(path), Path.GetFileName(path));

    public static SeedProgramme Parse(string text, string fileName) => Validate(FrabScheduleReader.Parse(text, fileName), fileName);

    private static SeedProgramme Validate(SeedFile file, string fileName) => SeedReader.Parse(SeedFileWriter.ToYaml(file), fileName);
}
