using System.Globalization;
using System.Text;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Calendar;

/// <summary>
/// iCalendar UIDs. A calendar client matches a UID to the event it already holds, so a UID must name the same
/// programme entry for as long as it exists: across requests, restarts, re-imports of the seed and re-ordering.
/// Database ids and row positions do not qualify (a fresh store from an edited seed renumbers them), so UIDs are
/// built from what identifies the entry to people:
/// <list type="bullet">
/// <item>a numbered contribution: <c>talk-{number}@{event}</c>. The number is its published identity, so the UID
/// survives every change of time, room or title, and SEQUENCE tells clients the event was revised.</item>
/// <item>any other block (break, meal, registration, social): <c>{kind}-{date}T{start}@{event}</c>, e.g.
/// <c>break-20250409T1030@...</c>. These blocks have no identity beyond their kind and time: when an organizer
/// moves a break, a subscribed calendar drops the old break and shows the new one, which is what an attendee sees
/// too. Two blocks of the same kind starting together (parallel breaks in two rooms) get the room code appended.</item>
/// </list>
/// <c>{event}</c> is the event's name and year as a slug, independent of the host serving the feed, so the same entry
/// has the same UID on every mirror, test server and preview.
/// </summary>
public static class CalendarUids
{
    /// <summary>The UID of every entry of the programme. Computed on the whole programme, so day, talk and agenda
    /// feeds give an entry the same UID as the full calendar.</summary>
    public static IReadOnlyDictionary<int, string> For(ProgrammeSnapshot programme)
    {
        var domain = EventSlug(programme.Event);
        var uids = new Dictionary<int, string>();
        var others = programme.Entries.Where(e => e.Talk is null)
            .GroupBy(e => $"{e.Kind.ToString().ToLowerInvariant()}-{e.Start.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture)}");
        foreach (var group in others)
        {
            var entries = group.ToList();
            if (entries.Count == 1)
            {
                uids[entries[0].SessionId] = $"{group.Key}@{domain}";
                continue;
            }
            foreach (var byRoom in entries.GroupBy(e => e.Room is null ? "no-room" : Slugs.From(e.Room.Code)))
            {
                // Same kind, time and room: only the title tells them apart (ordinal order keeps the suffix stable).
                var i = 0;
                foreach (var entry in byRoom.OrderBy(e => e.Title, StringComparer.Ordinal).ThenBy(e => e.End))
                {
                    var suffix = i++ == 0 ? "" : $"-{i.ToString(CultureInfo.InvariantCulture)}";
                    uids[entry.SessionId] = $"{group.Key}-{byRoom.Key}{suffix}@{domain}";
                }
            }
        }
        foreach (var entry in programme.Talks)
        {
            uids[entry.SessionId] = $"talk-{entry.Talk!.Number.ToString(CultureInfo.InvariantCulture)}@{domain}";
        }
        return uids;
    }

    /// <summary>"theory-ai-workshop-theoretical-physics-for-ai-2025": the event's name (without accents or
    /// punctuation) and the year it starts in, unless the name already ends with it.</summary>
    public static string EventSlug(EventInfo ev)
    {
        var name = Slugs.From(ev.Name);
        if (name.Length > 60)
        {
            name = name[..60].TrimEnd('-');
        }
        var year = ev.StartDate.Year.ToString(CultureInfo.InvariantCulture);
        return name.EndsWith(year, StringComparison.Ordinal) ? name : $"{name}-{year}".TrimStart('-');
    }
}
