using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;

namespace TheoryAI.Web.Programme;

/// <summary>What a discard or a revert did, or why it did nothing (then nothing was written).</summary>
public sealed record RevertOutcome(bool Done, string Message);

/// <summary>
/// Puts the draft (the editable tables) back to the latest release: all of it (<see cref="DiscardAllAsync"/>) or one
/// timetable block (<see cref="RevertBlockAsync"/>). Ids are kept, so links and calendar UIDs stay as published: what
/// the draft added since is removed, what it deleted comes back with its id. Each runs as one write transaction
/// (<see cref="ProgrammeWrite"/>), re-reads the draft inside it and refuses when the draft changed since the organizer
/// looked (another organizer's save is never silently undone); the save records its history like every admin save.
/// Calendar SEQUENCE and LAST-MODIFIED are decided at publish, against the releases, so they need no restoring here.
/// </summary>
public static class DraftReverts
{
    /// <summary>The draft's version (it grows with every save), which the discard confirmation carries.</summary>
    public static Task<long> DraftVersionAsync(ConferenceDb db, CancellationToken cancellationToken) =>
        db.Events.AsNoTracking().Select(e => e.ProgrammeVersion).SingleAsync(cancellationToken);

    /// <summary>A short hash of everything a revert puts back in one block of the draft (null: not in the draft), so a
    /// revert can tell that someone changed the block after the organizer saw it listed.</summary>
    public static string Fingerprint(ProgrammeEntry? entry)
    {
        if (entry is null)
        {
            return "absent";
        }
        var talk = entry.Talk;
        var text = string.Join('\u001f', entry.Kind, entry.Title, entry.Start.ToString("O", CultureInfo.InvariantCulture),
            entry.End.ToString("O", CultureInfo.InvariantCulture), entry.Room?.Id, entry.Cancelled, talk?.Number, talk?.Type,
            talk?.AbstractMarkdown, talk?.RecordingUrl, string.Join(",", talk?.Speakers.Select(s => s.Id) ?? []));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 12);
    }

    /// <summary>What the draft holds that the latest release does not, beyond the timetable's blocks (event details,
    /// days, rooms, speakers), in words; photos are not part of a release's content and are left out.</summary>
    public static IReadOnlyList<string> OtherDifferences(ProgrammeSnapshot release, ProgrammeSnapshot draft)
    {
        var before = ReleaseDocument.From(release);
        var after = ReleaseDocument.From(draft);
        var differences = new List<string>();
        if (JsonSerializer.Serialize(before.Event) != JsonSerializer.Serialize(after.Event))
        {
            differences.Add("the event's details");
        }
        foreach (var date in before.Days.Concat(after.Days).Select(d => d.Date).Distinct().Order())
        {
            if (before.Days.FirstOrDefault(d => d.Date == date) != after.Days.FirstOrDefault(d => d.Date == date))
            {
                differences.Add($"the day {Display.LongDate(date)}");
            }
        }
        foreach (var id in before.Rooms.Concat(after.Rooms).Select(r => r.Id).Distinct().Order())
        {
            var old = before.Rooms.FirstOrDefault(r => r.Id == id);
            var now = after.Rooms.FirstOrDefault(r => r.Id == id);
            if (old != now)
            {
                differences.Add($"room {(old ?? now)!.DisplayName}");
            }
        }
        foreach (var id in before.Speakers.Concat(after.Speakers).Select(s => s.Id).Distinct().Order())
        {
            var old = before.Speakers.FirstOrDefault(s => s.Id == id) is { } o ? o with { PhotoHash = null } : null;
            var now = after.Speakers.FirstOrDefault(s => s.Id == id) is { } n ? n with { PhotoHash = null } : null;
            if (old != now)
            {
                differences.Add($"speaker {(old ?? now)!.Name}");
            }
        }
        return differences;
    }

    /// <summary>Puts every editable table back to the latest release, provided the draft is still at
    /// <paramref name="seenDraftVersion"/> (what the organizer confirmed).</summary>
    public static Task<RevertOutcome> DiscardAllAsync(ConferenceDb db, long seenDraftVersion, string author, DateTime nowUtc,
        CancellationToken cancellationToken = default) =>
        RetriedAsync(db, async () =>
        {
            if (await LatestAsync(db, cancellationToken) is not { } latest)
            {
                return new RevertOutcome(false, "Nothing was discarded: nothing has been published yet.");
            }
            var (number, release) = latest;
            if (await DraftVersionAsync(db, cancellationToken) != seenDraftVersion)
            {
                return new RevertOutcome(false, "Nothing was discarded: the draft changed after you opened the confirmation (another organizer saved). Check the unpublished changes below and discard again if you still want to.");
            }
            var draft = await TrackedDraftAsync(db, cancellationToken);
            RestoreEvent(draft, release.Event);
            RestoreDays(db, draft, release.Days);
            RestoreRooms(db, draft, release.Rooms);
            RestoreSpeakers(db, draft, release.Speakers);
            foreach (var session in draft.Sessions.Where(s => release.Entries.All(e => e.SessionId != s.Id)).ToList())
            {
                db.Sessions.Remove(session);
            }
            foreach (var entry in release.Entries)
            {
                RestoreBlock(db, draft, entry);
            }
            // Last, once no block of the draft refers to them any more: what the draft added.
            RemoveAdded(db, draft, release);
            if (!db.ChangeTracker.HasChanges())
            {
                return new RevertOutcome(false, $"The draft is already the same as release {number}: there was nothing to discard.");
            }
            db.Changes.Add(Summary(author, nowUtc, $"Discarded all draft changes: the draft is release {number} again"));
            return await SavedAsync(db, $"Discarded all draft changes: the draft is release {number} again.", "discarded");
        }, cancellationToken);

    /// <summary>Puts one block (session or talk: time, room, title, kind, talk details, speakers, cancelled) back to the
    /// latest release; a block the release does not hold is deleted (it was never published), one the draft deleted is
    /// recreated with its id. <paramref name="seenFingerprint"/> is the block's <see cref="Fingerprint"/> as the
    /// organizer saw it.</summary>
    public static Task<RevertOutcome> RevertBlockAsync(ConferenceDb db, int sessionId, string seenFingerprint, string author, DateTime nowUtc,
        CancellationToken cancellationToken = default) =>
        RetriedAsync(db, async () =>
        {
            if (await LatestAsync(db, cancellationToken) is not { } latest)
            {
                return new RevertOutcome(false, "Nothing was reverted: nothing has been published yet.");
            }
            var (number, release) = latest;
            var snapshot = await ProgrammeReader.LoadAsync(db, cancellationToken);
            var current = snapshot.Entries.FirstOrDefault(e => e.SessionId == sessionId);
            var published = release.Entries.FirstOrDefault(e => e.SessionId == sessionId);
            if (current is null && published is null)
            {
                return new RevertOutcome(false, "Nothing was reverted: that block is neither in the draft nor in the latest release.");
            }
            if (!string.Equals(Fingerprint(current), seenFingerprint, StringComparison.Ordinal))
            {
                return new RevertOutcome(false, $"Nothing was reverted: “{(current ?? Published(release, published!)).Title}” changed after you opened this page (another organizer saved). Check the unpublished changes below and revert again if you still want to.");
            }
            var draft = await TrackedDraftAsync(db, cancellationToken);
            var session = draft.Sessions.FirstOrDefault(s => s.Id == sessionId);
            if (published is null)
            {
                db.Sessions.Remove(session!);
                db.Changes.Add(Summary(author, nowUtc, $"Reverted “{session!.Title}” to release {number}: it was never published, so it was deleted", sessionId));
                return await SavedAsync(db, $"Reverted “{session.Title}”: it was never published, so it was deleted from the draft.", "reverted");
            }
            if (MissingForBlock(draft, release, published) is { } missing)
            {
                return new RevertOutcome(false, $"Nothing was reverted: “{published.Title}” in release {number} needs {missing}, which the draft no longer has. Put that back first (or discard all draft changes).");
            }
            RestoreBlock(db, draft, published);
            if (!db.ChangeTracker.HasChanges())
            {
                return new RevertOutcome(false, $"“{published.Title}” is already as in release {number}: there was nothing to revert.");
            }
            db.Changes.Add(Summary(author, nowUtc, $"Reverted “{published.Title}” to release {number}", sessionId));
            return await SavedAsync(db, $"Reverted “{published.Title}” to release {number}.", "reverted");
        }, cancellationToken);

    /// <summary>What the block's published state refers to that the draft lacks (a room, a speaker, a day, its talk
    /// number taken by another talk), in words; null when the revert can be made whole.</summary>
    private static string? MissingForBlock(TrackedDraft draft, ReleaseDocument release, ReleaseDocument.EntryPart entry)
    {
        if (entry.RoomId is int roomId && draft.Rooms.All(r => r.Id != roomId))
        {
            return $"room {release.Rooms.First(r => r.Id == roomId).DisplayName}";
        }
        var date = DateOnly.FromDateTime(entry.Start);
        if (draft.Days.All(d => d.Date != date))
        {
            return $"the day {Display.LongDate(date)}";
        }
        if (entry.Talk is { } talk)
        {
            var gone = talk.SpeakerIds.Where(id => draft.Speakers.All(s => s.Id != id))
                .Select(id => release.Speakers.First(s => s.Id == id).Name).ToList();
            if (gone.Count > 0)
            {
                return $"{(gone.Count == 1 ? "the speaker" : "the speakers")} {string.Join(", ", gone)}";
            }
            if (draft.Talks.FirstOrDefault(t => t.Number == talk.Number && t.SessionId != entry.SessionId) is { } other)
            {
                return $"its number {talk.Number} (now used by “{draft.Sessions.First(s => s.Id == other.SessionId).Title}”)";
            }
        }
        return null;
    }

    private static ProgrammeEntry Published(ReleaseDocument release, ReleaseDocument.EntryPart entry) =>
        release.ToSnapshot(0).Entries.First(e => e.SessionId == entry.SessionId);

    /// <summary>The editable tables, tracked, so a save writes only what differs from the release.</summary>
    private sealed record TrackedDraft(ConferenceEvent Event, List<EventPerson> People, List<Day> Days, List<Room> Rooms,
        List<Speaker> Speakers, List<Session> Sessions, List<Talk> Talks, List<TalkSpeaker> Links);

    private static async Task<TrackedDraft> TrackedDraftAsync(ConferenceDb db, CancellationToken cancellationToken) => new(
        await db.Events.SingleAsync(cancellationToken),
        await db.EventPeople.ToListAsync(cancellationToken),
        await db.Days.ToListAsync(cancellationToken),
        await db.Rooms.ToListAsync(cancellationToken),
        await db.Speakers.ToListAsync(cancellationToken),
        await db.Sessions.ToListAsync(cancellationToken),
        await db.Talks.ToListAsync(cancellationToken),
        await db.TalkSpeakers.ToListAsync(cancellationToken));

    private static async Task<(int Number, ReleaseDocument Release)?> LatestAsync(ConferenceDb db, CancellationToken cancellationToken)
    {
        var latest = await db.Releases.AsNoTracking().OrderByDescending(r => r.Number)
            .Select(r => new { r.Number, r.ProgrammeJson }).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : (latest.Number, ReleaseDocument.FromJson(latest.ProgrammeJson));
    }

    private static void RestoreEvent(TrackedDraft draft, ReleaseDocument.EventPart ev)
    {
        var e = draft.Event;
        e.Name = ev.Name;
        e.StartDate = ev.StartDate;
        e.EndDate = ev.EndDate;
        e.TimeZoneId = ev.TimeZoneId;
        e.Venue = ev.Venue;
        e.Address = ev.Address;
        e.Host = ev.Host;
        e.Url = ev.Url;
        e.DescriptionMarkdown = ev.DescriptionMarkdown;
        e.CompanionName = ev.CompanionName;
        e.CompanionUrl = ev.CompanionUrl;
        e.DirectionsMarkdown = ev.DirectionsMarkdown;
        // Images are never deleted from the store, so the release's are still there by their hash.
        e.Accent = ev.Look?.Accent;
        e.Tagline = ev.Look?.Tagline;
        e.ShortName = ev.Look?.ShortName;
        e.LogoHash = ev.Look?.Logo?.Hash;
        e.HeaderImageHash = ev.Look?.HeaderImage?.Hash;
        foreach (var (role, people) in new[] { (EventRole.Organizer, ev.Organizers), (EventRole.AdvisoryCommittee, ev.AdvisoryCommittee) })
        {
            var rows = draft.People.Where(p => p.Role == role).OrderBy(p => p.Position).ThenBy(p => p.Id).ToList();
            for (var i = 0; i < Math.Max(rows.Count, people.Count); i++)
            {
                if (i >= people.Count)
                {
                    e.People.Remove(rows[i]);
                    continue;
                }
                if (i >= rows.Count)
                {
                    e.People.Add(new EventPerson { EventId = e.Id, Role = role, Position = i, Name = people[i].Name, Affiliation = people[i].Affiliation });
                    continue;
                }
                rows[i].Position = i;
                rows[i].Name = people[i].Name;
                rows[i].Affiliation = people[i].Affiliation;
            }
        }
    }

    private static void RestoreDays(ConferenceDb db, TrackedDraft draft, IReadOnlyList<DayInfo> days)
    {
        foreach (var day in draft.Days.Where(d => days.All(r => r.Date != d.Date)))
        {
            db.Days.Remove(day);
        }
        foreach (var day in days)
        {
            if (draft.Days.FirstOrDefault(d => d.Date == day.Date) is { } row)
            {
                row.Title = day.Title;
            }
            else
            {
                db.Days.Add(new Day { Date = day.Date, Title = day.Title });
            }
        }
    }

    private static void RemoveAdded(ConferenceDb db, TrackedDraft draft, ReleaseDocument release)
    {
        foreach (var room in draft.Rooms.Where(r => release.Rooms.All(p => p.Id != r.Id)))
        {
            db.Rooms.Remove(room);
        }
        // A speaker added in the draft goes with its links (the blocks it was added to are back as released).
        foreach (var speaker in draft.Speakers.Where(s => release.Speakers.All(p => p.Id != s.Id)))
        {
            foreach (var link in draft.Links.Where(l => l.SpeakerId == speaker.Id && db.Entry(l).State != EntityState.Deleted))
            {
                db.TalkSpeakers.Remove(link);
            }
            db.Speakers.Remove(speaker);
        }
    }

    private static void RestoreRooms(ConferenceDb db, TrackedDraft draft, IReadOnlyList<RoomInfo> rooms)
    {
        foreach (var room in rooms)
        {
            var row = draft.Rooms.FirstOrDefault(r => r.Id == room.Id);
            if (row is null)
            {
                row = new Room { Id = room.Id, Code = room.Code, Name = room.Name };
                db.Rooms.Add(row);
                draft.Rooms.Add(row);
            }
            row.Code = room.Code;
            row.Name = room.Name;
            row.Capacity = room.Capacity;
        }
    }

    private static void RestoreSpeakers(ConferenceDb db, TrackedDraft draft, IReadOnlyList<SpeakerInfo> speakers)
    {
        foreach (var speaker in speakers)
        {
            var row = draft.Speakers.FirstOrDefault(s => s.Id == speaker.Id);
            if (row is null)
            {
                row = new Speaker { Id = speaker.Id, Slug = speaker.Slug, Name = speaker.Name };
                db.Speakers.Add(row);
                draft.Speakers.Add(row);
            }
            row.Slug = speaker.Slug;
            row.Name = speaker.Name;
            row.Affiliation = speaker.Affiliation;
            row.HomepageUrl = speaker.HomepageUrl;
            row.BioMarkdown = speaker.BioMarkdown;
        }
    }

    /// <summary>One block as the release holds it: its session (recreated with its id if the draft deleted it), its
    /// talk and the talk's speakers in order.</summary>
    private static void RestoreBlock(ConferenceDb db, TrackedDraft draft, ReleaseDocument.EntryPart entry)
    {
        var session = draft.Sessions.FirstOrDefault(s => s.Id == entry.SessionId);
        if (session is null)
        {
            session = new Session
            {
                Id = entry.SessionId,
                Title = entry.Title,
                Sequence = entry.Sequence,
                LastModifiedUtc = DateTime.SpecifyKind(entry.LastModifiedUtc, DateTimeKind.Utc),
            };
            db.Sessions.Add(session);
            draft.Sessions.Add(session);
        }
        session.Kind = entry.Kind;
        session.Title = entry.Title;
        session.Start = DateTime.SpecifyKind(entry.Start, DateTimeKind.Unspecified);
        session.End = DateTime.SpecifyKind(entry.End, DateTimeKind.Unspecified);
        session.RoomId = entry.RoomId;
        session.Cancelled = entry.Cancelled;

        var talk = draft.Talks.FirstOrDefault(t => t.SessionId == session.Id && db.Entry(t).State != EntityState.Deleted);
        if (entry.Talk is not { } published)
        {
            if (talk is not null)
            {
                db.Talks.Remove(talk);
            }
            return;
        }
        if (talk is null)
        {
            talk = new Talk { Number = published.Number, Session = session };
            db.Talks.Add(talk);
            draft.Talks.Add(talk);
        }
        talk.Number = published.Number;
        talk.Type = published.Type;
        talk.AbstractMarkdown = published.AbstractMarkdown;
        talk.RecordingUrl = published.RecordingUrl;
        var links = draft.Links.Where(l => ReferenceEquals(l.Talk, talk) || (talk.Id != 0 && l.TalkId == talk.Id)).ToList();
        foreach (var link in links.Where(l => !published.SpeakerIds.Contains(l.SpeakerId) && db.Entry(l).State != EntityState.Deleted))
        {
            db.TalkSpeakers.Remove(link);
        }
        for (var position = 0; position < published.SpeakerIds.Count; position++)
        {
            var speakerId = published.SpeakerIds[position];
            var link = links.FirstOrDefault(l => l.SpeakerId == speakerId && db.Entry(l).State != EntityState.Deleted);
            if (link is null)
            {
                link = new TalkSpeaker { Talk = talk, Speaker = draft.Speakers.First(s => s.Id == speakerId) };
                db.TalkSpeakers.Add(link);
                draft.Links.Add(link);
            }
            link.Position = position;
        }
    }

    private static ChangeRecord Summary(string author, DateTime nowUtc, string text, int? sessionId = null) => new()
    {
        AtUtc = nowUtc,
        ChangedBy = author,
        EntityType = "Draft",
        EntityId = sessionId ?? 0,
        Kind = ChangeKind.Other,
        IsPublic = false,
        Summary = text.Length > 500 ? text[..499] + "…" : text,
        SessionId = sessionId,
    };

    private static async Task<RevertOutcome> SavedAsync(ConferenceDb db, string done, string verb)
    {
        try
        {
            await db.SaveChangesAsync();
            return new RevertOutcome(true, done);
        }
        catch (DbUpdateException ex) when (ProgrammeWrite.UniqueKeyColumn(ex) is { } column)
        {
            // Two items of the draft swapped a unique value (a room code, a speaker's address, a talk number).
            return new RevertOutcome(false, $"Nothing was {verb}: putting the release's {column} values back collides with the draft's (two items swapped them). Change one of them in its editor, then try again.");
        }
    }

    /// <summary>One write transaction; on PostgreSQL a lost serializable race is read and tried again, as saves are.</summary>
    private static async Task<RevertOutcome> RetriedAsync(ConferenceDb db, Func<Task<RevertOutcome>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var unit = await ProgrammeWrite.BeginAsync(db, cancellationToken);
                var outcome = await work();
                if (outcome.Done)
                {
                    await unit.CommitAsync(cancellationToken);
                }
                else
                {
                    await unit.RollbackAsync(cancellationToken);
                }
                db.ChangeTracker.Clear();
                return outcome;
            }
            catch (Exception ex) when (attempt < 5 && ProgrammeWrite.IsLostRace(ex))
            {
                db.ChangeTracker.Clear();
            }
            catch
            {
                db.ChangeTracker.Clear();
                throw;
            }
        }
    }
}
