using System.Text.Json;
using System.Text.Json.Serialization;
using TheoryAI.Web.Data;

namespace TheoryAI.Web.Programme;

/// <summary>
/// A programme frozen in a <see cref="Release"/>: the snapshot's content as plain JSON (the zone by its IANA id), so a
/// release reads back as the same <see cref="ProgrammeSnapshot"/> whatever the editable tables hold since.
/// </summary>
public sealed record ReleaseDocument(
    ReleaseDocument.EventPart Event,
    IReadOnlyList<RoomInfo> Rooms,
    IReadOnlyList<DayInfo> Days,
    IReadOnlyList<SpeakerInfo> Speakers,
    IReadOnlyList<ReleaseDocument.EntryPart> Entries)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record EventPart(string Name, DateOnly StartDate, DateOnly EndDate, string TimeZoneId, string Venue,
        string? Address, string? Host, string? Url, string? DescriptionMarkdown, string? CompanionName, string? CompanionUrl,
        IReadOnlyList<PersonInfo> Organizers, IReadOnlyList<PersonInfo> AdvisoryCommittee, string? DirectionsMarkdown = null,
        LookPart? Look = null);

    /// <summary>The event's look as organizers set it (releases made before it existed have none: the defaults).</summary>
    public sealed record LookPart(string? Accent, string? Tagline, string? ShortName, EventImageInfo? Logo, EventImageInfo? HeaderImage);

    public sealed record TalkPart(int Number, string? Type, string? AbstractMarkdown, string? RecordingUrl, IReadOnlyList<int> SpeakerIds);

    public sealed record EntryPart(int SessionId, SessionKind Kind, string Title, DateTime Start, DateTime End, int? RoomId,
        TalkPart? Talk, int Sequence, DateTime LastModifiedUtc, bool Cancelled);

    public static ReleaseDocument From(ProgrammeSnapshot programme)
    {
        var ev = programme.Event;
        return new ReleaseDocument(
            new EventPart(ev.Name, ev.StartDate, ev.EndDate, ev.TimeZoneId, ev.Venue, ev.Address, ev.Host, ev.Url,
                ev.DescriptionMarkdown, ev.CompanionName, ev.CompanionUrl, ev.Organizers, ev.AdvisoryCommittee, ev.DirectionsMarkdown,
                new LookPart(ev.Look.Accent, ev.Look.Tagline, ev.Look.ConfiguredShortName, ev.Look.Logo, ev.Look.HeaderImage)),
            programme.Rooms, programme.Days.Select(d => new DayInfo(d.Date, d.Title)).ToList(), programme.Speakers,
            programme.Entries.Select(e => new EntryPart(e.SessionId, e.Kind, e.Title, e.Start, e.End, e.Room?.Id,
                e.Talk is { } t ? new TalkPart(t.Number, t.Type, t.AbstractMarkdown, t.RecordingUrl, t.Speakers.Select(s => s.Id).ToList()) : null,
                e.Sequence, e.LastModifiedUtc, e.Cancelled)).ToList());
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReleaseDocument FromJson(string json) =>
        JsonSerializer.Deserialize<ReleaseDocument>(json, Json) ?? throw new InvalidOperationException("A release holds no programme.");

    /// <summary>The snapshot of this document at <paramref name="version"/> (the release's number).</summary>
    public ProgrammeSnapshot ToSnapshot(long version)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Event.TimeZoneId);
        var eventInfo = new EventInfo(Event.Name, Event.StartDate, Event.EndDate, zone, Event.Venue, Event.Address, Event.Host,
            Event.Url, Event.DescriptionMarkdown, Event.CompanionName, Event.CompanionUrl, Event.Organizers, Event.AdvisoryCommittee)
        {
            DirectionsMarkdown = Event.DirectionsMarkdown,
            Look = EventLook.Create(Event.Name, Event.Look?.Accent, Event.Look?.Tagline, Event.Look?.ShortName, Event.Look?.Logo, Event.Look?.HeaderImage),
        };
        var rooms = Rooms.ToDictionary(r => r.Id);
        var speakers = Speakers.ToDictionary(s => s.Id);
        var entries = Entries.Select(e => new ProgrammeEntry(e.SessionId, e.Kind, e.Title,
                DateTime.SpecifyKind(e.Start, DateTimeKind.Unspecified), DateTime.SpecifyKind(e.End, DateTimeKind.Unspecified),
                EventClock.ToInstant(e.Start, zone), EventClock.ToInstant(e.End, zone),
                e.RoomId is int roomId ? rooms[roomId] : null,
                e.Talk is { } t ? new TalkInfo(t.Number, t.Type, t.AbstractMarkdown, t.RecordingUrl, t.SpeakerIds.Select(id => speakers[id]).ToList()) : null,
                e.Sequence, DateTime.SpecifyKind(e.LastModifiedUtc, DateTimeKind.Utc))
        { Cancelled = e.Cancelled })
            .ToList();
        return new ProgrammeSnapshot(version, eventInfo, Rooms, Days, entries, Speakers);
    }
}
