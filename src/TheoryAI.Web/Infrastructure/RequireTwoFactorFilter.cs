using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace TheoryAI.Web.Infrastructure;

/// <summary>
/// With Organizers:RequireTwoFactor, an admin page answers only organizers whose account has an authenticator app;
/// the others are sent to set one up, and come back where they were going afterwards. Runs after authorization, on
/// the user the security stamp check has just loaded (the same tracked entity, so no second query).
/// </summary>
public sealed class RequireTwoFactorFilter(IOptions<OrganizerOptions> options, UserManager<IdentityUser> users, ILoggerFactory loggers)
    : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (options.Value.RequireTwoFactor
            && await users.GetUserAsync(context.HttpContext.User) is { } user
            && !await users.GetTwoFactorEnabledAsync(user))
        {
            loggers.CreateLogger(OrganizerSecurity.SecurityLogCategory).LogWarning(
                "Refused {Method} {Path} to {User}: two-factor sign-in is required and not set up.",
                context.HttpContext.Request.Method, context.HttpContext.Request.Path, user.UserName);
            var request = context.HttpContext.Request;
            context.Result = new RedirectToPageResult("/Account/TwoFactor", new
            {
                returnUrl = HttpMethods.IsGet(request.Method) ? request.PathBase + request.Path + request.QueryString : null,
            });
            return;
        }
        await next();
    }
}
