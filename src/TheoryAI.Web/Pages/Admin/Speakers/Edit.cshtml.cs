using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;

namespace TheoryAI.Web.Pages.Admin.Speakers;

public sealed record SpeakerInput : IStampedInput
{
    public Guid ConcurrencyStamp { get; init; }

    [Required(ErrorMessage = "Name: enter the speaker's name.")]
    [StringLength(200, ErrorMessage = "Name: at most 200 characters.")]
    public string Name { get; init; } = "";

    [StringLength(100, ErrorMessage = "Slug: at most 100 characters.")]
    public string? Slug { get; init; }

    [StringLength(200, ErrorMessage = "Affiliation: at most 200 characters.")]
    public string? Affiliation { get; init; }

    [Url(ErrorMessage = "Homepage: enter a full address starting with https://.")]
    [StringLength(500, ErrorMessage = "Homepage: at most 500 characters.")]
    public string? HomepageUrl { get; init; }
}

/// <summary>Creates, edits and deletes a speaker. A speaker who still gives talks is not deleted: the page lists the talks.</summary>
public sealed class EditModel(ConferenceDb db) : AdminPage
{
    [BindProperty]
    public SpeakerInput Input { get; set; } = new();

    private const string DeletedMessage = "This speaker was deleted by someone else while you were editing. Create the speaker again if needed.";

    public int? Id { get; private set; }
    public List<string> UsedBy { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        Id = id;
        if (id is null)
        {
            return Page();
        }
        var stored = await LoadStoredAsync(id.Value);
        if (stored is null)
        {
            return NotFound();
        }
        Input = stored;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int? id) => SaveAsync(id, Input.ConcurrencyStamp);

    public Task<IActionResult> OnPostKeepMineAsync(int id) => SaveAsync(id, KeepMineStamp(Input.ConcurrencyStamp));

    public async Task<IActionResult> OnGetDeleteAsync(int id)
    {
        Id = id;
        var stored = await LoadStoredAsync(id);
        if (stored is null)
        {
            return NotFound();
        }
        Input = stored;
        ConfirmingDelete = true;
        UsedBy = await TalksOfAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        Id = id;
        var speaker = await db.Speakers.SingleOrDefaultAsync(s => s.Id == id, HttpContext.RequestAborted);
        if (speaker is null)
        {
            Notice = "That speaker had already been deleted.";
            return RedirectToPage("/Admin/Speakers/Index");
        }
        UsedBy = await TalksOfAsync(id);
        if (UsedBy.Count > 0)
        {
            Input = (await LoadStoredAsync(id))!;
            ConfirmDeleteAgain($"{speaker.Name} still gives {UsedBy.Count} talks, so the speaker was not deleted. Remove them from those talks first.");
            return Page();
        }
        if (!await TryDeleteAsync(db, speaker, Input.ConcurrencyStamp, "Someone else changed this speaker after you opened the confirmation, so it was not deleted. Check it below and confirm again."))
        {
            Input = (await LoadStoredAsync(id))!;
            return Page();
        }
        Notice = $"Deleted speaker {speaker.Name}.";
        return RedirectToPage("/Admin/Speakers/Index");
    }

    private async Task<IActionResult> SaveAsync(int? id, Guid expectedStamp)
    {
        Id = id;
        var cancellation = HttpContext.RequestAborted;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var slug = string.IsNullOrWhiteSpace(Input.Slug) ? ProgrammeRules.SlugFrom(Input.Name) : Input.Slug.Trim();
        var otherSlugs = await db.Speakers.Where(s => id == null || s.Id != id).Select(s => s.Slug).ToListAsync(cancellation);
        AddViolations([ProgrammeRules.CheckSpeakerSlug(slug, otherSlugs)]);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Speaker? speaker;
        if (id is int existing)
        {
            speaker = await db.Speakers.SingleOrDefaultAsync(s => s.Id == existing, cancellation);
            if (speaker is null)
            {
                return DeletedMeanwhilePage(DeletedMessage);
            }
        }
        else
        {
            speaker = new Speaker { Slug = slug, Name = "" };
            db.Speakers.Add(speaker);
        }
        speaker.Slug = slug;
        speaker.Name = Input.Name.Trim();
        speaker.Affiliation = string.IsNullOrWhiteSpace(Input.Affiliation) ? null : Input.Affiliation.Trim();
        speaker.HomepageUrl = string.IsNullOrWhiteSpace(Input.HomepageUrl) ? null : Input.HomepageUrl.Trim();
        if (await SaveEditAsync(db, speaker, expectedStamp, Input, () => LoadStoredAsync(id!.Value), Describe,
                "speaker", Url.Page("/Admin/Speakers/Edit", new { id })!, DeletedMessage) is { } notSaved)
        {
            return notSaved;
        }
        Notice = $"Saved speaker {speaker.Name}.";
        return RedirectToPage("/Admin/Speakers/Index");
    }

    private async Task<List<string>> TalksOfAsync(int id) =>
        await db.TalkSpeakers.AsNoTracking().Where(ts => ts.SpeakerId == id)
            .OrderBy(ts => ts.Talk.Number)
            .Select(ts => "Talk " + ts.Talk.Number + ": " + ts.Talk.Session.Title)
            .ToListAsync(HttpContext.RequestAborted);

    private async Task<SpeakerInput?> LoadStoredAsync(int id) =>
        await db.Speakers.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SpeakerInput { ConcurrencyStamp = s.ConcurrencyStamp, Name = s.Name, Slug = s.Slug, Affiliation = s.Affiliation, HomepageUrl = s.HomepageUrl })
            .SingleOrDefaultAsync(HttpContext.RequestAborted);

    private static Dictionary<string, string> Describe(SpeakerInput input) => new()
    {
        ["Name"] = input.Name,
        ["Slug"] = input.Slug ?? "",
        ["Affiliation"] = input.Affiliation ?? "",
        ["Homepage"] = input.HomepageUrl ?? "",
    };
}
