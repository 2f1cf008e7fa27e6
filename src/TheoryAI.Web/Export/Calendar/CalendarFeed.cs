using System.Globalization;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Calendar;

/// <summary>One published calendar: which entries it holds, what it is called and the file name it downloads as.
/// <paramref name="IsSubscription"/> is false for a single event to add to one's own calendar ("Add to calendar"):
/// such a file carries no calendar name and no refresh hints.</summary>
public sealed record CalendarFeed(string Name, string FileName, IReadOnlyList<ProgrammeEntry> Entries, bool IsSubscription = true)
{
    /// <summary>The whole programme: talks and every other block (breaks, meals, registration, socials).</summary>
    public static CalendarFeed WholeProgramme(ProgrammeSnapshot programme) =>
        new(programme.Event.Name, $"{CalendarUids.EventSlug(programme.Event)}.ics", programme.Entries);

    public static CalendarFeed ForDay(ProgrammeSnapshot programme, ProgrammeDay day) =>
        new($"{programme.Event.Name}, {Display.LongDate(day.Date)}",
            $"{CalendarUids.EventSlug(programme.Event)}-{day.Slug}.ics", day.Entries);

    public static CalendarFeed ForTalk(ProgrammeSnapshot programme, ProgrammeEntry talk) =>
        new($"{talk.Title} ({programme.Event.Name})",
            $"{CalendarUids.EventSlug(programme.Event)}-talk-{talk.Talk!.Number.ToString(CultureInfo.InvariantCulture)}.ics", [talk], IsSubscription: false);

    /// <summary>A personal agenda: only the chosen talks that the programme still holds.</summary>
    public static CalendarFeed ForAgenda(ProgrammeSnapshot programme, AgendaSelection selection) =>
        new($"My agenda: {programme.Event.Name}",
            $"{CalendarUids.EventSlug(programme.Event)}-my-agenda.ics", selection.Resolve(programme).Found);
}
