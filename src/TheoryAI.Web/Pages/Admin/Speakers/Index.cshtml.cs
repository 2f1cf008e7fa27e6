using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;

namespace TheoryAI.Web.Pages.Admin.Speakers;

public sealed record SpeakerRow(int Id, string Slug, string Name, string? Affiliation, int Talks);

public sealed class IndexModel(ConferenceDb db) : AdminPage
{
    public IReadOnlyList<SpeakerRow> Speakers { get; private set; } = [];

    public async Task OnGetAsync() =>
        Speakers = await db.Speakers.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new SpeakerRow(s.Id, s.Slug, s.Name, s.Affiliation, s.Talks.Count))
            .ToListAsync(HttpContext.RequestAborted);
}
