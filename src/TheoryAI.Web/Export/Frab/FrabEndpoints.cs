using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;
using TheoryAI.Web.Export.Calendar;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Frab;

/// <summary>/schedule.xml and /schedule.json: the programme for schedule apps, whole or a personal selection (?talks=2,3).</summary>
public static class FrabEndpoints
{
    public const string XmlPath = "/schedule.xml";
    public const string JsonPath = "/schedule.json";

    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapFrab(this IEndpointRouteBuilder app)
    {
        app.MapMethods(XmlPath, GetOrHead, (HttpContext http, ProgrammeReader reader) =>
            SendAsync(http, reader, FrabScheduleWriter.WriteXml, FrabScheduleWriter.XmlMediaType));
        app.MapMethods(JsonPath, GetOrHead, (HttpContext http, ProgrammeReader reader) =>
            SendAsync(http, reader, FrabScheduleWriter.WriteJson, FrabScheduleWriter.JsonMediaType));
        return app;
    }

    private static async Task<IResult> SendAsync(HttpContext http, ProgrammeReader reader,
        Func<ProgrammeSnapshot, FrabOptions, byte[]> write, string mediaType)
    {
        AgendaSelection? selection = null;
        if (http.Request.Query.ContainsKey(AgendaSelection.QueryKey))
        {
            var parsed = AgendaSelection.Parse(http.Request.Query[AgendaSelection.QueryKey]);
            if (!parsed.IsValid)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                    title: "The talk selection cannot be read", detail: parsed.Error);
            }
            selection = parsed.Selection;
        }
        var programme = await reader.GetAsync(http.RequestAborted);
        var baseUrl = CalendarLinks.BaseUrl(http);

        // Revalidation like the .ics feeds (until the shared output-cache policy replaces it): a strong ETag of
        // version, document, selection, base URL and build; 304 when the client holds it.
        var etag = new EntityTagHeaderValue(ETagOf(programme.Version, http.Request.Path, selection?.ToQueryValue() ?? "*", baseUrl));
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, NoCache = true };
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var body = write(programme, new FrabOptions(baseUrl, selection));
        return Results.Bytes(body, $"{mediaType}; charset=utf-8");
    }

    private static string ETagOf(long version, PathString path, string variant, Uri baseUrl)
    {
        var build = typeof(FrabScheduleWriter).Assembly.ManifestModule.ModuleVersionId;
        var key = $"{path.Value}|{variant}|{baseUrl}|{build}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        return $"\"{version.ToString(CultureInfo.InvariantCulture)}-{hash}\"";
    }
}
