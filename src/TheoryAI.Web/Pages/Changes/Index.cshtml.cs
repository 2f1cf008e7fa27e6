using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using TheoryAI.Web.Data;
using TheoryAI.Web.Pages.Shared;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Changes;

[OutputCache(PolicyName = ProgrammeCache.Policy)]
[ProgrammeQueryKeys("page")]
public sealed class IndexModel(ProgrammeReader reader, ConferenceDb db) : ProgrammePage(reader)
{
    public PublicChangesPage Changes { get; private set; } = new(1, [], false);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        if (page is < 1)
        {
            return NotFound();
        }
        var programme = await LoadProgrammeAsync();
        Changes = await PublicChanges.PageAsync(db, programme, page ?? 1, HttpContext.RequestAborted);
        return Changes.Changes.Count == 0 && Changes.Number > 1 ? NotFound() : Page();
    }
}
