using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(ProgrammeReader reader, ILogger<ErrorModel> logger) : PageModel
{
    public string Heading { get; private set; } = "Something went wrong";
    public string Explanation { get; private set; } = "";

    /// <summary>The programme, for the event's name in the title and footer; null on server errors.</summary>
    public ProgrammeSnapshot? Programme { get; private set; }

    public Task OnGetAsync(int? code) => DescribeAsync(code ?? 500);

    public Task OnPostAsync(int? code) => DescribeAsync(code ?? 500);

    private async Task DescribeAsync(int code)
    {
        // The store failing (unreadable file, full or read-only disk) is not a bug in the page: say so, with 503.
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is DbException or IOException)
        {
            code = StatusCodes.Status503ServiceUnavailable;
            HttpContext.Response.StatusCode = code;
            HttpContext.Response.Headers.RetryAfter = "60";
        }
        Describe(code);
        // A 404 still belongs to the event's site; after a server error, do not touch the store again.
        if (code < 500)
        {
            try
            {
                Programme = await reader.GetAsync(HttpContext.RequestAborted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The error page could not read the programme.");
            }
        }
    }

    private void Describe(int code)
    {
        // Keep the original status when re-executed by the status-code pages.
        if (HttpContext.Response.StatusCode < 400)
        {
            HttpContext.Response.StatusCode = code;
        }
        (Heading, Explanation) = code switch
        {
            404 => ("Page not found", "There is no talk, speaker or day at this address. It may have been renumbered or removed; the programme lists everything that is scheduled."),
            400 => ("Bad request", "The address or form held something the site cannot read. Check it and try again."),
            403 => ("Not allowed", "You are signed in without the rights to see this page."),
            405 => ("Not allowed", "This address does not accept that kind of request."),
            429 => ("Too many requests", "Please wait a minute and try again."),
            503 => ("The programme is unavailable", "The site cannot read its programme store right now. Please try again in a few minutes."),
            _ => ("Something went wrong", "The site could not answer this request. Please try again in a moment."),
        };
    }
}
