using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TheoryAI.Web.Pages.Admin;

namespace TheoryAI.Web.Infrastructure;

/// <summary>
/// Organizer accounts: Identity cookie sign-in, lockout, the "Organizer" policy over /Admin and a rate limit on the
/// login form. Registered by <see cref="ConferenceSetup"/>.
/// </summary>
public static class OrganizerSecurity
{
    public const string OrganizerRole = "Organizer";
    public const string OrganizerPolicy = "Organizer";
    public const string LoginRateLimit = "login";

    public static IServiceCollection AddOrganizerSecurity(this IServiceCollection services)
    {
        services.Configure<IdentityOptions>(options =>
        {
            options.Lockout.AllowedForNewUsers = true;
            options.Lockout.MaxFailedAccessAttempts = 5;
            options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            // Length protects a password better than composition rules (NIST SP 800-63B).
            options.Password.RequiredLength = 12;
            options.Password.RequireDigit = false;
            options.Password.RequireLowercase = false;
            options.Password.RequireUppercase = false;
            options.Password.RequireNonAlphanumeric = false;
            options.User.RequireUniqueEmail = true;
        });
        new IdentityBuilder(typeof(IdentityUser), typeof(IdentityRole), services).AddSignInManager();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/access-denied";
            // The default name (.AspNetCore.Identity.Application) keeps signed-in requests out of the output cache.
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(OrganizerPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(OrganizerRole));
        // PostConfigure: AddRazorPages' own setup replaces the convention collection, whatever the registration order.
        services.PostConfigure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Admin", OrganizerPolicy);
            options.Conventions.AddFolderApplicationModelConvention("/Admin", page => page.Filters.Add(new ChangeAuthorFilter()));
        });

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            // Only attempts (POSTs) count: showing the form is free.
            options.AddPolicy(LoginRateLimit, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = LoginAttemptsPerMinute(http), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
        });
        return services;
    }

    /// <summary>Organizers:LoginAttemptsPerMinute (default 10), read when a limiter is made so hosts can change it.</summary>
    private static int LoginAttemptsPerMinute(HttpContext http) =>
        http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Organizers:LoginAttemptsPerMinute", 10);

    /// <summary>Must run after UseRouting (the policies are endpoint metadata) and before the pages are mapped.</summary>
    public static WebApplication UseOrganizerSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }
}
