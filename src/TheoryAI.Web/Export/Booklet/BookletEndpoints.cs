using System.Globalization;
using Microsoft.Net.Http.Headers;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Booklet;

/// <summary>GET /booklet.pdf: the programme booklet (A4 or Letter), or a personal one with only some talks.</summary>
public static class BookletEndpoints
{
    public static IServiceCollection AddBooklet(this IServiceCollection services)
    {
        services.AddSingleton<BookletRenderer>();
        return services;
    }

    public static IEndpointRouteBuilder MapBooklet(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/booklet.pdf", [HttpMethods.Get, HttpMethods.Head], GetAsync)
            .CacheProgramme("paper", AgendaSelection.QueryKey);
        return endpoints;
    }

    private static async Task<IResult> GetAsync(HttpContext http, ProgrammeReader reader, BookletRenderer renderer,
        TheoryAI.Web.Data.ConferenceDb db, string? paper, CancellationToken cancellationToken)
    {
        if (!BookletRequest.TryParse(paper, http.Request.Query[AgendaSelection.QueryKey], out var request, out var error))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid booklet request", detail: error);
        }
        var programme = await reader.GetAsync(cancellationToken);
        // Unknown talk numbers are left out: the booklet holds the talks of the selection that exist.
        var selection = request.Selection?.Resolve(programme).Found.Select(t => t.Talk!.Number).ToHashSet();
        var options = new BookletOptions(request.Paper, selection);
        if (ProgrammeCache.SetETag(http, programme, Variant(options), "application/pdf"))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        // The output cache renders each booklet once per programme version (one render for concurrent requests);
        // different booklets render one at a time, leaving the other core to serving pages.
        byte[] pdf;
        var logo = await Look.LookEndpoints.PngLogoAsync(db, programme.Event.Look, cancellationToken);
        await RenderGate.WaitAsync(cancellationToken);
        try
        {
            pdf = renderer.Render(programme, options, logo);
        }
        finally
        {
            RenderGate.Release();
        }
        var name = FileName(programme.Event.Name, options);
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = name }.ToString();
        return Results.Bytes(pdf, "application/pdf");
    }

    private static readonly SemaphoreSlim RenderGate = new(1, 1);

    private static string Variant(BookletOptions options) =>
        $"{options.Paper}|{(options.Talks is null ? "all" : string.Join('.', options.Talks.Order().Select(n => n.ToString(CultureInfo.InvariantCulture))))}";

    /// <summary>"theory-ai-workshop-programme.pdf": the event's short name (before any colon) as a slug.</summary>
    public static string FileName(string eventName, BookletOptions options)
    {
        var shortName = eventName.Split(':')[0];
        var slug = new string(shortName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }
        slug = slug.Trim('-');
        if (slug.Length == 0)
        {
            slug = "event";
        }
        return $"{slug}-{(options.IsPersonal ? "personal-programme" : "programme")}{(options.Paper == PaperSize.Letter ? "-letter" : "")}.pdf";
    }
}
