using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Admin;

/// <summary>A page of the admin area: shows the notice the last save or delete left.</summary>
public abstract class AdminPage : PageModel
{
    [TempData]
    public string? Notice { get; set; }
}

/// <summary>What the shared editor views (form head, conflict panel, delete confirmation) read from any editor.</summary>
public abstract class EditorPage : AdminPage
{
    /// <summary>The stored stamp the organizer saw in the conflict panel; "keep mine" overwrites exactly that version.</summary>
    [BindProperty]
    public Guid? OverwriteStamp { get; set; }

    /// <summary>The item's id from the route; null for a new one (and for the event, of which there is one).</summary>
    public int? Id { get; protected set; }

    /// <summary>The page asks the organizer to confirm a deletion.</summary>
    public bool ConfirmingDelete { get; protected set; }

    /// <summary>Set when a save lost the race: the form keeps the organizer's values, the panel shows the stored ones.</summary>
    public EditConflict? Conflict { get; protected set; }

    /// <summary>The item disappeared while the organizer was editing it.</summary>
    public bool DeletedMeanwhile { get; protected set; }

    /// <summary>What keeps the item from being deleted (blocks in a room, talks of a speaker); empty when nothing does.</summary>
    public IReadOnlyList<string> UsedBy { get; protected set; } = [];

    /// <summary>"room", "talk": used in the messages.</summary>
    public abstract string What { get; }

    public virtual bool CanDelete => true;

    /// <summary>The talk editor offers a preview of the abstract.</summary>
    public virtual bool OffersPreview => false;

    /// <summary>The stamp of the version the form shows.</summary>
    public abstract Guid InputStamp { get; }

    protected void AddViolations(IEnumerable<RuleViolation?> violations)
    {
        foreach (var violation in violations.OfType<RuleViolation>())
        {
            ModelState.AddModelError($"Input.{violation.Field}", violation.Message);
        }
    }
}

/// <summary>
/// One editor of the programme, written once: show the stored version (or a new form), save it provided nobody saved
/// another version meanwhile (else show both and let the organizer keep theirs or take the other), refuse a stale
/// delete, and keep the form with a message when the rules, a unique key or the store itself refuse the save. An
/// editor says only what differs: how its item is found, checked, filled in and described.
/// </summary>
public abstract class EditorPage<TInput, TItem>(ConferenceDb db) : EditorPage
    where TInput : class, IStampedInput, new()
    where TItem : class
{
    [BindProperty]
    public TInput Input { get; set; } = new();

    protected ConferenceDb Db { get; } = db;

    protected CancellationToken Cancellation => HttpContext.RequestAborted;

    public override Guid InputStamp => Input.ConcurrencyStamp;

    /// <summary>The message on the form when the item was deleted while the organizer edited it.</summary>
    protected abstract string DeletedMessage { get; }

    /// <summary>Where the organizer goes after a save or a delete.</summary>
    protected virtual string ListPage => "/Admin/Index";

    /// <summary>Properties of the item the form does not edit and a save must not overwrite.</summary>
    protected virtual IEnumerable<string> KeepUnmodified => [];

    /// <summary>The stored version as a form (tracked by nothing), or for a null id the form for a new item.</summary>
    protected abstract Task<TInput?> LoadStoredAsync(int? id);

    /// <summary>The tracked item to change (for a null id a new one, added), or null when it no longer exists.</summary>
    protected abstract Task<TItem?> FindAsync(int? id);

    /// <summary>The rules that need the store; runs inside the write transaction, so its answer still holds at the save.</summary>
    protected virtual Task<IEnumerable<RuleViolation?>> CheckAsync(int? id) => Task.FromResult<IEnumerable<RuleViolation?>>([]);

    /// <summary>Checks of the posted choices against the lists the form offered.</summary>
    protected virtual IEnumerable<RuleViolation?> CheckChoices() => [];

    /// <summary>Copies the form onto the item.</summary>
    protected abstract Task ApplyAsync(TItem item);

    /// <summary>The fields shown side by side in the conflict panel.</summary>
    protected abstract IReadOnlyDictionary<string, string> Describe(TInput input);

    /// <summary>The notice after a save.</summary>
    protected abstract string SavedNotice(TItem item);

    /// <summary>Where on <see cref="ListPage"/> the saved item is (a fragment), if anywhere.</summary>
    protected virtual string? SavedFragment(TItem item) => null;

    /// <summary>Sets the notice after a delete.</summary>
    protected abstract string DeletedNotice(TItem item);

    /// <summary>Why the item may not be deleted at all (it is still used), or null.</summary>
    protected virtual string RefusalToDelete(TItem item, int uses) => $"This {What} is still used {uses} times, so it was not deleted.";

    /// <summary>The lists the form offers (rooms, days, speakers).</summary>
    protected virtual Task LoadChoicesAsync() => Task.CompletedTask;

    protected virtual Task<IReadOnlyList<string>> UsesAsync(int id) => Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>Another editor owns this item (e.g. a block that is a talk): where to send the organizer.</summary>
    protected virtual Task<IActionResult?> ElsewhereAsync(int id, string? handler) => Task.FromResult<IActionResult?>(null);

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        Id = id;
        await LoadChoicesAsync();
        if (id is int existing && await ElsewhereAsync(existing, null) is { } elsewhere)
        {
            return elsewhere;
        }
        var stored = await LoadStoredAsync(id);
        if (stored is null)
        {
            return NotFound();
        }
        Input = stored;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int? id) => SaveAsync(id, Input.ConcurrencyStamp);

    public Task<IActionResult> OnPostKeepMineAsync(int? id) => SaveAsync(id, OverwriteStamp ?? Input.ConcurrencyStamp);

    public async Task<IActionResult> OnGetDeleteAsync(int id)
    {
        Id = id;
        if (!CanDelete)
        {
            return NotFound();
        }
        if (await ElsewhereAsync(id, "Delete") is { } elsewhere)
        {
            return elsewhere;
        }
        var stored = await LoadStoredAsync(id);
        if (stored is null)
        {
            return NotFound();
        }
        Input = stored;
        ConfirmingDelete = true;
        UsedBy = await UsesAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        Id = id;
        if (!CanDelete)
        {
            return NotFound();
        }
        var confirmedStamp = Input.ConcurrencyStamp;
        try
        {
            var item = await FindAsync(id);
            if (item is null)
            {
                Notice = $"That {What} had already been deleted.";
                return RedirectToPage(ListPage);
            }
            UsedBy = await UsesAsync(id);
            if (UsedBy.Count > 0)
            {
                return await ConfirmDeleteAgainAsync(id, RefusalToDelete(item, UsedBy.Count));
            }
            var deleted = DeletedNotice(item);
            Db.Entry(item).Property(nameof(IEditable.ConcurrencyStamp)).OriginalValue = confirmedStamp;
            Db.Remove(item);
            await Db.SaveChangesAsync(Cancellation);
            Notice = deleted;
            return RedirectToPage(ListPage);
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            return await ConfirmDeleteAgainAsync(id, $"Someone else changed this {What} after you opened the confirmation, so it was not deleted. Check the current version below and confirm again.");
        }
        catch (Exception ex) when (ProgrammeWrite.IsStoreFailure(ex))
        {
            LogStoreFailure(ex);
            return await ConfirmDeleteAgainAsync(id, ProgrammeWrite.StoreFailureMessage(ex));
        }
    }

    private async Task<IActionResult> ConfirmDeleteAgainAsync(int id, string message)
    {
        Input = (await LoadStoredAsync(id))!;
        ConfirmingDelete = true;
        // The confirmation must carry the stored stamp, not the posted one.
        ModelState.Clear();
        ModelState.AddModelError("", message);
        return Page();
    }

    /// <summary>
    /// On PostgreSQL two saves at once can make the store refuse the later commit (a serialization failure): the save
    /// is then checked and made again, so it sees the other and gets the rule's message, as on Sqlite.
    /// </summary>
    private async Task<IActionResult> SaveAsync(int? id, Guid expectedStamp)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SaveOnceAsync(id, expectedStamp, retryLostRace: attempt < 5);
            }
            catch (Exception ex) when (ProgrammeWrite.IsLostRace(ex))
            {
                Db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<IActionResult> SaveOnceAsync(int? id, Guid expectedStamp, bool retryLostRace)
    {
        Id = id;
        await LoadChoicesAsync();
        NormaliseText();
        AddViolations(CheckChoices());
        if (!ModelState.IsValid)
        {
            return Page();
        }
        List<string> clashes = [];
        try
        {
            TItem? item;
            await using (var unit = await ProgrammeWrite.BeginAsync(Db, Cancellation))
            {
                item = await FindAsync(id);
                if (item is null)
                {
                    DeletedMeanwhile = true;
                    ModelState.AddModelError("", DeletedMessage);
                    return Page();
                }
                // A clash may stay in the draft for a while (swapping two talks takes two saves); Publish refuses it.
                var checks = (await CheckAsync(id)).OfType<RuleViolation>().ToList();
                clashes = checks.Where(v => v.IsClash).Select(v => v.Message).ToList();
                AddViolations(checks.Where(v => !v.IsClash));
                if (!ModelState.IsValid)
                {
                    return Page();
                }
                await ApplyAsync(item);
                var entry = Db.Entry(item);
                if (entry.State != EntityState.Added)
                {
                    entry.State = EntityState.Modified;
                    foreach (var property in KeepUnmodified)
                    {
                        entry.Property(property).IsModified = false;
                    }
                    entry.Property(nameof(IEditable.ConcurrencyStamp)).OriginalValue = expectedStamp;
                }
                await Db.SaveChangesAsync(Cancellation);
                await unit.CommitAsync(Cancellation);
            }
            Notice = clashes.Count == 0
                ? SavedNotice(item)
                : $"{SavedNotice(item)} Warning: saved in the draft with a clash. {string.Join(" ", clashes)} Publish is refused until it is resolved.";
            return RedirectToPage(ListPage, null, null, SavedFragment(item));
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            var stored = await LoadStoredAsync(id);
            if (stored is null)
            {
                DeletedMeanwhile = true;
                ModelState.AddModelError("", DeletedMessage);
                return Page();
            }
            Conflict = new EditConflict(ConflictRows(Describe(Input), Describe(stored)), Url.Page(null, new { id })!, What);
            OverwriteStamp = stored.ConcurrencyStamp;
            // The panel's "keep mine" must carry the stamp just read, not one posted by an earlier round.
            ModelState.Remove(nameof(OverwriteStamp));
            ModelState.AddModelError("", $"Someone else saved this {What} after you opened it. Nothing was overwritten: compare the two versions below, then keep yours or take theirs.");
            return Page();
        }
        catch (DbUpdateException ex) when (ProgrammeWrite.UniqueKeyColumn(ex) is { } column)
        {
            // Only reachable if a rule check is missing: the write transaction makes the checks see every committed save.
            Db.ChangeTracker.Clear();
            ModelState.AddModelError($"Input.{column}", $"{column}: this value is already used by another {What}. Choose another.");
            return Page();
        }
        catch (Exception ex) when (ProgrammeWrite.IsStoreFailure(ex) && !(retryLostRace && ProgrammeWrite.IsLostRace(ex)))
        {
            LogStoreFailure(ex);
            ModelState.AddModelError("", ProgrammeWrite.StoreFailureMessage(ex));
            return Page();
        }
    }

    private void LogStoreFailure(Exception ex)
    {
        Db.ChangeTracker.Clear();
        HttpContext.RequestServices.GetRequiredService<ILogger<EditorPage<TInput, TItem>>>()
            .LogError(ex, "Writing the {What} (id {Id}) failed in the store; the organizer's form was kept", What, Id);
    }

    private static List<ConflictRow> ConflictRows(IReadOnlyDictionary<string, string> mine, IReadOnlyDictionary<string, string> theirs) =>
        mine.Keys.Where(k => theirs.GetValueOrDefault(k) != mine[k])
            .Select(k => new ConflictRow(k, mine[k], theirs.GetValueOrDefault(k) ?? ""))
            .ToList();

    /// <summary>
    /// Applies <see cref="TextRules"/> to every text of the form: pasted line breaks normalised (kept in fields marked
    /// <see cref="DataType.MultilineText"/>), other control characters refused at the field.
    /// </summary>
    private void NormaliseText()
    {
        foreach (var property in typeof(TInput).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.PropertyType == typeof(string) && p.CanWrite))
        {
            if (property.GetValue(Input) is not string value)
            {
                continue;
            }
            var multiLine = property.GetCustomAttribute<DataTypeAttribute>()?.DataType == DataType.MultilineText;
            var normalised = TextRules.Normalise(value, multiLine);
            var key = $"Input.{property.Name}";
            if (normalised != value)
            {
                property.SetValue(Input, normalised);
                ModelState.SetModelValue(key, normalised, normalised);
            }
            if (TextRules.Problem(normalised) is { } problem)
            {
                ModelState.AddModelError(key, $"{Label(property)}: {problem}.");
            }
        }
    }

    /// <summary>The field's name as its messages say it ("Abstract: at most …").</summary>
    private static string Label(PropertyInfo property)
    {
        var message = property.GetCustomAttribute<StringLengthAttribute>()?.ErrorMessage ?? property.GetCustomAttribute<RequiredAttribute>()?.ErrorMessage;
        var colon = message?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon > 0 ? message![..colon] : property.Name;
    }
}
