using TheoryAI.Web.Pages.Programme;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Shared;

/// <summary>A timetable row. Mark is "now" or "next" while the event runs; ShowDay names the day beside the time (rows
/// outside a day's own list); Watch links the recording (after the event); Placement puts the row in a day grid.</summary>
public sealed record EntryRow(ProgrammeEntry Entry, string? Mark = null, bool ShowDay = false, bool Watch = false,
    DayGrid.Placement? Placement = null)
{
    /// <summary>A row as a page shows it at this moment of the event.</summary>
    public static EntryRow At(ProgrammeEntry entry, EventMoment moment, bool showDay = false, DayGrid? grid = null) =>
        new(entry, moment.MarkOf(entry), showDay, moment.IsOver, grid?.PlacementOf(entry));

    /// <summary>The row's classes: kind (its colour and shape), a slim band for breaks and meals, marks, grid lines.</summary>
    public string Classes
    {
        get
        {
            var e = Entry;
            var classes = new List<string> { "entry", "entry--" + e.Kind.ToString().ToLowerInvariant() };
            if (e.IsIntermission)
            {
                classes.Add("entry--intermission");
            }
            if (Mark is not null)
            {
                classes.Add("entry--" + Mark);
            }
            if (e.Cancelled)
            {
                classes.Add("entry--cancelled");
            }
            if (Placement is { } placement)
            {
                classes.Add(placement.Classes);
                if (placement.Band)
                {
                    classes.Add("entry--band");
                }
                var steps = placement.RowEnd - placement.RowStart;
                if (steps <= 4)
                {
                    // Twenty minutes or less: the time and the title only (the rest on hover or focus).
                    classes.Add("entry--short");
                }
                else if (steps <= 7)
                {
                    // Up to 35 minutes: a title of two lines at most.
                    classes.Add("entry--compact");
                }
            }
            return string.Join(' ', classes);
        }
    }
}
