using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TheoryAI.Web.Data;
using TheoryAI.Web.Export.Calendar;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Frab;

/// <summary>What a schedule document holds: the whole programme or a personal selection, and the site's address.</summary>
public sealed record FrabOptions(Uri BaseUrl, AgendaSelection? Selection = null, string Language = "en");

/// <summary>
/// The programme laid out as the frab schedule lays it out (days, rooms per day, events per room), with every
/// identifier fixed: both writers serialize this one model, and the importer reverses it.
/// </summary>
public sealed record FrabSchedule(string Version, string Acronym, string Title, EventInfo Event, Uri BaseUrl,
    IReadOnlyList<FrabRoom> Rooms, IReadOnlyList<FrabDay> Days)
{
    /// <summary>Ids of blocks that are not numbered contributions start here, far above any talk number.</summary>
    public const int BlockIdBase = 1_000_000_000;

    /// <summary>The RFC 4122 URL namespace: guids are UUIDv5 of the calendar UID in it.</summary>
    private static readonly Guid UrlNamespace = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    public static FrabSchedule From(ProgrammeSnapshot programme, FrabOptions options)
    {
        var uids = CalendarUids.For(programme);
        var eventSlug = CalendarUids.EventSlug(programme.Event);
        var acronym = AcronymOf(programme.Event);
        var ids = BlockIds(programme, uids);
        var personIds = PersonIds(programme);
        var noRoom = NoRoomName(programme.Event);
        var selected = options.Selection is { } selection
            ? selection.Resolve(programme).Found.Select(e => e.SessionId).ToHashSet()
            : null;

        var rooms = programme.Rooms.Select(r => new FrabRoom(r.DisplayName, RoomGuid(eventSlug, r.Code), r.Capacity)).ToList();
        var days = new List<FrabDay>();
        foreach (var (day, index) in programme.Days.Select((d, i) => (d, i + 1)))
        {
            var entries = day.Entries.Where(e => selected is null || selected.Contains(e.SessionId)).ToList();
            var byRoom = entries.GroupBy(e => e.Room?.DisplayName ?? noRoom)
                .OrderBy(g => g.Key == noRoom ? 0 : 1)
                .ThenBy(g => g.First().Room?.Code, StringComparer.Ordinal)
                .Select(g => new FrabDayRoom(g.Key, g.Key == noRoom ? NoRoomGuid(eventSlug) : RoomGuid(eventSlug, g.First().Room!.Code),
                    g.Select(e => EventOf(programme, e, uids[e.SessionId], ids, personIds, acronym, g.Key, options)).ToList()))
                .ToList();
            days.Add(new FrabDay(index, day.Date, DayStart(day.Date, programme.TimeZone), DayStart(day.Date.AddDays(1), programme.TimeZone), byRoom));
        }
        if (days.Any(d => d.Rooms.Any(r => r.Name == noRoom)))
        {
            rooms.Insert(0, new FrabRoom(noRoom, NoRoomGuid(eventSlug), null));
        }
        return new FrabSchedule(programme.Version.ToString(CultureInfo.InvariantCulture), acronym, programme.Event.Name,
            programme.Event, options.BaseUrl, rooms, days);
    }

    private static FrabEvent EventOf(ProgrammeSnapshot programme, ProgrammeEntry entry, string uid, Dictionary<int, int> blockIds,
        Dictionary<string, int> personIds, string acronym, string room, FrabOptions options)
    {
        var talk = entry.Talk;
        var id = talk?.Number ?? blockIds[entry.SessionId];
        var kind = KindName(entry.Kind);
        var titleSlug = Slugs.From(entry.Title);
        if (titleSlug.Length > 50)
        {
            titleSlug = titleSlug[..50].TrimEnd('-');
        }
        var local = talk is not null
            ? $"{talk.Number.ToString(CultureInfo.InvariantCulture)}-{titleSlug}"
            : uid[..uid.IndexOf('@', StringComparison.Ordinal)].ToLowerInvariant();
        var path = talk is not null
            ? $"talks/{talk.Number.ToString(CultureInfo.InvariantCulture)}"
            : $"programme/{entry.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        return new FrabEvent(
            Id: id,
            Guid: UuidV5(UrlNamespace, uid),
            Start: entry.StartUtc,
            End: entry.EndUtc,
            Duration: entry.End - entry.Start,
            Room: room,
            Title: entry.Title,
            Type: string.IsNullOrWhiteSpace(talk?.Type) ? kind : talk.Type,
            Track: kind,
            Abstract: talk?.AbstractMarkdown ?? "",
            Slug: $"{acronym}-{local}".TrimEnd('-'),
            Url: new Uri(options.BaseUrl, path).ToString(),
            Language: options.Language,
            Persons: talk?.Speakers.Select(s => new FrabPerson(personIds[s.Slug], s.Name)).ToList() ?? [],
            RecordingUrl: talk?.RecordingUrl);
    }

    /// <summary>"Talk", "Break", ...: the kind of block, as the event's track and (without a contribution type) its type.</summary>
    public static string KindName(SessionKind kind) => kind.ToString();

    /// <summary>The frab acronym: the event slug with underscores (schema.json allows no inner hyphens).</summary>
    public static string AcronymOf(EventInfo ev) => CalendarUids.EventSlug(ev).Replace('-', '_');

    /// <summary>Entries without a room are listed under the venue (every frab event needs a room).</summary>
    public static string NoRoomName(EventInfo ev) => ev.Venue;

    public static string NoRoomGuid(string eventSlug) => UuidV5(UrlNamespace, $"no-room@{eventSlug}").ToString();

    private static string RoomGuid(string eventSlug, string code) => UuidV5(UrlNamespace, $"room-{code}@{eventSlug}").ToString();

    /// <summary>Person ids: the rank of the speaker by name among those who give a talk, from 1; namesakes in the order
    /// they first speak. Only names travel in the document, so ids follow from names and the timetable and survive an
    /// export and import.</summary>
    private static Dictionary<string, int> PersonIds(ProgrammeSnapshot programme) =>
        programme.Talks.SelectMany(e => e.Talk!.Speakers).DistinctBy(s => s.Slug, StringComparer.OrdinalIgnoreCase)
            .Select((s, firstSpeaks) => (s.Slug, s.Name, firstSpeaks))
            .OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.firstSpeaks)
            .Select((s, i) => (s.Slug, Id: i + 1))
            .ToDictionary(x => x.Slug, x => x.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>Stable ids for breaks, meals and socials: a hash of the calendar UID above <see cref="BlockIdBase"/>;
    /// the rare clash moves to the next free id, in UID order, so it is decided the same way every time.</summary>
    private static Dictionary<int, int> BlockIds(ProgrammeSnapshot programme, IReadOnlyDictionary<int, string> uids)
    {
        var taken = programme.Talks.Select(e => e.Talk!.Number).ToHashSet();
        var ids = new Dictionary<int, int>();
        foreach (var entry in programme.Entries.Where(e => e.Talk is null).OrderBy(e => uids[e.SessionId], StringComparer.Ordinal))
        {
            var hash = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(uids[entry.SessionId])), 0);
            var id = BlockIdBase + (int)(hash % (int.MaxValue - BlockIdBase - 1000));
            while (!taken.Add(id))
            {
                id++;
            }
            ids[entry.SessionId] = id;
        }
        return ids;
    }

    /// <summary>Midnight at the start of the date in the zone (or the first existing minute after it).</summary>
    private static DateTimeOffset DayStart(DateOnly date, TimeZoneInfo zone)
    {
        var time = date.ToDateTime(TimeOnly.MinValue);
        while (!EventClock.Exists(time, zone))
        {
            time = time.AddMinutes(1);
        }
        return EventClock.ToInstant(time, zone);
    }

    /// <summary>A name-based (version 5, SHA-1) UUID, RFC 4122 section 4.3.</summary>
    public static Guid UuidV5(Guid ns, string name)
    {
        var nsBytes = ns.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[nsBytes.Length + nameBytes.Length];
        nsBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, nsBytes.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 prescribes for version 5 UUIDs; nothing here is secret.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}

public sealed record FrabRoom(string Name, string Guid, int? Capacity);

public sealed record FrabDay(int Index, DateOnly Date, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<FrabDayRoom> Rooms);

public sealed record FrabDayRoom(string Name, string Guid, IReadOnlyList<FrabEvent> Events);

public sealed record FrabPerson(int Id, string Name);

public sealed record FrabEvent(int Id, Guid Guid, DateTimeOffset Start, DateTimeOffset End, TimeSpan Duration, string Room,
    string Title, string Type, string Track, string Abstract, string Slug, string Url, string Language,
    IReadOnlyList<FrabPerson> Persons, string? RecordingUrl)
{
    public string StartText => Start.ToString("HH:mm", CultureInfo.InvariantCulture);

    public string DurationText => FormattableString.Invariant($"{(int)Duration.TotalHours:00}:{Duration.Minutes:00}");
}
