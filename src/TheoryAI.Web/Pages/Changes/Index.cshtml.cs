using TheoryAI.Web.Data;
using TheoryAI.Web.Pages.Shared;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Changes;

public sealed class IndexModel(ProgrammeReader reader, ConferenceDb db) : ProgrammePage(reader)
{
    public IReadOnlyList<PublicChange> Changes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var programme = await LoadProgrammeAsync();
        Changes = await PublicChanges.ListAsync(db, programme, HttpContext.RequestAborted);
    }
}
