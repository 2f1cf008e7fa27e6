using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;

namespace TheoryAI.Web.Pages.Admin;

/// <summary>A row of the "your version / stored version" table shown when someone else saved first.</summary>
public sealed record ConflictRow(string Field, string Mine, string Theirs);

/// <summary>What the conflict panel needs: the differing fields and where "take theirs" reloads.</summary>
public sealed record EditConflict(IReadOnlyList<ConflictRow> Rows, string ReloadUrl, string What);

/// <summary>An editor's form: carries the stamp of the stored version the organizer opened.</summary>
public interface IStampedInput
{
    Guid ConcurrencyStamp { get; }
}

/// <summary>Shared by the admin editors: rule messages onto the form, conflict tables, saving and deleting against a stamp.</summary>
public abstract class AdminPage : PageModel
{
    /// <summary>The stored stamp the organizer saw in the conflict panel; "keep mine" overwrites exactly that version.</summary>
    [BindProperty]
    public Guid? OverwriteStamp { get; set; }

    /// <summary>The page asks the organizer to confirm a deletion.</summary>
    public bool ConfirmingDelete { get; protected set; }

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

    /// <summary>The stamp "keep mine" saves against: the one shown in the conflict panel, else the one the form was opened with.</summary>
    protected Guid KeepMineStamp(Guid posted) => OverwriteStamp ?? posted;

    /// <summary>The page saying the item disappeared while the organizer edited it; the form keeps their values.</summary>
    protected IActionResult DeletedMeanwhilePage(string message)
    {
        DeletedMeanwhile = true;
        ModelState.AddModelError("", message);
        return Page();
    }

    /// <summary>Shows the delete confirmation again with a message; the form shows the stored stamp, not the posted one.</summary>
    protected void ConfirmDeleteAgain(string message)
    {
        ConfirmingDelete = true;
        ModelState.Clear();
        ModelState.AddModelError("", message);
    }

    /// <summary>
    /// Saves <paramref name="item"/> (just added, or loaded and changed from <paramref name="mine"/>) provided the stored
    /// version still carries <paramref name="expectedStamp"/>. Returns null when saved; otherwise the page that says the
    /// item was deleted meanwhile, or shows the conflict between <paramref name="mine"/> and the stored version.
    /// </summary>
    protected async Task<IActionResult?> SaveEditAsync<TInput>(
        ConferenceDb db, object item, Guid expectedStamp, TInput mine,
        Func<Task<TInput?>> loadStored, Func<TInput, IReadOnlyDictionary<string, string>> describe,
        string what, string reloadUrl, string deletedMessage, params string[] keepUnmodified)
        where TInput : class, IStampedInput
    {
        var entry = db.Entry(item);
        if (entry.State != EntityState.Added)
        {
            entry.State = EntityState.Modified;
            foreach (var property in keepUnmodified)
            {
                entry.Property(property).IsModified = false;
            }
            entry.Property(nameof(IEditable.ConcurrencyStamp)).OriginalValue = expectedStamp;
        }
        try
        {
            await db.SaveChangesAsync(HttpContext.RequestAborted);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var stored = await loadStored();
            if (stored is null)
            {
                return DeletedMeanwhilePage(deletedMessage);
            }
            OverwriteStamp = stored.ConcurrencyStamp;
            ReportConflict(ConflictBetween(describe(mine), describe(stored), reloadUrl, what));
            return Page();
        }
    }

    /// <summary>
    /// Deletes <paramref name="item"/> provided it is still the version the organizer confirmed. Returns false when someone
    /// changed it meanwhile: nothing is deleted, the confirmation is shown again with <paramref name="changedMessage"/>,
    /// and the caller reloads the stored version into the form.
    /// </summary>
    protected async Task<bool> TryDeleteAsync(ConferenceDb db, object item, Guid confirmedStamp, string changedMessage)
    {
        db.Entry(item).Property(nameof(IEditable.ConcurrencyStamp)).OriginalValue = confirmedStamp;
        db.Remove(item);
        try
        {
            await db.SaveChangesAsync(HttpContext.RequestAborted);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ConfirmDeleteAgain(changedMessage);
            return false;
        }
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
