using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Admin.Preview;

/// <summary>The programme as it would look once published: rendered from the draft, for organizers only (the admin
/// area is never cached and not indexed).</summary>
public sealed class IndexModel(ProgrammeReader reader) : AdminPage
{
    public ProgrammeSnapshot Programme { get; private set; } = null!;

    public async Task OnGetAsync() => Programme = await reader.GetDraftAsync(HttpContext.RequestAborted);
}
