using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using TheoryAI.Web.Pages.Shared;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Programme;

[OutputCache(PolicyName = ProgrammeCache.Policy)]
[ProgrammeQueryKeys(AllDaysKey)]
public sealed class IndexModel(ProgrammeReader reader) : ProgrammePage(reader)
{
    /// <summary><c>?days=all</c>: the whole programme, also while the event runs (when <c>/programme</c> opens on today).</summary>
    public const string AllDaysKey = "days";

    /// <summary>The one day shown, or null for the whole programme.</summary>
    public ProgrammeDay? Day { get; private set; }
    public IReadOnlyList<ProgrammeDay> Days { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? date, [FromQuery(Name = AllDaysKey)] string? days)
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
        else if (days != "all" && Moment.TodayDay is { } today)
        {
            // While the event runs the programme opens on today (js/now-next.js brings what is on now into view).
            return RedirectToPage("/Programme/Index", new { date = today.Slug });
        }
        Days = Day is null ? programme.Days : [Day];
        Grids = Days.ToDictionary(d => d.Date, d => DayGrid.For(d, programme.Rooms));
        return Page();
    }

    /// <summary>Each shown day's grid (rooms side by side), or null where the day reads as a list.</summary>
    public IReadOnlyDictionary<DateOnly, DayGrid?> Grids { get; private set; } = new Dictionary<DateOnly, DayGrid?>();

    /// <summary>What is on now, on the page (the row "Jump to now" and the first view go to).</summary>
    public ProgrammeEntry? NowOnPage => Moment.Current.FirstOrDefault(e => Days.Any(d => d.Date == e.Date));

    public EntryRow Row(ProgrammeEntry entry) => EntryRow.At(entry, Moment, grid: Grids.GetValueOrDefault(entry.Date));
}
