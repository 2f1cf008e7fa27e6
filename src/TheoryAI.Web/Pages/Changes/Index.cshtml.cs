using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using TheoryAI.Web.Data;
using TheoryAI.Web.Pages.Shared;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Changes;

/// <summary>
/// The releases, newest first, each with what changed against the one before: the newest ten at /changes, older ones
/// at /changes/page/2, 3 and so on (addresses without a query, so the published pages are files a static host serves).
/// </summary>
[OutputCache(PolicyName = ProgrammeCache.Policy)]
[ProgrammeQueryKeys(LegacyPageKey)]
public sealed class IndexModel(ProgrammeReader reader, ConferenceDb db) : ProgrammePage(reader)
{
    /// <summary>The older pages' route, beside the page's own "/changes".</summary>
    public const string PageRoute = "changes/page/{number:int:min(2)}";

    /// <summary>How older pages were addressed before (/changes?page=2): sent on to their address.</summary>
    private const string LegacyPageKey = "page";

    public IReadOnlyList<ReleaseSummary> Releases { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public bool HasMore { get; private set; }

    /// <summary>The site path of page <paramref name="number"/> of the changes ("~/changes" for the first).</summary>
    public static string PathOf(int number) => number <= 1 ? "~/changes" : $"~/changes/page/{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public async Task<IActionResult> OnGetAsync([FromRoute] int? number, [FromQuery(Name = LegacyPageKey)] int? page)
    {
        if (page is not null)
        {
            return number is null && page >= 1 ? RedirectPermanent(Url.Content(PathOf(page.Value))) : NotFound();
        }
        await LoadProgrammeAsync();
        PageNumber = number ?? 1;
        (Releases, HasMore) = await TheoryAI.Web.Programme.Releases.PageAsync(db, PageNumber, HttpContext.RequestAborted);
        return Releases.Count == 0 && PageNumber > 1 ? NotFound() : Page();
    }
}
