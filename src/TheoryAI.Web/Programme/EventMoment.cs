namespace TheoryAI.Web.Programme;

public enum EventPhase
{
    Before,
    During,
    After,
}

/// <summary>
/// Where the event stands at a moment: before, during (with what is on now and what comes next) or after. The moment
/// is taken at the start of its five-minute slot, the unit pages are cached by (talks start and end on five-minute
/// boundaries), so "next, in 20 min" reads the same for every request the cached page answers.
/// </summary>
public sealed class EventMoment
{
    private EventMoment(EventPhase phase, DateTimeOffset slotUtc, DateOnly today,
        IReadOnlyList<ProgrammeEntry> current, IReadOnlyList<ProgrammeEntry> next, ProgrammeDay? laterDay, ProgrammeDay? todayDay)
    {
        TodayDay = todayDay;
        Phase = phase;
        SlotUtc = slotUtc;
        Today = today;
        Current = current;
        Next = next;
        LaterDay = laterDay;
    }

    public static readonly TimeSpan Slot = TimeSpan.FromMinutes(5);

    public EventPhase Phase { get; }
    /// <summary>The start of the five-minute slot of the moment.</summary>
    public DateTimeOffset SlotUtc { get; }
    /// <summary>The date at the venue.</summary>
    public DateOnly Today { get; }
    public IReadOnlyList<ProgrammeEntry> Current { get; }
    public IReadOnlyList<ProgrammeEntry> Next { get; }
    /// <summary>During the event, when nothing more is on today: the next day with entries.</summary>
    public ProgrammeDay? LaterDay { get; }
    /// <summary>During the event: today's day of the programme, when it has one.</summary>
    public ProgrammeDay? TodayDay { get; }

    public bool IsDuring => Phase == EventPhase.During;
    public bool IsOver => Phase == EventPhase.After;

    /// <summary>Before, during (from midnight before the first day to midnight after the last, at the venue) or after.</summary>
    public static EventPhase PhaseOf(EventInfo ev, DateTimeOffset nowUtc)
    {
        var today = DateOnly.FromDateTime(EventClock.ToWallClock(nowUtc, ev.TimeZone));
        return today < ev.StartDate ? EventPhase.Before : today > ev.EndDate ? EventPhase.After : EventPhase.During;
    }

    public static DateTimeOffset SlotStart(DateTimeOffset nowUtc) =>
        new(nowUtc.UtcTicks - nowUtc.UtcTicks % Slot.Ticks, TimeSpan.Zero);

    public static EventMoment At(ProgrammeSnapshot programme, DateTimeOffset nowUtc)
    {
        var slot = SlotStart(nowUtc);
        var phase = PhaseOf(programme.Event, slot);
        var today = DateOnly.FromDateTime(EventClock.ToWallClock(slot, programme.TimeZone));
        if (phase != EventPhase.During)
        {
            return new EventMoment(phase, slot, today, [], [], null, null);
        }
        var (current, next) = programme.NowAndNext(slot);
        var later = current.Count == 0 && next.Count == 0
            ? programme.Days.FirstOrDefault(d => d.Date > today && d.Entries.Count > 0)
            : null;
        return new EventMoment(phase, slot, today, current, next, later, programme.FindDay(today));
    }

    /// <summary>The moment without its marks (no now, next or today's day): for a published file, which outlives the
    /// minute it is written in (js/now-next.js marks it from the entries' times).</summary>
    public static EventMoment Unmarked(ProgrammeSnapshot programme, DateTimeOffset nowUtc)
    {
        var slot = SlotStart(nowUtc);
        return new EventMoment(PhaseOf(programme.Event, slot), slot,
            DateOnly.FromDateTime(EventClock.ToWallClock(slot, programme.TimeZone)), [], [], null, null);
    }

    /// <summary>"now" or "next" for a timetable row, else null.</summary>
    public string? MarkOf(ProgrammeEntry entry) =>
        Current.Contains(entry) ? "now" : Next.Contains(entry) ? "next" : null;

    /// <summary>"in 20 min", "in 1 h 5 min".</summary>
    public string StartsIn(ProgrammeEntry entry) => "in " + Display.Duration(entry.StartUtc - SlotUtc);

    /// <summary>"25 min left".</summary>
    public string TimeLeft(ProgrammeEntry entry) => Display.Duration(entry.EndUtc - SlotUtc) + " left";
}
