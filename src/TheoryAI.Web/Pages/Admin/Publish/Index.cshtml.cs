using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using TheoryAI.Web.Data;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Admin.Publish;

public sealed record PublishInput
{
    [StringLength(100, ErrorMessage = "Version name: at most 100 characters.")]
    public string? Name { get; init; }

    [DataType(DataType.MultilineText), StringLength(2000, ErrorMessage = "Note: at most 2000 characters.")]
    public string? Note { get; init; }
}

/// <summary>
/// The draft against the latest release (what attendees would see change), the clashes that keep it from being
/// published, and Publish: the draft frozen as the next release, in one transaction, which evicts the public views.
/// Beside each change, Revert puts that block back as released; Discard (after a confirmation) puts the whole draft
/// back (<see cref="DraftReverts"/>).
/// </summary>
public sealed class IndexModel(ConferenceDb db, ProgrammeReader reader, TimeProvider clock) : AdminPage
{
    [BindProperty]
    public PublishInput Input { get; set; } = new();

    public int NextNumber { get; private set; }
    public ProgrammeSnapshot? Latest { get; private set; }
    public IReadOnlyList<ProgrammeChange> Unpublished { get; private set; } = [];
    public IReadOnlyList<HardClash> Clashes { get; private set; } = [];
    /// <summary>What else the draft changed (event details, days, rooms, speakers), which Discard also puts back.</summary>
    public IReadOnlyList<string> OtherDifferences { get; private set; } = [];
    /// <summary>The draft's version as shown; the discard confirmation carries it.</summary>
    public long DraftVersion { get; private set; }
    /// <summary>The page asks the organizer to confirm discarding the draft.</summary>
    public bool ConfirmingDiscard { get; private set; }

    public bool DraftDiffers => Unpublished.Count > 0 || OtherDifferences.Count > 0;

    private Dictionary<int, ProgrammeEntry> _draftEntries = [];

    /// <summary>The block as the organizer sees it now, for its Revert form.</summary>
    public string FingerprintOf(int sessionId) => DraftReverts.Fingerprint(_draftEntries.GetValueOrDefault(sessionId));

    public async Task OnGetAsync() => await LoadAsync();

    public async Task OnGetDiscardAsync()
    {
        await LoadAsync();
        ConfirmingDiscard = DraftDiffers;
    }

    public async Task<IActionResult> OnPostDiscardAsync(long draftVersion)
    {
        var outcome = await DraftReverts.DiscardAllAsync(db, draftVersion, Author, clock.GetUtcNow().UtcDateTime, HttpContext.RequestAborted);
        return await AfterAsync(outcome);
    }

    public async Task<IActionResult> OnPostRevertAsync(int sessionId, string? fingerprint)
    {
        var outcome = await DraftReverts.RevertBlockAsync(db, sessionId, fingerprint ?? "", Author, clock.GetUtcNow().UtcDateTime, HttpContext.RequestAborted);
        return await AfterAsync(outcome);
    }

    private string Author => User.Identity?.Name ?? "organizer";

    private async Task<IActionResult> AfterAsync(RevertOutcome outcome)
    {
        if (outcome.Done)
        {
            Notice = outcome.Message;
            return RedirectToPage();
        }
        await LoadAsync();
        ModelState.AddModelError("", outcome.Message);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellation = HttpContext.RequestAborted;
        foreach (var (key, value, label) in new[] { ("Input.Name", Input.Name, "Version name"), ("Input.Note", Input.Note, "Note") })
        {
            if (TextRules.Problem(TextRules.Normalise(value ?? "", key == "Input.Note")) is { } problem)
            {
                ModelState.AddModelError(key, $"{label}: {problem}.");
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        Release published;
        await using (var unit = await ProgrammeWrite.BeginAsync(db, cancellation))
        {
            // Checked inside the write transaction, so no save slips a clash in between the check and the release.
            if ((await Releases.HardClashesAsync(db, cancellation)).Count > 0)
            {
                await unit.RollbackAsync(cancellation);
                await LoadAsync();
                ModelState.AddModelError("", "Nothing was published: the draft still has clashes. Fix each one listed below, then publish.");
                return Page();
            }
            published = await Releases.PublishAsync(db, TextRules.Normalise(Input.Name ?? "", false), TextRules.Normalise(Input.Note ?? "", true),
                User.Identity?.Name ?? "organizer", clock.GetUtcNow().UtcDateTime, cancellation);
            await unit.CommitAsync(cancellation);
        }
        Notice = $"Published release {published.Number}, “{published.Name}”. Attendees, feeds and calendars now see it.";
        return RedirectToPage("/Admin/Index");
    }

    private async Task LoadAsync()
    {
        var cancellation = HttpContext.RequestAborted;
        var latestNumber = await reader.GetVersionAsync(cancellation);
        // The release of that number, even one another node published since this node last read (organizers only).
        Latest = latestNumber is null ? null : await reader.GetReleaseAsync((int)latestNumber.Value, cancellation);
        NextNumber = (int)(latestNumber ?? 0) + 1;
        var draft = await reader.GetDraftAsync(cancellation);
        DraftVersion = draft.Version;
        _draftEntries = draft.Entries.ToDictionary(e => e.SessionId);
        Unpublished = Latest is null ? [] : ProgrammeChanges.Between(Latest, draft);
        OtherDifferences = Latest is null ? [] : DraftReverts.OtherDifferences(Latest, draft);
        Clashes = await Releases.HardClashesAsync(db, cancellation);
    }
}
