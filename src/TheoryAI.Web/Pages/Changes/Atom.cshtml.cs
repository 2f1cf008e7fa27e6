using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TheoryAI.Web.Data;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Changes;

/// <summary>/changes.atom: the public changes as an Atom feed.</summary>
public sealed class AtomModel(ProgrammeReader reader, ConferenceDb db, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var programme = await reader.GetAsync(HttpContext.RequestAborted);
        var changes = await PublicChanges.ListAsync(db, programme, HttpContext.RequestAborted);
        var xml = ChangesAtomWriter.Write(programme.Event.Name, $"{Request.Scheme}://{Request.Host}{Request.PathBase}", changes,
            changes.Count == 0 ? clock.GetUtcNow().UtcDateTime : changes[0].AtUtc);
        return Content(xml, "application/atom+xml; charset=utf-8");
    }
}
