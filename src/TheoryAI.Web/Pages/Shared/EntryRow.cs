using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Shared;

/// <summary>A timetable row; Mark is "now" or "next" while the event runs.</summary>
public sealed record EntryRow(ProgrammeEntry Entry, string? Mark = null);
