

using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Admin;

/// <summary>A row of the "your version / stored version" table shown when someone else saved first.</summary>
public sealed record ConflictRow(string Field, string Mine, string Theirs);

/// <summary>What the conflict panel needs: the differing fields and where "take theirs" reloads.</summary>
public sealed record EditConflict(IReadOnlyList<ConflictRow> Rows, string ReloadUrl, string What);

/// <summary>The texts of a delete confirmation; the rest comes from the editor.</summary>
public sealed record DeleteConfirmation(EditorPage Editor, string Heading, string Explanation, string Blocked = "");

/// <summary>An editor's form: carries the stamp of the stored version the organizer opened.</summary>
public interface IStampedInput
{
    Guid ConcurrencyStamp { get; }
}

/// <summary>Reads what the rules need from the store.</summary>
public static class AdminQueries
{
    public static async Task<ProgrammeRules> RulesAsync(ConferenceDb db, CancellationToken cancellationToken)
    {
        var ev = await db.Events.AsNoTracking().SingleAsync(cancellationToken);
        var days = await db.Days.AsNoTracking().Select(d => d.Date).ToListAsync(cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().Where(s => !s.Cancelled)
            .Select(s => new { s.Id, s.Title, s.Start, s.End, s.RoomId, Speakers = s.Talk == null ? new List<int>() : s.Talk.Speakers.Select(x => x.SpeakerId).ToList() })
            .ToListAsync(cancellationToken);
        var rooms = await db.Rooms.AsNoTracking().ToDictionaryAsync(r => r.Id, r => $"{r.Code} {r.Name}", cancellationToken);
        var speakers = await db.Speakers.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        return new ProgrammeRules(days, TimeZoneInfo.FindSystemTimeZoneById(ev.TimeZoneId),
            sessions.Select(s => new ScheduledBlock(s.Id, s.Title, s.Start, s.End, s.RoomId, s.Speakers)).ToList(),
            rooms, speakers);
    }

    public static async Task<List<(int Id, string Label)>> RoomChoicesAsync(ConferenceDb db, CancellationToken cancellationToken) =>
        (await db.Rooms.AsNoTracking().OrderBy(r => r.Code).Select(r => new { r.Id, r.Code, r.Name }).ToListAsync(cancellationToken))
        .Select(r => (r.Id, $"{r.Code} {r.Name}")).ToList();

    public static RuleViolation? CheckRoomChoice(int? roomId, IEnumerable<(int Id, string Label)> rooms) =>
        roomId is int id && rooms.All(r => r.Id != id) ? new("RoomId", "Room: choose one of the listed rooms.") : null;

    public static async Task<List<DateOnly>> DaysAsync(ConferenceDb db, CancellationToken cancellationToken) =>
        await db.Days.AsNoTracking().OrderBy(d => d.Date).Select(d => d.Date).ToListAsync(cancellationToken);
}
