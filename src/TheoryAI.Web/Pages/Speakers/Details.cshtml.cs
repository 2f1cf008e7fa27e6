using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using TheoryAI.Web.Pages.Shared;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Speakers;

[OutputCache(PolicyName = ProgrammeCache.Policy)]
public sealed class DetailsModel(ProgrammeReader reader) : ProgrammePage(reader)
{
    public SpeakerInfo Speaker { get; private set; } = null!;
    public IReadOnlyList<ProgrammeEntry> Talks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var programme = await LoadProgrammeAsync();
        if (programme.FindSpeaker(slug) is not { } speaker)
        {
            return NotFound();
        }
        Speaker = speaker;
        Talks = programme.TalksBySpeaker[speaker.Slug].ToList();
        return Page();
    }
}
