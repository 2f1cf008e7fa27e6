using TheoryAI.Web.Data;
using TheoryAI.Web.Export.Calendar;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Atom;

/// <summary>GET /changes.atom: the latest releases as an Atom feed, one entry per release.</summary>
public static class ChangesFeedEndpoints
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapChangesFeed(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/changes.atom", GetOrHead, async (HttpContext http, ProgrammeReader reader, ConferenceDb db) =>
        {
            var programme = await reader.GetAsync(http.RequestAborted);
            var baseUrl = CalendarLinks.BaseUrl(http);
            if (ProgrammeCache.SetETag(http, programme, baseUrl.ToString(), $"{ChangesFeedWriter.MediaType}; charset=utf-8"))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
            var (latest, _) = await Releases.PageAsync(db, 1, http.RequestAborted);
            var body = new ChangesFeedWriter().Write(programme.Event.Name, baseUrl, programme.TimeZone, latest);
            return Results.Bytes(body, $"{ChangesFeedWriter.MediaType}; charset=utf-8");
        }).CacheProgramme();
        return app;
    }
}
