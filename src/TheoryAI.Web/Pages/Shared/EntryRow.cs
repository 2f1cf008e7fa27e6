using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Shared;

/// <summary>A timetable row. Mark is "now" or "next" while the event runs; ShowDay names the day beside the time (rows
/// outside a day's own list); Watch links the recording (after the event).</summary>
public sealed record EntryRow(ProgrammeEntry Entry, string? Mark = null, bool ShowDay = false, bool Watch = false)
{
    /// <summary>A row as a page shows it at this moment of the event.</summary>
    public static EntryRow At(ProgrammeEntry entry, EventMoment moment, bool showDay = false) =>
        new(entry, moment.MarkOf(entry), showDay, moment.IsOver);
}
