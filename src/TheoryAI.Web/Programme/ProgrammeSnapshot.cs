using TheoryAI.Web.Data;

namespace TheoryAI.Web.Programme;

/// <summary>
/// The whole programme as every view reads it (pages, .ics, PDF), at one <see cref="Version"/>.
/// Immutable: built once per version by <see cref="ProgrammeReader"/> and shared between requests.
/// </summary>
public sealed class ProgrammeSnapshot
{
    private readonly Dictionary<int, ProgrammeEntry> _talksByNumber;
    private readonly Dictionary<string, SpeakerInfo> _speakersBySlug;

    public ProgrammeSnapshot(long version, EventInfo @event, IReadOnlyList<RoomInfo> rooms,
        IReadOnlyList<DayInfo> days, IReadOnlyList<ProgrammeEntry> entries, IReadOnlyList<SpeakerInfo> speakers)
    {
        Version = version;
        Event = @event;
        Rooms = rooms;
        Entries = entries.OrderBy(e => e.Start).ThenBy(e => e.End).ThenBy(e => e.Title, StringComparer.Ordinal).ToList();
        Speakers = speakers.OrderBy(s => s.SortKey, StringComparer.OrdinalIgnoreCase).ToList();
        Days = days.OrderBy(d => d.Date)
            .Select(d => new ProgrammeDay(d.Date, d.Title, Entries.Where(e => DateOnly.FromDateTime(e.Start) == d.Date).ToList()))
            .ToList();
        _talksByNumber = Entries.Where(e => e.Talk is not null).ToDictionary(e => e.Talk!.Number);
        _speakersBySlug = Speakers.ToDictionary(s => s.Slug, StringComparer.OrdinalIgnoreCase);
        TalksBySpeaker = Entries.Where(e => e.Talk is not null)
            .SelectMany(e => e.Talk!.Speakers.Select(s => (s.Slug, Entry: e)))
            .ToLookup(x => x.Slug, x => x.Entry, StringComparer.OrdinalIgnoreCase);
    }

    public long Version { get; }
    public EventInfo Event { get; }
    public TimeZoneInfo TimeZone => Event.TimeZone;
    public IReadOnlyList<RoomInfo> Rooms { get; }
    public IReadOnlyList<ProgrammeDay> Days { get; }
    /// <summary>Every timetable block, in time order.</summary>
    public IReadOnlyList<ProgrammeEntry> Entries { get; }
    public IReadOnlyList<SpeakerInfo> Speakers { get; }
    public ILookup<string, ProgrammeEntry> TalksBySpeaker { get; }

    /// <summary>The numbered contributions (talks, discussions, remarks), in time order.</summary>
    public IEnumerable<ProgrammeEntry> Talks => Entries.Where(e => e.Talk is not null);

    public ProgrammeEntry? FindTalk(int number) => _talksByNumber.GetValueOrDefault(number);

    public SpeakerInfo? FindSpeaker(string? slug) => string.IsNullOrWhiteSpace(slug) ? null : _speakersBySlug.GetValueOrDefault(slug);

    public ProgrammeDay? FindDay(DateOnly date) => Days.FirstOrDefault(d => d.Date == date);

    /// <summary>The contribution before and after this one in time order.</summary>
    public (ProgrammeEntry? Previous, ProgrammeEntry? Next) Neighbours(ProgrammeEntry talk)
    {
        var talks = Talks.ToList();
        var index = talks.IndexOf(talk);
        return (index > 0 ? talks[index - 1] : null, index >= 0 && index < talks.Count - 1 ? talks[index + 1] : null);
    }

    /// <summary>The entries running at <paramref name="nowUtc"/> and the next ones to start (for "now" and "next" marks).</summary>
    public (IReadOnlyList<ProgrammeEntry> Current, IReadOnlyList<ProgrammeEntry> Next) NowAndNext(DateTimeOffset nowUtc)
    {
        var current = Entries.Where(e => e.StartUtc <= nowUtc && nowUtc < e.EndUtc).ToList();
        var upcoming = Entries.Where(e => e.StartUtc > nowUtc).ToList();
        var next = upcoming.Count == 0 || DateOnly.FromDateTime(upcoming[0].Start) != DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(nowUtc, TimeZone).DateTime)
            ? []
            : upcoming.Where(e => e.Start == upcoming[0].Start).ToList();
        return (current, next);
    }
}

public sealed record EventInfo(
    string Name,
    DateOnly StartDate,
    DateOnly EndDate,
    TimeZoneInfo TimeZone,
    string Venue,
    string? Address,
    string? Host,
    string? Url,
    string? DescriptionMarkdown,
    string? CompanionName,
    string? CompanionUrl,
    IReadOnlyList<PersonInfo> Organizers,
    IReadOnlyList<PersonInfo> AdvisoryCommittee)
{
    public string TimeZoneId => TimeZone.Id;

    /// <summary>How to get to the venue (Markdown), as organizers wrote it.</summary>
    public string? DirectionsMarkdown { get; init; }

    private EventLook? _look;

    /// <summary>The event's look: accent, tagline, short name, logo and header image (defaults until organizers set them).</summary>
    public EventLook Look
    {
        get => _look ??= EventLook.Create(Name);
        init => _look = value;
    }

    /// <summary>OpenStreetMap's search for the address (a plain link: no map script on the site).</summary>
    public string? MapUrl => string.IsNullOrWhiteSpace(Address) ? null
        : "https://www.openstreetmap.org/search?query=" + Uri.EscapeDataString(VenueWithAddress);

    /// <summary>The venue and its address on one line, as a calendar LOCATION or a postal line.</summary>
    public string VenueWithAddress => string.IsNullOrWhiteSpace(Address) ? Venue : $"{Venue}, {Address}";
}

public sealed record PersonInfo(string Name, string? Affiliation)
{
    public string NameWithAffiliation => string.IsNullOrWhiteSpace(Affiliation) ? Name : $"{Name} ({Affiliation})";
}

public sealed record RoomInfo(int Id, string Code, string Name, int? Capacity)
{
    /// <summary>"PI/4-400 Space Room".</summary>
    public string DisplayName => $"{Code} {Name}";
}

public sealed record DayInfo(DateOnly Date, string? Title);

public sealed record ProgrammeDay(DateOnly Date, string? Title, IReadOnlyList<ProgrammeEntry> Entries)
{
    /// <summary>The date as it appears in URLs: yyyy-MM-dd.</summary>
    public string Slug => Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record SpeakerInfo(int Id, string Slug, string Name, string? Affiliation, string? HomepageUrl,
    string? BioMarkdown = null, string? PhotoHash = null)
{
    public bool HasPhoto => PhotoHash is not null;

    /// <summary>The photo's address, versioned by its hash so a new photo is a new address.</summary>
    public string? PhotoPath => PhotoHash is null ? null : $"/speakers/{Uri.EscapeDataString(Slug)}/photo?v={PhotoHash}";

    public string NameWithAffiliation => string.IsNullOrWhiteSpace(Affiliation) ? Name : $"{Name} ({Affiliation})";

    /// <summary>Family name first, for indexes.</summary>
    public string SortKey
    {
        get
        {
            var space = Name.LastIndexOf(' ');
            return space < 0 ? Name : $"{Name[(space + 1)..]}, {Name[..space]}";
        }
    }
}

public sealed record TalkInfo(int Number, string? Type, string? AbstractMarkdown, string? RecordingUrl, IReadOnlyList<SpeakerInfo> Speakers);

/// <summary>One block of the timetable. Start and End are the event's wall-clock times; StartUtc and EndUtc the instants.</summary>
public sealed record ProgrammeEntry(
    int SessionId,
    SessionKind Kind,
    string Title,
    DateTime Start,
    DateTime End,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    RoomInfo? Room,
    TalkInfo? Talk,
    int Sequence,
    DateTime LastModifiedUtc)
{
    public DateOnly Date => DateOnly.FromDateTime(Start);

    /// <summary>Cancelled: still shown at its time, labelled, and sent to calendars as STATUS:CANCELLED.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Breaks, meals, registration and socials: shown lighter than the scientific programme.</summary>
    public bool IsIntermission => Kind is SessionKind.Break or SessionKind.Meal or SessionKind.Registration or SessionKind.Social;

    /// <summary>A talk proper, not a discussion or remarks: what every view counts when it says "N talks".</summary>
    public bool IsTalk => Kind is SessionKind.Talk;

    public string TimeRange => $"{Start:HH\\:mm}–{End:HH\\:mm}";

    public string KindLabel => Kind.ToString();
}
