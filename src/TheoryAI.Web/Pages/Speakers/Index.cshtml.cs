using Microsoft.AspNetCore.OutputCaching;
using TheoryAI.Web.Pages.Shared;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Speakers;

[OutputCache(PolicyName = ProgrammeCache.Policy)]
public sealed class IndexModel(ProgrammeReader reader) : ProgrammePage(reader)
{
    public async Task OnGetAsync() => await LoadProgrammeAsync();
}
