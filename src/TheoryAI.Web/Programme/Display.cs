using System.Globalization;

namespace TheoryAI.Web.Programme;

/// <summary>How dates and times read on the site (English, the event's zone).</summary>
public static class Display
{
    /// <summary>The one culture every date, time and number on the site, in the feeds and in the booklet is written in.</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("en-GB");

    private static CultureInfo English => Culture;

    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", English);

    public static string ShortDate(DateOnly date) => date.ToString("ddd d MMM", English);

    public static string DateRange(DateOnly start, DateOnly end) =>
        start == end ? LongDate(start)
        : start.Month == end.Month && start.Year == end.Year ? $"{start.Day}–{end.Day} {end.ToString("MMMM yyyy", English)}"
        : $"{start.ToString("d MMMM", English)} – {end.ToString("d MMMM yyyy", English)}";

    /// <summary>The zone's name at that time, e.g. "Eastern Daylight Time (America/Toronto)".</summary>
    public static string ZoneName(TimeZoneInfo zone, DateTime wallClock) =>
        $"{(zone.IsDaylightSavingTime(wallClock) ? zone.DaylightName : zone.StandardName)} ({zone.Id})";

    /// <summary>"45 min", "1 h", "1 h 30 min" (never negative).</summary>
    public static string Duration(TimeSpan span)
    {
        var minutes = Math.Max(0, (int)Math.Round(span.TotalMinutes));
        var (hours, rest) = (minutes / 60, minutes % 60);
        var inv = CultureInfo.InvariantCulture;
        return hours == 0 ? $"{rest.ToString(inv)} min"
            : rest == 0 ? $"{hours.ToString(inv)} h"
            : $"{hours.ToString(inv)} h {rest.ToString(inv)} min";
    }

    public static string Iso(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string KindLabel(TheoryAI.Web.Data.SessionKind kind) => kind switch
    {
        TheoryAI.Web.Data.SessionKind.Talk => "Talk",
        TheoryAI.Web.Data.SessionKind.Discussion => "Discussion",
        TheoryAI.Web.Data.SessionKind.Break => "Break",
        TheoryAI.Web.Data.SessionKind.Meal => "Meal",
        TheoryAI.Web.Data.SessionKind.Registration => "Registration",
        TheoryAI.Web.Data.SessionKind.Remarks => "Remarks",
        TheoryAI.Web.Data.SessionKind.Social => "Social",
        _ => kind.ToString(),
    };

    /// <summary>"Talk · Invited" or, when the type already says the kind ("Workshop Talk"), the type alone.</summary>
    public static string KindAndType(TheoryAI.Web.Data.SessionKind kind, string? type)
    {
        var label = KindLabel(kind);
        return string.IsNullOrWhiteSpace(type) ? label
            : type.Contains(label, StringComparison.OrdinalIgnoreCase) ? type
            : $"{label} · {type}";
    }

    public static string Seats(int? capacity) =>
        capacity is int c ? $"{c.ToString(CultureInfo.InvariantCulture)} seats" : "capacity not given";

    public static string SpeakerList(TalkInfo? talk) =>
        talk is null ? "" : string.Join(", ", talk.Speakers.Select(s => s.NameWithAffiliation));
}
