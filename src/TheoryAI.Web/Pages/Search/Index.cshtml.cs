using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using TheoryAI.Web.Pages.Shared;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Search;

[OutputCache(PolicyName = ProgrammeCache.Policy)]
[ProgrammeQueryKeys("q", "kind")]
public sealed class IndexModel(ProgrammeReader reader) : ProgrammePage(reader)
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public SearchResults Results { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Results = ProgrammeSearch.Run(await LoadProgrammeAsync(), Query, Kind);
    }
}
