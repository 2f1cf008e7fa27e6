using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using TheoryAI.Web.Pages.Shared;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Talks;

[OutputCache(PolicyName = ProgrammeCache.Policy)]
public sealed class DetailsModel(ProgrammeReader reader) : ProgrammePage(reader)
{
    public ProgrammeEntry Entry { get; private set; } = null!;
    public ProgrammeEntry? Previous { get; private set; }
    public ProgrammeEntry? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(int number)
    {
        var programme = await LoadProgrammeAsync();
        if (programme.FindTalk(number) is not { } entry)
        {
            return NotFound();
        }
        Entry = entry;
        (Previous, Next) = programme.Neighbours(entry);
        return Page();
    }
}
