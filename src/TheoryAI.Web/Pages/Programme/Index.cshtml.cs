using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using TheoryAI.Web.Pages.Shared;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Programme;

[OutputCache(PolicyName = ProgrammeCache.Policy)]
public sealed class IndexModel(ProgrammeReader reader, TimeProvider clock) : ProgrammePage(reader)
{
    /// <summary>The one day shown, or null for the whole programme.</summary>
    public ProgrammeDay? Day { get; private set; }
    public IReadOnlyList<ProgrammeDay> Days { get; private set; } = [];
    private (IReadOnlyList<ProgrammeEntry> Current, IReadOnlyList<ProgrammeEntry> Next) _nowAndNext = ([], []);

    public async Task<IActionResult> OnGetAsync(string? date)
    {
        var programme = await LoadProgrammeAsync();
        if (date is not null)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                || programme.FindDay(day) is not { } found)
            {
                return NotFound();
            }
            Day = found;
        }
        Days = Day is null ? programme.Days : [Day];
        // A published file outlives the minute it is written in: js/now-next.js marks it from the entries' times.
        if (!Request.Headers.ContainsKey(TheoryAI.Web.Export.Static.StaticSite.PublishHeader))
        {
            _nowAndNext = programme.NowAndNext(clock.GetUtcNow());
        }
        return Page();
    }

    public string? MarkOf(ProgrammeEntry entry) =>
        _nowAndNext.Current.Contains(entry) ? "now" : _nowAndNext.Next.Contains(entry) ? "next" : null;
}
