using System.Globalization;
using Microsoft.Extensions.Options;
using TheoryAI.Web.Infrastructure;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Calendar;

/// <summary>Addresses of the feeds, absolute where a calendar application needs them.</summary>
public static class CalendarLinks
{
    public const string WholeProgramme = "/calendar.ics";

    public static string Day(ProgrammeDay day) => $"/programme/{day.Slug}.ics";

    public static string Talk(int number) => $"/talks/{number.ToString(CultureInfo.InvariantCulture)}.ics";

    public static string Agenda(AgendaSelection selection) => $"/agenda.ics?{selection.ToQueryString()}";

    /// <summary>The configured public address (Conference:PublicBaseUrl), else the request's own scheme, host and
    /// path base; always ending with '/'.</summary>
    public static Uri BaseUrl(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IOptions<ConferenceOptions>>().Value.PublicBaseUrl;
        var text = string.IsNullOrWhiteSpace(configured)
            ? $"{http.Request.Scheme}://{http.Request.Host.ToUriComponent()}{http.Request.PathBase.ToUriComponent()}"
            : configured;
        return CalendarWriter.NormalizeBaseUrl(new Uri(text));
    }

    /// <summary>An absolute https:// (or http://) address of a site path such as "/calendar.ics".</summary>
    public static string Absolute(HttpContext http, string path) => new Uri(BaseUrl(http), path.TrimStart('/')).ToString();

    /// <summary>The same address as webcal://, which calendar applications open as a subscription.</summary>
    public static string Webcal(HttpContext http, string path)
    {
        var absolute = new Uri(Absolute(http, path));
        return "webcal://" + absolute.Authority + absolute.PathAndQuery;
    }

    /// <summary>Google Calendar's "add event" address for one entry (Google takes no .ics link to import once).</summary>
    public static string GoogleCalendar(EventInfo ev, ProgrammeEntry entry, string pageUrl)
    {
        static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var location = entry.Room is null ? ev.VenueWithAddress : $"{entry.Room.DisplayName}, {ev.VenueWithAddress}";
        var speakers = Display.SpeakerList(entry.Talk);
        var details = string.IsNullOrEmpty(speakers) ? pageUrl : $"{speakers}\n\n{pageUrl}";
        return "https://calendar.google.com/calendar/render?action=TEMPLATE"
            + "&text=" + Uri.EscapeDataString(entry.Title)
            + "&dates=" + Utc(entry.StartUtc) + "/" + Utc(entry.EndUtc)
            + "&ctz=" + Uri.EscapeDataString(ev.TimeZoneId)
            + "&details=" + Uri.EscapeDataString(details)
            + "&location=" + Uri.EscapeDataString(location);
    }

    /// <summary>The Google Calendar address of a talk, linking back to the talk's page on this site.</summary>
    public static string GoogleCalendar(HttpContext http, EventInfo ev, ProgrammeEntry entry) =>
        GoogleCalendar(ev, entry, Absolute(http, $"/talks/{entry.Talk?.Number.ToString(CultureInfo.InvariantCulture)}"));
}
