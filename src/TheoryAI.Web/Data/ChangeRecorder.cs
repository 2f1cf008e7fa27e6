using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Data;

/// <summary>One field of a recorded change, from what to what (values as people read them: room codes, speaker names).</summary>
public sealed record FieldChange(string Field, string? From, string? To);

/// <summary>
/// Reads the change tracker before a save and turns what is about to change into <see cref="ChangeRecord"/>s: one per
/// timetable block (its session, talk and speakers together) and one per other edited thing (room, speaker, event).
/// Time, room, title, additions and cancellations of blocks are public; the rest is kept for organizers.
/// </summary>
public static class ChangeRecorder
{
    private static readonly CultureInfo English = Display.Culture;

    /// <summary>Bookkeeping columns, not edits.</summary>
    private static readonly HashSet<string> Ignored =
    [
        nameof(IEditable.ConcurrencyStamp), nameof(Session.Sequence), nameof(Session.LastModifiedUtc),
        nameof(ConferenceEvent.ProgrammeVersion), nameof(Session.Source), nameof(Session.InferredFields), "Id",
    ];

    public static PendingChanges Capture(ConferenceDb db)
    {
        var pending = new PendingChanges();
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();

        foreach (var entry in entries)
        {
            switch (entry.Entity)
            {
                case Session session:
                    var block = pending.BlockOf(session, entry.State);
                    if (entry.State == EntityState.Modified)
                    {
                        foreach (var property in entry.Properties.Where(p => IsChanged(p)))
                        {
                            block.Fields.Add(property.Metadata.Name == nameof(Session.RoomId)
                                ? new FieldChange("Room", RoomCode(db, (int?)property.OriginalValue), RoomCode(db, (int?)property.CurrentValue))
                                : new FieldChange(property.Metadata.Name, Show(property.OriginalValue), Show(property.CurrentValue)));
                        }
                    }
                    break;
                case Talk talk when SessionOf(db, talk) is { } talkSession:
                    var talkBlock = pending.BlockOf(talkSession, null);
                    talkBlock.Talk = talk;
                    if (entry.State == EntityState.Modified)
                    {
                        foreach (var property in entry.Properties.Where(p => IsChanged(p)))
                        {
                            talkBlock.Fields.Add(new FieldChange(property.Metadata.Name, Show(property.OriginalValue), Show(property.CurrentValue)));
                        }
                    }
                    break;
                case TalkSpeaker link when db.ChangeTracker.Entries<Talk>().FirstOrDefault(t => t.Entity.Id == link.TalkId && link.TalkId != 0 || ReferenceEquals(t.Entity, link.Talk)) is { } talkEntry
                                         && SessionOf(db, talkEntry.Entity) is { } linkSession:
                    var speakersBlock = pending.BlockOf(linkSession, null);
                    speakersBlock.Talk = talkEntry.Entity;
                    speakersBlock.SpeakersChanged = true;
                    break;
                case Room or Speaker or ConferenceEvent or EventPerson or Day:
                    var other = new OtherChange(entry.Entity, entry.Metadata.ClrType.Name, entry.State);
                    if (entry.State == EntityState.Modified)
                    {
                        other.Fields.AddRange(entry.Properties.Where(p => IsChanged(p))
                            .Select(p => new FieldChange(p.Metadata.Name, Show(p.OriginalValue), Show(p.CurrentValue))));
                    }
                    other.Label = entry.Entity switch
                    {
                        Room r => $"room {r.Code}",
                        Speaker s => $"speaker {s.Name}",
                        ConferenceEvent => "event details",
                        EventPerson p => $"{p.Role} {p.Name}",
                        Day d => $"day {d.Date:yyyy-MM-dd}",
                        _ => entry.Metadata.ClrType.Name,
                    };
                    pending.Others.Add(other);
                    break;
            }
        }

        foreach (var block in pending.Blocks)
        {
            block.RoomCode = RoomCode(db, block.Session.RoomId);
        }
        foreach (var block in pending.Blocks.Where(b => b.SpeakersChanged && b.Talk is not null))
        {
            var links = db.ChangeTracker.Entries<TalkSpeaker>()
                .Where(l => ReferenceEquals(l.Entity.Talk, block.Talk) || (block.Talk!.Id != 0 && l.Entity.TalkId == block.Talk.Id))
                .ToList();
            var before = links.Where(l => l.State != EntityState.Added)
                .OrderBy(l => (int)l.Property(nameof(TalkSpeaker.Position)).OriginalValue!)
                .Select(l => SpeakerName(db, l.Entity));
            var after = links.Where(l => l.State != EntityState.Deleted)
                .OrderBy(l => l.Entity.Position)
                .Select(l => SpeakerName(db, l.Entity));
            var from = string.Join(", ", before);
            var to = string.Join(", ", after);
            if (from != to && block.State == EntityState.Modified)
            {
                block.Fields.Add(new FieldChange("Speakers", from, to));
            }
        }
        return pending;
    }

    private static bool IsChanged(PropertyEntry property) =>
        property.IsModified && !Ignored.Contains(property.Metadata.Name) && !Equals(property.OriginalValue, property.CurrentValue);

    private static Session? SessionOf(ConferenceDb db, Talk talk) =>
        talk.Session as Session ?? db.ChangeTracker.Entries<Session>().FirstOrDefault(s => s.Entity.Id == talk.SessionId)?.Entity;

    private static string? RoomCode(ConferenceDb db, int? roomId) =>
        roomId is int id ? db.Rooms.Find(id)?.Code ?? $"room {id}" : null;

    private static string SpeakerName(ConferenceDb db, TalkSpeaker link) =>
        (link.Speaker as Speaker)?.Name ?? db.Speakers.Find(link.SpeakerId)?.Name ?? $"speaker {link.SpeakerId}";

    private static string? Show(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    internal static string When(DateTime start, DateTime end) =>
        $"{start.ToString("ddd d MMM HH:mm", English)}–{end.ToString("HH:mm", English)}";
}

/// <summary>The changes of one save, gathered before it and written as records after it (when ids are known).</summary>
public sealed class PendingChanges
{
    internal List<BlockChange> Blocks { get; } = [];
    internal List<OtherChange> Others { get; } = [];

    public int Count => Blocks.Count + Others.Count;

    internal BlockChange BlockOf(Session session, EntityState? state)
    {
        var block = Blocks.FirstOrDefault(b => ReferenceEquals(b.Session, session));
        if (block is null)
        {
            block = new BlockChange(session);
            Blocks.Add(block);
        }
        if (state is EntityState s)
        {
            block.State = s;
        }
        return block;
    }

    public IEnumerable<ChangeRecord> ToRecords(string author, DateTime atUtc)
    {
        foreach (var block in Blocks)
        {
            if (block.ToRecord(author, atUtc) is { } record)
            {
                yield return record;
            }
        }
        foreach (var other in Others)
        {
            if (other.ToRecord(author, atUtc) is { } record)
            {
                yield return record;
            }
        }
    }
}

internal sealed class BlockChange(Session session)
{
    public Session Session { get; } = session;
    public EntityState State { get; set; } = EntityState.Modified;
    public Talk? Talk { get; set; }
    public bool SpeakersChanged { get; set; }
    public string? RoomCode { get; set; }
    public List<FieldChange> Fields { get; } = [];

    public ChangeRecord? ToRecord(string author, DateTime atUtc)
    {
        var title = Session.Title;
        string summary;
        ChangeKind kind;
        switch (State)
        {
            case EntityState.Added:
                kind = ChangeKind.Added;
                summary = $"Added “{title}”, {ChangeRecorder.When(Session.Start, Session.End)}" + (RoomCode is null ? "" : $", {RoomCode}");
                break;
            case EntityState.Deleted:
                kind = ChangeKind.Cancelled;
                summary = $"Cancelled “{title}” ({ChangeRecorder.When(Session.Start, Session.End)})";
                break;
            default:
                if (Fields.Count == 0)
                {
                    return null;
                }
                var names = Fields.Select(f => f.Field).ToHashSet();
                kind = names.Contains(nameof(Session.Start)) || names.Contains(nameof(Session.End)) ? ChangeKind.TimeChanged
                    : names.Contains("Room") ? ChangeKind.RoomChanged
                    : names.Contains(nameof(Session.Title)) ? ChangeKind.TitleChanged
                    : ChangeKind.Other;
                summary = Describe(title);
                break;
        }
        return new ChangeRecord
        {
            AtUtc = atUtc,
            ChangedBy = author,
            EntityType = Talk is null ? nameof(Session) : nameof(Data.Talk),
            EntityId = Session.Id,
            Kind = kind,
            IsPublic = kind != ChangeKind.Other,
            Summary = summary.Length > 500 ? summary[..499] + "…" : summary,
            FieldChangesJson = Fields.Count == 0 ? null : JsonSerializer.Serialize(Fields.Select(f => new { field = f.Field, from = f.From, to = f.To })),
            TalkNumber = Talk?.Number ?? Session.Talk?.Number,
            SessionId = Session.Id,
        };
    }

    private string Describe(string title)
    {
        var parts = new List<string>();
        var timeFields = Fields.Where(f => f.Field is nameof(Session.Start) or nameof(Session.End)).ToList();
        if (timeFields.Count > 0)
        {
            var oldStart = Original(nameof(Session.Start), Session.Start);
            var oldEnd = Original(nameof(Session.End), Session.End);
            parts.Add($"moved from {ChangeRecorder.When(oldStart, oldEnd)} to {ChangeRecorder.When(Session.Start, Session.End)}");
        }
        if (Fields.FirstOrDefault(f => f.Field == "Room") is { } roomChange)
        {
            parts.Add($"room changed from {roomChange.From ?? "none"} to {roomChange.To ?? "none"}");
        }
        if (Fields.FirstOrDefault(f => f.Field == nameof(Session.Title)) is { } titleChange)
        {
            parts.Add($"renamed from “{titleChange.From}”");
        }
        var rest = Fields.Select(f => f.Field).Where(f => f is not (nameof(Session.Start) or nameof(Session.End) or "Room" or nameof(Session.Title))).ToList();
        if (rest.Count > 0)
        {
            parts.Add($"{string.Join(", ", rest.Select(r => r.ToLowerInvariant()))} edited");
        }
        return $"“{title}”: {string.Join("; ", parts)}";
    }

    private DateTime Original(string field, DateTime current) =>
        Fields.FirstOrDefault(f => f.Field == field)?.From is { } from
            ? DateTime.ParseExact(from, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : current;
}

internal sealed class OtherChange(object entity, string entityType, EntityState state)
{
    public string Label { get; set; } = "";
    public List<FieldChange> Fields { get; } = [];

    public ChangeRecord? ToRecord(string author, DateTime atUtc)
    {
        if (state == EntityState.Modified && Fields.Count == 0)
        {
            return null;
        }
        var id = entity switch
        {
            Room r => r.Id,
            Speaker s => s.Id,
            ConferenceEvent e => e.Id,
            EventPerson p => p.Id,
            Day d => d.Id,
            _ => 0,
        };
        var summary = state switch
        {
            EntityState.Added => $"Added {Label}",
            EntityState.Deleted => $"Deleted {Label}",
            _ => $"Edited {Label}: {string.Join(", ", Fields.Select(f => f.Field.ToLowerInvariant()))}",
        };
        return new ChangeRecord
        {
            AtUtc = atUtc,
            ChangedBy = author,
            EntityType = entityType,
            EntityId = id,
            Kind = state == EntityState.Added ? ChangeKind.Added : ChangeKind.Other,
            IsPublic = false,
            Summary = summary.Length > 500 ? summary[..499] + "…" : summary,
            FieldChangesJson = Fields.Count == 0 ? null : JsonSerializer.Serialize(Fields.Select(f => new { field = f.Field, from = f.From, to = f.To })),
        };
    }
}
