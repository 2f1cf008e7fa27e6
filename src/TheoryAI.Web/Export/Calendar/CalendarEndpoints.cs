using System.Globalization;
using Microsoft.Net.Http.Headers;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Calendar;

/// <summary>The .ics feeds: the whole programme, one day, one talk, a personal agenda.</summary>
public static class CalendarEndpoints
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        app.MapMethods(CalendarLinks.WholeProgramme, GetOrHead, async (HttpContext http, ProgrammeReader reader) =>
        {
            var programme = await reader.GetAsync(http.RequestAborted);
            return Send(http, programme, CalendarFeed.WholeProgramme(programme));
        }).CacheProgramme();

        app.MapMethods("/programme/{date}.ics", GetOrHead, async (string date, HttpContext http, ProgrammeReader reader) =>
        {
            var programme = await reader.GetAsync(http.RequestAborted);
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                || programme.FindDay(day) is not { } found)
            {
                return NotFound($"The programme has no day {date}. Days are written yyyy-MM-dd, from {programme.Event.StartDate:yyyy-MM-dd} to {programme.Event.EndDate:yyyy-MM-dd}.");
            }
            return Send(http, programme, CalendarFeed.ForDay(programme, found));
        }).CacheProgramme();

        app.MapMethods("/talks/{number}.ics", GetOrHead, async (string number, HttpContext http, ProgrammeReader reader) =>
        {
            var programme = await reader.GetAsync(http.RequestAborted);
            if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                || programme.FindTalk(n) is not { } talk)
            {
                return NotFound($"The programme has no talk number {number}.");
            }
            return Send(http, programme, CalendarFeed.ForTalk(programme, talk));
        }).CacheProgramme();

        app.MapMethods("/agenda.ics", GetOrHead, async (HttpContext http, ProgrammeReader reader) =>
        {
            var parsed = AgendaSelection.Parse(http.Request.Query[AgendaSelection.QueryKey]);
            if (!parsed.IsValid)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                    title: "The talk selection cannot be read", detail: parsed.Error);
            }
            var programme = await reader.GetAsync(http.RequestAborted);
            return Send(http, programme, CalendarFeed.ForAgenda(programme, parsed.Selection), parsed.Selection.ToQueryValue());
        }).CacheProgramme(AgendaSelection.QueryKey);
        return app;
    }

    private static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such calendar", detail: detail);

    /// <summary>Writes the feed, or 304 when the client holds this very document (same version, same request).</summary>
    private static IResult Send(HttpContext http, ProgrammeSnapshot programme, CalendarFeed feed, string variant = "")
    {
        var baseUrl = CalendarLinks.BaseUrl(http);
        if (ProgrammeCache.SetETag(http, programme, $"{variant}|{baseUrl}", $"{CalendarWriter.MediaType}; charset=utf-8"))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(feed.FileName);
        http.Response.GetTypedHeaders().ContentDisposition = disposition;
        var body = new CalendarWriter().WriteBytes(programme, feed, baseUrl);
        return Results.Bytes(body, $"{CalendarWriter.MediaType}; charset=utf-8");
    }
}
