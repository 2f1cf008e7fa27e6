using Microsoft.AspNetCore.Mvc.Filters;
using TheoryAI.Web.Data;

namespace TheoryAI.Web.Pages.Admin;

/// <summary>
/// On every admin page the store knows who is editing, so each save there records its change history; no page
/// can forget to.
/// </summary>
public sealed class ChangeAuthorFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.Identity is { IsAuthenticated: true, Name: { } name })
        {
            context.HttpContext.RequestServices.GetRequiredService<ConferenceDb>().ChangeAuthor = name;
        }
        return next();
    }
}
