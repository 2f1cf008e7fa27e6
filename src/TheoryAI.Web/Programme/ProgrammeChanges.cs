using TheoryAI.Web.Export.Calendar;

namespace TheoryAI.Web.Programme;

/// <summary>What kind of change an attendee reads about (never shown as such: <see cref="ProgrammeChange.Text"/> is).</summary>
public enum ProgrammeChangeKind
{
    New,
    Cancelled,
    Restored,
    Moved,
    RoomChanged,
    Renamed,
    SpeakersChanged,
    AbstractChanged,
    Removed,
}

/// <summary>One change between two releases, in plain words, with the address of what it concerns.</summary>
public sealed record ProgrammeChange(ProgrammeChangeKind Kind, int SessionId, int? TalkNumber, string Text, string? Link);

/// <summary>
/// The changelog computed between two programmes (two releases, or the latest release and the draft): entries are
/// matched by their block, or failing that by their calendar UID (a re-imported seed renumbers blocks), and every
/// difference an attendee cares about is said in words, with the year and the event's zone.
/// </summary>
public static class ProgrammeChanges
{
    public static IReadOnlyList<ProgrammeChange> Between(ProgrammeSnapshot before, ProgrammeSnapshot after)
    {
        var beforeUids = CalendarUids.For(before);
        var afterUids = CalendarUids.For(after);
        var beforeById = before.Entries.ToDictionary(e => e.SessionId);
        var beforeByUid = before.Entries.ToDictionary(e => beforeUids[e.SessionId], StringComparer.Ordinal);
        var matched = new HashSet<int>();
        var changes = new List<ProgrammeChange>();
        var zone = ZoneWords(after.TimeZone);
        foreach (var entry in after.Entries)
        {
            var old = beforeById.GetValueOrDefault(entry.SessionId) is { } byId && SameThing(byId, entry)
                ? byId
                : beforeByUid.GetValueOrDefault(afterUids[entry.SessionId]);
            if (old is null || !matched.Add(old.SessionId))
            {
                if (!entry.Cancelled)
                {
                    changes.Add(Change(ProgrammeChangeKind.New, entry,
                        $"New: {Quoted(entry)} on {When(entry.Start)}–{entry.End:HH:mm}, {zone}{(entry.Room is null ? "" : $", in {entry.Room.DisplayName}")}."));
                }
                continue;
            }
            changes.AddRange(Compare(old, entry, zone));
        }
        foreach (var old in before.Entries.Where(e => !matched.Contains(e.SessionId) && !e.Cancelled))
        {
            changes.Add(Change(ProgrammeChangeKind.Removed, old, $"Removed: {Quoted(old)}, which was on {When(old.Start)}, {zone}.", link: false));
        }
        return changes;
    }

    private static IEnumerable<ProgrammeChange> Compare(ProgrammeEntry old, ProgrammeEntry now, string zone)
    {
        if (old.Cancelled != now.Cancelled)
        {
            yield return now.Cancelled
                ? Change(ProgrammeChangeKind.Cancelled, now, $"Cancelled: {Quoted(now)}, {When(now.Start)}, {zone}.")
                : Change(ProgrammeChangeKind.Restored, now, $"Back in the programme: {Quoted(now)}, {When(now.Start)}, {zone}.");
        }
        if (old.Start != now.Start || old.End != now.End)
        {
            var to = old.Date == now.Date ? $"{now.Start:HH:mm}" : When(now.Start);
            var range = old.End - old.Start != now.End - now.Start ? $" (now until {now.End:HH:mm})" : "";
            yield return Change(ProgrammeChangeKind.Moved, now, $"Moved: {Quoted(now)}: {When(old.Start)} -> {to}{range}, {zone}.");
        }
        if (!string.Equals(old.Room?.Code, now.Room?.Code, StringComparison.Ordinal))
        {
            yield return Change(ProgrammeChangeKind.RoomChanged, now,
                $"Room changed: {Quoted(now)}: {old.Room?.DisplayName ?? "no room"} -> {now.Room?.DisplayName ?? "no room"}.");
        }
        if (!string.Equals(old.Title, now.Title, StringComparison.Ordinal))
        {
            yield return Change(ProgrammeChangeKind.Renamed, now, $"Renamed: “{old.Title}” is now “{now.Title}”.");
        }
        var oldSpeakers = string.Join(", ", old.Talk?.Speakers.Select(s => s.Name) ?? []);
        var newSpeakers = string.Join(", ", now.Talk?.Speakers.Select(s => s.Name) ?? []);
        if (!string.Equals(oldSpeakers, newSpeakers, StringComparison.Ordinal))
        {
            yield return Change(ProgrammeChangeKind.SpeakersChanged, now,
                $"Speakers changed: {Quoted(now)}: {(oldSpeakers.Length == 0 ? "none" : oldSpeakers)} -> {(newSpeakers.Length == 0 ? "none" : newSpeakers)}.");
        }
        if (!string.Equals(old.Talk?.AbstractMarkdown ?? "", now.Talk?.AbstractMarkdown ?? "", StringComparison.Ordinal))
        {
            yield return Change(ProgrammeChangeKind.AbstractChanged, now, $"Abstract updated: {Quoted(now)}.");
        }
    }

    /// <summary>A talk is the same talk by its number; another block by its kind.</summary>
    private static bool SameThing(ProgrammeEntry a, ProgrammeEntry b) =>
        a.Talk is null ? b.Talk is null && a.Kind == b.Kind : b.Talk is not null && a.Talk.Number == b.Talk.Number;

    private static ProgrammeChange Change(ProgrammeChangeKind kind, ProgrammeEntry entry, string text, bool link = true) =>
        new(kind, entry.SessionId, entry.Talk?.Number, text, link ? LinkOf(entry) : null);

    /// <summary>"talk 16, “Title”" or "“Coffee break”".</summary>
    private static string Quoted(ProgrammeEntry entry) => entry.Talk is { } talk ? $"talk {talk.Number}, “{entry.Title}”" : $"“{entry.Title}”";

    /// <summary>"Thursday 10 April 2025, 11:00".</summary>
    public static string When(DateTime wallClock) => $"{Display.LongDate(DateOnly.FromDateTime(wallClock))}, {wallClock:HH:mm}";

    /// <summary>"Toronto time" for America/Toronto.</summary>
    public static string ZoneWords(TimeZoneInfo zone)
    {
        var id = zone.Id;
        var city = id[(id.LastIndexOf('/') + 1)..].Replace('_', ' ');
        return $"{city} time";
    }

    public static string LinkOf(ProgrammeEntry entry) => entry.Talk is { } talk
        ? $"/talks/{talk.Number}"
        : $"/programme/{entry.Date:yyyy-MM-dd}#entry-{entry.SessionId}";
}
