using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TheoryAI.Web.Infrastructure.Passwords;
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

    /// <summary>ASVS 4.0 level 2 (3.3.2, 3.3.1): signed out after 30 minutes without a request, and 12 hours after signing in.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);
    private const string SignedInUntil = "signed-in-until";

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
        new IdentityBuilder(typeof(IdentityUser), typeof(IdentityRole), services)
            .AddSignInManager<OrganizerSignInManager>()
            .AddPasswordValidator<OrganizerPasswordValidator>()
            // Authenticator apps (RFC 6238 TOTP): the only second factor offered.
            .AddTokenProvider<AuthenticatorTokenProvider<IdentityUser>>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddOptions<OrganizerOptions>().BindConfiguration(OrganizerOptions.Section);
        // The account is read again on every request: a replaced password, a removed role, a deleted account or a
        // sign-out elsewhere (each changes the security stamp) ends the session at once.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/access-denied";
            // The default name (.AspNetCore.Identity.Application) keeps signed-in requests out of the output cache;
            // over HTTPS it carries the __Host- prefix (ResponseCaching.MayBePersonal knows both).
            cookie.CookieManager = new HostPrefixedCookies();
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = IdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.Events.OnSigningIn = context =>
            {
                // A refreshed sign-in (after a two-factor change) keeps the limit of the sign-in it renews.
                context.Properties.Items.TryAdd(SignedInUntil, (context.Options.TimeProvider ?? TimeProvider.System)
                    .GetUtcNow().Add(AbsoluteLifetime).ToString("O", CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            cookie.Events.OnValidatePrincipal = async context =>
            {
                var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
                if (!context.Properties.Items.TryGetValue(SignedInUntil, out var until)
                    || !DateTimeOffset.TryParse(until, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var end)
                    || now >= end)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
            cookie.Events.OnRedirectToLogin = context =>
            {
                SecurityLog(context.HttpContext).LogWarning("Refused {Method} {Path}: not signed in.", context.Request.Method, context.Request.Path);
                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                SecurityLog(context.HttpContext).LogWarning("Refused {Method} {Path} to {User}: not an organizer.",
                    context.Request.Method, context.Request.Path, context.HttpContext.User.Identity?.Name);
                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(OrganizerPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(OrganizerRole));
        // PostConfigure: AddRazorPages' own setup replaces the convention collection, whatever the registration order.
        services.PostConfigure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Admin", OrganizerPolicy);
            options.Conventions.AddFolderApplicationModelConvention("/Admin", page => page.Filters.Add(new ChangeAuthorFilter()));
            options.Conventions.AddFolderApplicationModelConvention("/Admin", page => page.Filters.Add(new TypeFilterAttribute(typeof(RequireTwoFactorFilter))));
            // What organizers see and type is never kept by a browser or a proxy.
            var noStore = new NoStoreFilter();
            options.Conventions.AddFolderApplicationModelConvention("/Admin", page => page.Filters.Add(noStore));
            options.Conventions.AddFolderApplicationModelConvention("/Account", page => page.Filters.Add(noStore));
        });

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                SecurityLog(context.HttpContext).LogWarning("Refused {Method} {Path} from {Client}: too many requests (429).",
                    context.HttpContext.Request.Method, context.HttpContext.Request.Path, context.HttpContext.Connection.RemoteIpAddress);
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

    /// <summary>The category security events are logged under (failed sign-ins, refused requests, 429s); never a secret.</summary>
    public const string SecurityLogCategory = "TheoryAI.Security";

    private static ILogger SecurityLog(HttpContext http) =>
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(SecurityLogCategory);

    /// <summary>Organizers:LoginAttemptsPerMinute (default 10), read when a limiter is made so hosts can change it.</summary>
    private static int LoginAttemptsPerMinute(HttpContext http) =>
        http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Organizers:LoginAttemptsPerMinute", 10);

    /// <summary>
    /// Must run after UseRouting (the policies are endpoint metadata) and before the pages are mapped.
    /// Authentication runs for requests that carry a credential (a cookie or an Authorization header): one without has
    /// nothing to authenticate, and skipping the authentication middleware's set-up (a request scope, the handlers)
    /// took a quarter of the time of a cached public view (a CPU profile of /calendar.ics under load; bench/README.md).
    /// Authorization still runs for every request, so an anonymous request to /admin is challenged as before.
    /// </summary>
    public static WebApplication UseOrganizerSecurity(this WebApplication app)
    {
        // Authentication may read the store (the security stamp): off the socket threads first.
        app.UseWhen(CarriesCredential, branch => branch.UseThreadPool().UseAuthentication());
        // The key UseAuthentication sets (it set it on the branch only): without it the host would add its own
        // authentication middleware in front of the whole pipeline, for every request.
        ((IApplicationBuilder)app).Properties[AuthenticationMiddlewareSetKey] = true;
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    internal static bool CarriesCredential(HttpContext http) =>
        http.Request.Headers.Cookie.Count > 0 || http.Request.Headers.Authorization.Count > 0;
}
