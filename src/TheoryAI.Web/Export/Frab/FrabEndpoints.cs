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
            SendAsync(http, reader, FrabScheduleWriter.WriteXml, FrabScheduleWriter.XmlMediaType)).CacheProgramme(AgendaSelection.QueryKey);
        app.MapMethods(JsonPath, GetOrHead, (HttpContext http, ProgrammeReader reader) =>
            SendAsync(http, reader, FrabScheduleWriter.WriteJson, FrabScheduleWriter.JsonMediaType)).CacheProgramme(AgendaSelection.QueryKey);
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

        if (ProgrammeCache.SetETag(http, programme, $"{selection?.ToQueryValue() ?? "*"}|{baseUrl}", $"{mediaType}; charset=utf-8"))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var body = write(programme, new FrabOptions(baseUrl, selection));
        return Results.Bytes(body, $"{mediaType}; charset=utf-8");
    }
}
