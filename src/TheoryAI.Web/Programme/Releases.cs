using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;
using TheoryAI.Web.Export.Calendar;

namespace TheoryAI.Web.Programme;

/// <summary>A clash Publish refuses: a room used twice at once (not deliberately shared) or a speaker in two places.</summary>
public sealed record HardClash(int SessionId, bool IsTalk, string Title, string Message);

/// <summary>A release as /changes lists it: its name, when, its note and what changed against the release before.</summary>
public sealed record ReleaseSummary(int Number, string Name, string? Note, DateTime PublishedAtUtc, IReadOnlyList<ProgrammeChange> Changes);

/// <summary>
/// Publishing: the draft (the editable tables) frozen as an immutable <see cref="Release"/>, in one transaction. Each
/// entry's calendar SEQUENCE and LAST-MODIFIED are decided here, against the release that last held its UID: raised
/// exactly when its time, room, title or status changed, kept otherwise, so re-publishing or re-importing the seed
/// never lowers what subscribed calendars hold.
/// </summary>
public static class Releases
{
    public const int PageSize = 10;

    /// <summary>Freezes the draft as the next release. Runs in the caller's transaction, or in its own.</summary>
    public static async Task<Release> PublishAsync(ConferenceDb db, string? name, string? note, string publishedBy, DateTime nowUtc,
        CancellationToken cancellationToken = default)
    {
        var ownTransaction = db.Database.CurrentTransaction is null ? await ProgrammeWrite.BeginAsync(db, cancellationToken) : null;
        try
        {
            var draft = await ProgrammeReader.LoadAsync(db, cancellationToken);
            var earlier = await db.Releases.AsNoTracking().OrderBy(r => r.Number)
                .Select(r => new { r.Number, r.ProgrammeJson }).ToListAsync(cancellationToken);
            // The last state of every UID any release held, the newest winning.
            var held = new Dictionary<string, ProgrammeEntry>(StringComparer.Ordinal);
            foreach (var release in earlier)
            {
                var snapshot = ReleaseDocument.FromJson(release.ProgrammeJson).ToSnapshot(release.Number);
                var uids = CalendarUids.For(snapshot);
                foreach (var entry in snapshot.Entries)
                {
                    held[uids[entry.SessionId]] = entry;
                }
            }
            var draftUids = CalendarUids.For(draft);
            var entries = draft.Entries.Select(entry =>
            {
                if (!held.TryGetValue(draftUids[entry.SessionId], out var before))
                {
                    // Never released under this UID (or the release an existing store was upgraded to): as stored.
                    return entry;
                }
                return RevisedForCalendars(before, entry)
                    ? entry with { Sequence = before.Sequence + 1, LastModifiedUtc = nowUtc }
                    : entry with { Sequence = before.Sequence, LastModifiedUtc = before.LastModifiedUtc };
            }).ToList();
            var number = (earlier.Count == 0 ? 0 : earlier[^1].Number) + 1;
            var frozen = new ProgrammeSnapshot(number, draft.Event, draft.Rooms,
                draft.Days.Select(d => new DayInfo(d.Date, d.Title)).ToList(), entries, draft.Speakers);
            var published = new Release
            {
                Number = number,
                Name = string.IsNullOrWhiteSpace(name) ? number.ToString(CultureInfo.InvariantCulture) : name.Trim(),
                Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
                PublishedAtUtc = nowUtc,
                PublishedBy = publishedBy,
                ProgrammeJson = ReleaseDocument.From(frozen).ToJson(),
            };
            db.Releases.Add(published);
            await db.SaveChangesAsync(cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return published;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>A store made before releases existed holds its programme only in the tables: that programme, as it
    /// is, becomes release 1 (sequences and last-modified kept, so calendars see no change).</summary>
    public static async Task EnsureFirstReleaseAsync(ConferenceDb db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (await db.Events.AnyAsync(cancellationToken) && !await db.Releases.AnyAsync(cancellationToken))
        {
            await PublishAsync(db, null, null, "upgrade", clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
    }

    /// <summary>Time, room, title or status: what RFC 5545 SEQUENCE tells a calendar about.</summary>
    public static bool RevisedForCalendars(ProgrammeEntry before, ProgrammeEntry after) =>
        before.Start != after.Start || before.End != after.End
        || !string.Equals(before.Room?.Code, after.Room?.Code, StringComparison.Ordinal)
        || !string.Equals(before.Title, after.Title, StringComparison.Ordinal)
        || before.Cancelled != after.Cancelled;

    /// <summary>Whether the block is in the latest release (then it can only be cancelled, not deleted).</summary>
    public static async Task<bool> IsPublishedAsync(ConferenceDb db, int sessionId, CancellationToken cancellationToken)
    {
        var latest = await db.Releases.MaxAsync(r => (int?)r.Number, cancellationToken);
        return latest is int number && (await ProgrammeReader.LoadReleaseAsync(db, number, cancellationToken))!.Entries.Any(e => e.SessionId == sessionId);
    }

    /// <summary>The clashes of the draft that Publish refuses, each named once (on the later of the two blocks).
    /// Cancelled blocks clash with nothing.</summary>
    public static async Task<IReadOnlyList<HardClash>> HardClashesAsync(ConferenceDb db, CancellationToken cancellationToken)
    {
        var ev = await db.Events.AsNoTracking().SingleAsync(cancellationToken);
        var days = await db.Days.AsNoTracking().Select(d => d.Date).ToListAsync(cancellationToken);
        var sessions = (await db.Sessions.AsNoTracking().Where(s => !s.Cancelled)
                .Select(s => new { s.Id, s.Title, s.Start, s.End, s.RoomId, s.AllowRoomSharing, IsTalk = s.Talk != null, Speakers = s.Talk == null ? new List<int>() : s.Talk.Speakers.Select(x => x.SpeakerId).ToList() })
                .ToListAsync(cancellationToken))
            .OrderBy(s => s.Start).ThenBy(s => s.Id).ToList();
        var rooms = await db.Rooms.AsNoTracking().ToDictionaryAsync(r => r.Id, r => $"{r.Code} {r.Name}", cancellationToken);
        var speakers = await db.Speakers.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(ev.TimeZoneId);
        var clashes = new List<HardClash>();
        for (var i = 0; i < sessions.Count; i++)
        {
            var block = sessions[i];
            var earlier = sessions.Take(i).Where(o => o.End > block.Start).ToList();
            if (earlier.Count == 0)
            {
                continue;
            }
            var proposed = new ProposedBlock(block.Id, block.Title, block.Start, block.End, block.RoomId, block.Speakers, block.AllowRoomSharing);
            // A room is shared deliberately when either block says so; a speaker is never in two places.
            var roomRules = new ProgrammeRules(days, zone,
                earlier.Where(o => !o.AllowRoomSharing).Select(o => new ScheduledBlock(o.Id, o.Title, o.Start, o.End, o.RoomId, [])).ToList(), rooms, speakers);
            var speakerRules = new ProgrammeRules(days, zone,
                earlier.Select(o => new ScheduledBlock(o.Id, o.Title, o.Start, o.End, null, o.Speakers)).ToList(), rooms, speakers);
            clashes.AddRange(roomRules.Check(proposed).Where(v => v.IsClash && v.Field == ProgrammeRules.RoomField)
                .Concat(speakerRules.Check(proposed).Where(v => v.IsClash && v.Field == ProgrammeRules.SpeakersField))
                .Select(v => new HardClash(block.Id, block.IsTalk, block.Title, v.Message)));
        }
        return clashes;
    }

    /// <summary>One page (from 1) of releases, newest first, each with its changes against the one before.</summary>
    public static async Task<(IReadOnlyList<ReleaseSummary> Releases, bool HasMore)> PageAsync(ConferenceDb db, int page, CancellationToken cancellationToken)
    {
        var rows = await db.Releases.AsNoTracking().OrderByDescending(r => r.Number)
            .Skip((page - 1) * PageSize).Take(PageSize + 2)
            .ToListAsync(cancellationToken);
        var summaries = new List<ReleaseSummary>();
        for (var i = 0; i < Math.Min(PageSize, rows.Count); i++)
        {
            var current = ReleaseDocument.FromJson(rows[i].ProgrammeJson).ToSnapshot(rows[i].Number);
            var previousRow = i + 1 < rows.Count ? rows[i + 1] : null;
            var changes = previousRow is null
                ? []
                : ProgrammeChanges.Between(ReleaseDocument.FromJson(previousRow.ProgrammeJson).ToSnapshot(previousRow.Number), current);
            summaries.Add(new ReleaseSummary(rows[i].Number, rows[i].Name, rows[i].Note, DateTime.SpecifyKind(rows[i].PublishedAtUtc, DateTimeKind.Utc), changes));
        }
        // Rows past the page are older releases (read for the diff of the page's oldest one).
        return (summaries, rows.Count > PageSize);
    }
}
