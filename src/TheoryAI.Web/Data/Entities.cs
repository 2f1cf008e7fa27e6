namespace TheoryAI.Web.Data;

/// <summary>The kinds of timetable block. Stored as lower-case text so the seed file and the database agree.</summary>
public enum SessionKind
{
    Talk,
    Discussion,
    Break,
    Meal,
    Registration,
    Remarks,
    Social,
}

/// <summary>Something organizers edit: carries an optimistic-concurrency token renewed on every save.</summary>
public interface IEditable
{
    Guid ConcurrencyStamp { get; set; }
}

public sealed class ConferenceEvent : IEditable
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>IANA time zone id (e.g. America/Toronto); every stored time is wall-clock time in this zone.</summary>
    public required string TimeZoneId { get; set; }
    public required string Venue { get; set; }
    public string? Address { get; set; }
    public string? Host { get; set; }
    public string? Url { get; set; }
    public string? DescriptionMarkdown { get; set; }
    public string? CompanionName { get; set; }
    public string? CompanionUrl { get; set; }
    /// <summary>How to get to the venue (Markdown), shown on the venue page.</summary>
    public string? DirectionsMarkdown { get; set; }
    /// <summary>The accent colour, lower-case #rrggbb (<see cref="Programme.AccentColour"/>); null: the site's default.</summary>
    public string? Accent { get; set; }
    /// <summary>One line under the name (home page, share image, booklet cover).</summary>
    public string? Tagline { get; set; }
    /// <summary>The name where the full one does not fit; null: the name up to a colon.</summary>
    public string? ShortName { get; set; }
    /// <summary>The logo (SVG or PNG) by its content hash.</summary>
    public string? LogoHash { get; set; }
    public EventImage? Logo { get; set; }
    /// <summary>The header image (JPEG, PNG or WebP) by its content hash.</summary>
    public string? HeaderImageHash { get; set; }
    public EventImage? HeaderImage { get; set; }
    /// <summary>Grows with every saved change to the programme; caches and ETags key on it.</summary>
    public long ProgrammeVersion { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
    public List<EventPerson> People { get; set; } = [];
}

public enum EventRole
{
    Organizer,
    AdvisoryCommittee,
}

public sealed class EventPerson
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public EventRole Role { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public string? Affiliation { get; set; }
}

public sealed class Day
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public string? Title { get; set; }
}

public sealed class Room : IEditable
{
    public int Id { get; set; }
    /// <summary>The venue's room code, e.g. "PI/4-400".</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int? Capacity { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>
/// A block of the timetable: a talk, a discussion, a break, a meal... Start and End are wall-clock times in the
/// event's zone (DateTimeKind.Unspecified); convert through <see cref="ConferenceEvent.TimeZoneId"/>.
/// </summary>
public sealed class Session : IEditable
{
    public int Id { get; set; }
    public SessionKind Kind { get; set; }
    public required string Title { get; set; }
    public DateTime Start { get; set; }
    public DateTime End { get; set; }
    public int? RoomId { get; set; }
    public Room? Room { get; set; }
    /// <summary>The contribution held in this block, if it is a numbered contribution.</summary>
    public Talk? Talk { get; set; }
    /// <summary>iCalendar SEQUENCE: grows when the time, room or title changes.</summary>
    public int Sequence { get; set; }
    public DateTime LastModifiedUtc { get; set; }
    /// <summary>Cancelled, not deleted: it stays in the programme labelled, and calendars are told (STATUS:CANCELLED).</summary>
    public bool Cancelled { get; set; }
    /// <summary>Deliberately shares its room with a block at the same time (the seed's allowRoomSharing, the form's tick).</summary>
    public bool AllowRoomSharing { get; set; }
    /// <summary>Seed provenance: which source the times come from, and which fields were inferred.</summary>
    public string? Source { get; set; }
    public string? InferredFields { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>A numbered contribution (Indico numbering) with its speakers and abstract; its title and time are its session's.</summary>
public sealed class Talk : IEditable
{
    public int Id { get; set; }
    public int Number { get; set; }
    public int SessionId { get; set; }
    public Session Session { get; set; } = null!;
    public string? Type { get; set; }
    public string? AbstractMarkdown { get; set; }
    public string? RecordingUrl { get; set; }
    public List<TalkSpeaker> Speakers { get; set; } = [];
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

public sealed class TalkSpeaker
{
    public int TalkId { get; set; }
    public Talk Talk { get; set; } = null!;
    public int SpeakerId { get; set; }
    public Speaker Speaker { get; set; } = null!;
    public int Position { get; set; }
}

public sealed class Speaker : IEditable
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Affiliation { get; set; }
    public string? HomepageUrl { get; set; }
    /// <summary>A short biography in Markdown, shown on the speaker's page and in the booklet's speaker index.</summary>
    public string? BioMarkdown { get; set; }
    public SpeakerPhoto? Photo { get; set; }
    public List<TalkSpeaker> Talks { get; set; } = [];
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>A speaker's photo as the site serves it: re-encoded (no metadata), resized; kept apart from the speaker so
/// reading the programme never loads image bytes.</summary>
public sealed class SpeakerPhoto
{
    public int SpeakerId { get; set; }
    public Speaker Speaker { get; set; } = null!;
    public required byte[] Content { get; set; }
    public required string ContentType { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    /// <summary>A hash of <see cref="Content"/>: the photo's ETag and the version in its address.</summary>
    public required string Hash { get; set; }
}

/// <summary>
/// An image of the event (its logo or header image), kept by content hash apart from the event so reading the
/// programme never loads image bytes. Rows are never changed or deleted: a release names its images by hash, so the
/// published logo stays servable while the draft has another, and "discard the draft" can put the old one back.
/// </summary>
public sealed class EventImage
{
    /// <summary>A hash of <see cref="Content"/> (<see cref="Programme.EventImageRules.HashOf"/>): the key, the ETag and the version in its address.</summary>
    public required string Hash { get; set; }
    public required byte[] Content { get; set; }
    public required string ContentType { get; set; }
}

public enum ChangeKind
{
    Added,
    Cancelled,
    TimeChanged,
    RoomChanged,
    TitleChanged,
    Other,
}

/// <summary>One recorded change: who, when, what, and each field from what to what.</summary>
public sealed class ChangeRecord
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string ChangedBy { get; set; }
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    public ChangeKind Kind { get; set; }
    /// <summary>Whether attendees care (time, room, title, added, cancelled): shown on /changes and in the Atom feed.</summary>
    public bool IsPublic { get; set; }
    public required string Summary { get; set; }
    /// <summary>JSON array of { field, from, to }.</summary>
    public string? FieldChangesJson { get; set; }
    public int? TalkNumber { get; set; }
    public int? SessionId { get; set; }
}

/// <summary>
/// A published version of the programme: the draft (the editable tables) frozen as JSON at the moment an organizer
/// published it. Immutable once written; every public view renders the latest one.
/// </summary>
public sealed class Release
{
    public int Id { get; set; }
    /// <summary>1, 2, 3...: grows with every release, never reused (caches and ETags key on it).</summary>
    public int Number { get; set; }
    public required string Name { get; set; }
    public string? Note { get; set; }
    public DateTime PublishedAtUtc { get; set; }
    public required string PublishedBy { get; set; }
    /// <summary>The programme as <see cref="Programme.ReleaseDocument"/> JSON.</summary>
    public required string ProgrammeJson { get; set; }
}
