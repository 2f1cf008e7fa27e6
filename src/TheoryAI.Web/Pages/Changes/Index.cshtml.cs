using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using TheoryAI.Web.Data;
using TheoryAI.Web.Pages.Shared;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Changes;

/// <summary>The releases, newest first, each with what changed against the one before.</summary>
[OutputCache(PolicyName = ProgrammeCache.Policy)]
[ProgrammeQueryKeys("page")]
public sealed class IndexModel(ProgrammeReader reader, ConferenceDb db) : ProgrammePage(reader)
{
    public IReadOnlyList<ReleaseSummary> Releases { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public bool HasMore { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        if (page is < 1)
        {
            return NotFound();
        }
        await LoadProgrammeAsync();
        PageNumber = page ?? 1;
        (Releases, HasMore) = await TheoryAI.Web.Programme.Releases.PageAsync(db, PageNumber, HttpContext.RequestAborted);
        return Releases.Count == 0 && PageNumber > 1 ? NotFound() : Page();
    }
}
