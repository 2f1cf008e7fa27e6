using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using TheoryAI.Web.Data;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Infrastructure;

/// <summary>
/// Server-side caching of the public programme views, keyed on the programme version, with ETags and compression.
/// Everyone opens the programme at the same moment (doors open, a change is announced) and calendar apps poll the
/// feeds all day: a cached response costs one version query instead of a render.
/// </summary>
public static class ResponseCaching
{
    /// <summary>
    /// The public, anonymous GET views that only depend on the programme (and, for pages, on the time of day).
    /// Anything else — /admin, /account, forms, error pages — is never cached.
    /// </summary>
    private static readonly PathString[] PublicPaths =
        ["/programme", "/talks", "/speakers", "/venue", "/calendar.ics", "/agenda.ics", "/booklet.pdf",
         "/schedule.xml", "/schedule.json"];

    public static IServiceCollection AddProgrammeCaching(this IServiceCollection services)
    {
        services.AddSingleton<ProgrammeVersionProbe>();
        services.AddSingleton<StoreWriteWatcher>();
        services.ConfigureDbContext<ConferenceDb>((sp, options) => options.AddInterceptors(sp.GetRequiredService<StoreWriteWatcher>()));
        services.AddOutputCache(options =>
        {
            options.AddBasePolicy(new ProgrammeCachePolicy());
            // A rendered view of an old version is never served again (the version is part of the key); expiry only
            // frees the memory.
            options.DefaultExpirationTimeSpan = TimeSpan.FromMinutes(10);
        });
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "text/calendar"];
        });
        return services;
    }

    /// <summary>
    /// Output cache outside compression, so each version is compressed once per encoding and then served from memory.
    /// Place before static files and routing; the policy decides by path, so it needs no endpoint metadata.
    /// </summary>
    public static IApplicationBuilder UseProgrammeCaching(this IApplicationBuilder app) =>
        app.UseOutputCache().UseResponseCompression();

    internal static bool IsPublicView(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }
        var path = request.Path;
        if (path == "/")
        {
            return true;
        }
        foreach (var prefix in PublicPaths)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A request that may belong to a signed-in person: an Authorization header, an authenticated user, or any of the
    /// framework's cookies (sign-in, antiforgery, session). Checked by cookie name as well because the cache may run
    /// before authentication has read the cookie.
    /// </summary>
    internal static bool MayBePersonal(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true || http.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return true;
        }
        foreach (var cookie in http.Request.Cookies)
        {
            if (cookie.Key.StartsWith(".AspNetCore.", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>
/// Varies cached views by programme version, query string and Accept-Encoding; pages also by the current five-minute
/// slot while the event runs, because the programme marks what is on "now" and "next" from the clock. Talks start and
/// end on five-minute boundaries, so within a slot those marks cannot change; outside the event's days the marks are
/// empty and pages are cached for the whole version. The ETag names the same parts, so a client revalidating gets a
/// 304 from memory.
/// </summary>
internal sealed class ProgrammeCachePolicy : IOutputCachePolicy
{
    internal static readonly TimeSpan Slot = TimeSpan.FromMinutes(5);

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (!ResponseCaching.IsPublicView(http.Request) || ResponseCaching.MayBePersonal(http))
        {
            return;
        }
        var services = http.RequestServices;
        if (await services.GetRequiredService<ProgrammeVersionProbe>().GetVersionAsync(services, cancellation) is not long version)
        {
            return;
        }
        var now = "all";
        if (!HasFileExtension(http.Request.Path))
        {
            var snapshot = services.GetRequiredService<ProgrammeSnapshotCache>().Current is { } current && current.Version == version
                ? current
                : await services.GetRequiredService<ProgrammeReader>().GetAsync(cancellation);
            var clock = services.GetRequiredService<TimeProvider>().GetUtcNow();
            if (DuringEvent(snapshot.Event, clock))
            {
                now = (clock.UtcTicks / Slot.Ticks).ToString(CultureInfo.InvariantCulture);
            }
        }

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;
        context.CacheVaryByRules.VaryByValues["version"] = version.ToString(CultureInfo.InvariantCulture);
        context.CacheVaryByRules.VaryByValues["now"] = now;

        // Set before the view runs so the cached entry holds them; a view may replace them with its own.
        var headers = http.Response.Headers;
        headers.ETag = $"W/\"{version}-{now}\"";
        headers.CacheControl = "no-cache";
        http.Response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            if (response.StatusCode is not (StatusCodes.Status200OK or StatusCodes.Status304NotModified))
            {
                response.Headers.Remove(HeaderNames.ETag);
            }
            return Task.CompletedTask;
        }, http.Response);
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (http.Response.StatusCode != StatusCodes.Status200OK
            || http.Response.Headers.ContainsKey(HeaderNames.SetCookie)
            || http.User.Identity?.IsAuthenticated == true)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    private static bool HasFileExtension(PathString path) => Path.HasExtension(path.Value);

    /// <summary>From midnight before the first day to midnight after the last, in the event's zone.</summary>
    internal static bool DuringEvent(EventInfo ev, DateTimeOffset nowUtc)
    {
        var today = DateOnly.FromDateTime(EventClock.ToWallClock(nowUtc, ev.TimeZone));
        return today >= ev.StartDate && today <= ev.EndDate;
    }
}
