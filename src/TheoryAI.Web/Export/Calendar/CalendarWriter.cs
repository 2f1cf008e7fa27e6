using System.Globalization;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using TheoryAI.Web.Infrastructure;
using TheoryAI.Web.Programme;
using IcalCalendar = Ical.Net.Calendar;

namespace TheoryAI.Web.Export.Calendar;

/// <summary>
/// Writes a <see cref="CalendarFeed"/> of the programme as an iCalendar (RFC 5545) document: events in the event's
/// zone with a full VTIMEZONE, CRLF line ends, lines folded at 75 octets between characters
/// (<see cref="ContentLines"/>), UTF-8.
/// <para>
/// The output depends only on the snapshot, the feed and the base URL, so one programme version gives the same bytes
/// on every request (the endpoints' ETag relies on it). That is why DTSTAMP is the entry's last revision and not
/// "now": with no METHOD property, RFC 5545 (3.8.7.2) defines DTSTAMP as the time the entry was last revised in the
/// calendar store.
/// </para>
/// </summary>
public sealed class CalendarWriter
{
    public const string MediaType = "text/calendar";

    /// <summary>UTF-8 without a byte-order mark: calendar clients choke on one.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <param name="programme">The programme at one version.</param>
    /// <param name="feed">Which entries, and the calendar's name.</param>
    /// <param name="baseUrl">Where the site is published (scheme, host, optional path), for the links in events.</param>
    public string Write(ProgrammeSnapshot programme, CalendarFeed feed, Uri baseUrl)
    {
        var ev = programme.Event;
        var calendar = new IcalCalendar { ProductId = "-//TheoryAI//Conference programme//EN" };
        if (feed.IsSubscription)
        {
            // Only a feed is a calendar of its own: Outlook is reported to open a single-event file that carries a
            // calendar name as a new calendar instead of adding the event to the user's own.
            calendar.AddProperty("X-WR-CALNAME", SingleLine(feed.Name));
            calendar.AddProperty("X-WR-TIMEZONE", ev.TimeZoneId);
            var refresh = new Ical.Net.CalendarProperty("REFRESH-INTERVAL", "PT1H");
            refresh.AddParameter("VALUE", "DURATION");
            calendar.AddProperty(refresh);
            calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        }

        // STANDARD and DAYLIGHT rules from the tz database, starting before the programme's first day.
        var earliest = feed.Entries.Select(e => e.Start.Date).Append(ev.StartDate.ToDateTime(TimeOnly.MinValue)).Min();
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(ev.TimeZoneId, earliest.AddDays(-1), includeHistoricalData: false));

        var uids = CalendarUids.For(programme);
        foreach (var entry in feed.Entries)
        {
            calendar.Events.Add(ToEvent(programme, entry, uids[entry.SessionId], baseUrl));
        }

        var text = new CalendarSerializer(new SerializationContext()).SerializeToString(calendar)
            ?? throw new InvalidOperationException("The calendar serializer returned nothing.");
        return ContentLines.Fold(text);
    }

    public byte[] WriteBytes(ProgrammeSnapshot programme, CalendarFeed feed, Uri baseUrl) =>
        Utf8.GetBytes(Write(programme, feed, baseUrl));

    private static CalendarEvent ToEvent(ProgrammeSnapshot programme, ProgrammeEntry entry, string uid, Uri baseUrl)
    {
        var zone = programme.Event.TimeZoneId;
        var lastModified = new CalDateTime(DateTime.SpecifyKind(entry.LastModifiedUtc, DateTimeKind.Utc), true);
        var calendarEvent = new CalendarEvent
        {
            Uid = uid,
            DtStamp = lastModified,
            LastModified = lastModified,
            DtStart = new CalDateTime(DateTime.SpecifyKind(entry.Start, DateTimeKind.Unspecified), zone, true),
            DtEnd = new CalDateTime(DateTime.SpecifyKind(entry.End, DateTimeKind.Unspecified), zone, true),
            Summary = SingleLine(entry.Title),
            Description = MultiLine(Describe(programme, entry, baseUrl)),
            Location = SingleLine(entry.Room is null
                ? programme.Event.VenueWithAddress
                : $"{entry.Room.DisplayName}, {programme.Event.VenueWithAddress}"),
            Url = PageOf(entry, baseUrl),
            Sequence = entry.Sequence,
        };
        if (entry.Cancelled)
        {
            // RFC 5545 3.8.1.11: the event stays, so a subscribed calendar marks or drops the copy it holds.
            calendarEvent.Status = "CANCELLED";
        }
        calendarEvent.Categories.Add(SingleLine(Display.KindLabel(entry.Kind)));
        return calendarEvent;
    }

    /// <summary>The talk's page, or the day's timetable at the entry for the other blocks.</summary>
    public static Uri PageOf(ProgrammeEntry entry, Uri baseUrl) => entry.Talk is { } talk
        ? new Uri(baseUrl, $"talks/{talk.Number.ToString(CultureInfo.InvariantCulture)}")
        : new Uri(baseUrl, $"programme/{entry.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}#entry-{entry.SessionId.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Plain text: speakers with affiliations, the abstract, the recording, the page's link.</summary>
    private static string Describe(ProgrammeSnapshot programme, ProgrammeEntry entry, Uri baseUrl)
    {
        var parts = new List<string>();
        if (entry.Talk is { } talk)
        {
            if (talk.Speakers.Count > 0)
            {
                parts.Add(string.Join("\n", talk.Speakers.Select(s => s.NameWithAffiliation)));
            }
            var summary = MarkdownRenderer.ToPlainText(talk.AbstractMarkdown);
            if (summary.Length > 0)
            {
                parts.Add(summary);
            }
            if (!string.IsNullOrWhiteSpace(talk.RecordingUrl))
            {
                parts.Add($"Recording: {talk.RecordingUrl}");
            }
            parts.Add($"Talk page: {PageOf(entry, baseUrl)}");
        }
        else
        {
            parts.Add($"{Display.KindLabel(entry.Kind)}, {programme.Event.Name}");
            parts.Add($"Programme: {PageOf(entry, baseUrl)}");
        }
        return string.Join("\n\n", parts).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>Text for a multi-line value (DESCRIPTION): every kind of line break (CR, LF, VT, FF, NEL, U+2028,
    /// U+2029: a word processor pastes U+000B for a line break) becomes "\n", which the serializer escapes; other
    /// control characters, which RFC 5545 forbids, are dropped.</summary>
    public static string MultiLine(string text) => Clean(text, "\n");

    /// <summary>Text for a one-line value (SUMMARY, LOCATION, the calendar's name): line breaks become spaces.</summary>
    public static string SingleLine(string text) => Clean(text, " ");

    private static string Clean(string text, string lineBreak)
    {
        if (!text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029'))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue; // CRLF is one break
            }
            if (c is '\r' or '\n' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029')
            {
                builder.Append(lineBreak);
            }
            else if (c == '\t' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>A base URL that ends with '/', so relative links append to its path.</summary>
    public static Uri NormalizeBaseUrl(Uri baseUrl)
    {
        var text = baseUrl.GetLeftPart(UriPartial.Path);
        return new Uri(text.EndsWith('/') ? text : text + "/");
    }
}
