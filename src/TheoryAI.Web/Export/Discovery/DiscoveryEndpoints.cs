using TheoryAI.Web.Export.Calendar;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Discovery;

/// <summary>GET /robots.txt and /sitemap.xml, with absolute addresses from Conference:PublicBaseUrl or the request.</summary>
public static class DiscoveryEndpoints
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapDiscovery(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/robots.txt", GetOrHead, async (HttpContext http, ProgrammeReader reader) =>
        {
            var programme = await reader.GetAsync(http.RequestAborted);
            var baseUrl = CalendarLinks.BaseUrl(http);
            if (ProgrammeCache.SetETag(http, programme, baseUrl.ToString(), "text/plain; charset=utf-8"))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
            return Results.Text(SitemapWriter.Robots(baseUrl), "text/plain; charset=utf-8");
        }).CacheProgramme();
        app.MapMethods("/sitemap.xml", GetOrHead, async (HttpContext http, ProgrammeReader reader) =>
        {
            var programme = await reader.GetAsync(http.RequestAborted);
            var baseUrl = CalendarLinks.BaseUrl(http);
            if (ProgrammeCache.SetETag(http, programme, baseUrl.ToString(), $"{SitemapWriter.MediaType}; charset=utf-8"))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
            return Results.Bytes(SitemapWriter.Write(programme, baseUrl), $"{SitemapWriter.MediaType}; charset=utf-8");
        }).CacheProgramme();
        return app;
    }
}
