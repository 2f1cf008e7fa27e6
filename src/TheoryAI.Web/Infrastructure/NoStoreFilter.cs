using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace TheoryAI.Web.Infrastructure;

/// <summary>
/// Cache-Control: no-store on a page's responses, set before its handler runs, so no browser or proxy keeps what an
/// organizer saw or typed. ([ResponseCache] only takes effect as an attribute on a page model, not as a convention.)
/// </summary>
public sealed class NoStoreFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store, no-cache";
        headers[HeaderNames.Pragma] = "no-cache";
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
