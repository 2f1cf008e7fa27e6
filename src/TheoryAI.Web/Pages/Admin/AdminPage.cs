using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;

namespace TheoryAI.Web.Pages.Admin;

/// <summary>A row of the "your version / stored version" table shown when someone else saved first.</summary>
public sealed record ConflictRow(string Field, string Mine, string Theirs);

/// <summary>What the conflict panel needs: the differing fields and where "take theirs" reloads.</summary>
public sealed record EditConflict(IReadOnlyList<ConflictRow> Rows, string ReloadUrl, string What);

/// <summary>Shared by the admin editors: rule messages onto the form, conflict tables.</summary>
public abstract class AdminPage : PageModel
{
    /// <summary>Set when a save lost the race: the form keeps the organizer's values, the panel shows the stored ones.</summary>
    public EditConflict? Conflict { get; protected set; }

    /// <summary>The item disappeared while the organizer was editing it.</summary>
    public bool DeletedMeanwhile { get; protected set; }

    [TempData]
    public string? Notice { get; set; }

    protected void AddViolations(IEnumerable<RuleViolation?> violations)
    {
        foreach (var violation in violations.OfType<RuleViolation>())
        {
            ModelState.AddModelError($"Input.{violation.Field}", violation.Message);
        }
    }

    protected static EditConflict ConflictBetween(IReadOnlyDictionary<string, string> mine, IReadOnlyDictionary<string, string> theirs, string reloadUrl, string what) =>
        new(mine.Keys.Where(k => theirs.GetValueOrDefault(k) != mine[k])
                .Select(k => new ConflictRow(k, mine[k], theirs.GetValueOrDefault(k) ?? ""))
                .ToList(), reloadUrl, what);

    protected void ReportConflict(EditConflict conflict)
    {
        Conflict = conflict;
        // The panel's "keep mine" must carry the stamp just read, not one posted by an earlier round.
        ModelState.Remove("OverwriteStamp");
        ModelState.AddModelError("", $"Someone else saved this {conflict.What} after you opened it. Nothing was overwritten: compare the two versions below, then keep yours or take theirs.");
    }
}

/// <summary>Reads what the rules need from the store.</summary>
public static class AdminQueries
{
    public static async Task<ProgrammeRules> RulesAsync(ConferenceDb db, CancellationToken cancellationToken)
    {
        var ev = await db.Events.AsNoTracking().SingleAsync(cancellationToken);
        var days = await db.Days.AsNoTracking().Select(d => d.Date).ToListAsync(cancellationToken);
        var sessions = await db.Sessions.AsNoTracking()
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

    public static async Task<List<DateOnly>> DaysAsync(ConferenceDb db, CancellationToken cancellationToken) =>
        await db.Days.AsNoTracking().OrderBy(d => d.Date).Select(d => d.Date).ToListAsync(cancellationToken);
}
