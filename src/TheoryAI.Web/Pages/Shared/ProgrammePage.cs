using Microsoft.AspNetCore.Mvc.RazorPages;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Shared;

/// <summary>A public page that shows part of the programme; the layout reads the event's name from it. Pages cache
/// with <c>[OutputCache(PolicyName = ProgrammeCache.Policy)]</c>.</summary>
public abstract class ProgrammePage(ProgrammeReader reader) : PageModel
{
    public ProgrammeSnapshot Programme { get; private set; } = null!;

    protected ProgrammeReader Reader => reader;

    /// <summary>Before, during (what is on now and next) or after the event, at the clock's five-minute slot, the
    /// unit the cache varies pages by.</summary>
    public EventMoment Moment { get; private set; } = null!;

    protected async Task<ProgrammeSnapshot> LoadProgrammeAsync()
    {
        Programme = await reader.GetAsync(HttpContext.RequestAborted);
        var now = HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        // A published file outlives the minute it is written in: js/now-next.js marks it from the entries' times.
        Moment = Request.Headers.ContainsKey(Export.Static.StaticSite.PublishHeader)
            ? EventMoment.Unmarked(Programme, now)
            : EventMoment.At(Programme, now);
        ProgrammeCache.SetETag(HttpContext, Programme);
        return Programme;
    }
}
