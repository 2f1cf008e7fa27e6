using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using TheoryAI.Web.Data;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Infrastructure;

/// <summary>
/// Start-up wiring of the output cache for the public views (<see cref="ProgrammeCache"/>), with compression inside
/// it so each cached view is compressed once per encoding. Everyone opens the programme at the same moment (doors
/// open, a change is announced) and calendar apps poll the feeds all day: a cached response costs no query at all.
/// </summary>
public static class ResponseCaching
{
    public static IServiceCollection AddProgrammeCaching(this IServiceCollection services)
    {
        services.AddSingleton<ProgrammeGeneration>();
        services.AddSingleton<ProgrammeWriteEviction>();
        services.AddHostedService<ExternalWriterWatch>();
        services.ConfigureDbContext<ConferenceDb>((sp, options) => options.AddInterceptors(sp.GetRequiredService<ProgrammeWriteEviction>()));
        services.AddOutputCache(options =>
        {
            // A view of an old programme is never served again (eviction and the generation key see to it); expiry
            // only frees the memory of views nobody asks for.
            options.DefaultExpirationTimeSpan = TimeSpan.FromMinutes(10);
        });
        // The policy reads singletons from the application's services, so a cache hit never makes a request scope.
        services.AddOptions<OutputCacheOptions>().Configure<IServiceProvider>(
            (options, application) => options.AddPolicy(ProgrammeCache.Policy, new ProgrammeCachePolicy(application)));
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "text/calendar", "application/atom+xml"];
        });
        return services;
    }

    /// <summary>After routing and authentication (the policy reads endpoint metadata and the signed-in user); the
    /// cache outside compression, so it stores each encoding once and serves it from memory. A hit is served on the
    /// thread the request came in on; a miss, and everything the cache does not answer, goes on on the thread pool
    /// (<see cref="SocketScheduling"/>).</summary>
    public static IApplicationBuilder UseProgrammeCaching(this IApplicationBuilder app) =>
        app.UseOutputCache().UseThreadPool().UseResponseCompression();
}

/// <summary>
/// Bumped whenever the programme changes (this process's saves, or a writer outside it seen by
/// <see cref="ExternalWriterWatch"/>). It is part of every cache key, so a view rendered from the old programme while
/// the change was being saved is stored under a key nobody asks for again; eviction by tag frees the memory.
/// </summary>
public sealed class ProgrammeGeneration(IOutputCacheStore store, ProgrammeSnapshotCache snapshots)
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public async Task ChangedAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _value);
        snapshots.Invalidate();
        await store.EvictByTagAsync(ProgrammeCache.Tag, cancellationToken);
    }
}

/// <summary>
/// The write path's eviction: public views show the latest release, so only a save that adds a release (Publish, the
/// seed import) evicts the cached views, once its transaction commits; organizers' draft edits leave them alone.
/// Looks at the change tracker, not at SQL.
/// </summary>
public sealed class ProgrammeWriteEviction(IServiceProvider services)
    : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor, Microsoft.EntityFrameworkCore.Diagnostics.IDbTransactionInterceptor
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _pending = [];

    private ProgrammeGeneration Generation => services.GetRequiredService<ProgrammeGeneration>();

    private static bool TouchesProgramme(DbContext context) =>
        context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is Release or SpeakerPhoto);

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
        Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && TouchesProgramme(context))
        {
            _pending.AddOrUpdate(context, this);
        }
        return ValueTask.FromResult(result);
    }

    public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> SavingChanges(
        Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && TouchesProgramme(context))
        {
            _pending.AddOrUpdate(context, this);
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesCompletedEventData eventData,
        int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && _pending.Remove(context))
        {
            await Generation.ChangedAsync(cancellationToken);
        }
        return result;
    }

    public override int SavedChanges(Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && _pending.Remove(context))
        {
            Generation.ChangedAsync().GetAwaiter().GetResult();
        }
        return result;
    }

    async Task Microsoft.EntityFrameworkCore.Diagnostics.IDbTransactionInterceptor.TransactionCommittedAsync(
        System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData,
        CancellationToken cancellationToken)
    {
        if (eventData.Context is { } context && _pending.Remove(context))
        {
            await Generation.ChangedAsync(cancellationToken);
        }
    }

    void Microsoft.EntityFrameworkCore.Diagnostics.IDbTransactionInterceptor.TransactionCommitted(
        System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && _pending.Remove(context))
        {
            Generation.ChangedAsync().GetAwaiter().GetResult();
        }
    }

    void Microsoft.EntityFrameworkCore.Diagnostics.IDbTransactionInterceptor.TransactionRolledBack(
        System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            _pending.Remove(context);
        }
    }

    Task Microsoft.EntityFrameworkCore.Diagnostics.IDbTransactionInterceptor.TransactionRolledBackAsync(
        System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData,
        CancellationToken cancellationToken)
    {
        if (eventData.Context is { } context)
        {
            _pending.Remove(context);
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// A writer in another process (<c>seed --replace</c> on a live site, another node) does not pass through this
/// process's saves: the latest release's number is read once a second (one query a second, whatever the traffic) and,
/// when it is not the release this process serves, the programme has changed (the cached views are evicted and the
/// next render reads the store).
/// </summary>
public sealed class ExternalWriterWatch(IServiceScopeFactory scopes, ProgrammeGeneration generation, ProgrammeSnapshotCache snapshots,
    Microsoft.Extensions.Options.IOptions<ConferenceOptions> options, ILogger<ExternalWriterWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ExternalWriterCheck <= TimeSpan.Zero)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.ExternalWriterCheck);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var version = await scope.ServiceProvider.GetRequiredService<ProgrammeReader>().GetVersionAsync(stoppingToken);
                // Nothing served yet (start-up, or just after a change): the next render reads the store anyway.
                if (snapshots.Current is { } served && served.Version != version)
                {
                    await generation.ChangedAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store may not be migrated yet, or be briefly locked by the other writer: try again next tick.
                logger.LogDebug(e, "Could not read the programme version");
            }
        }
    }
}

/// <summary>
/// Caches public views per generation, path, declared query keys, Accept-Encoding and, for pages, the current
/// five-minute slot while the event runs, or whether it is still to come or over (the programme marks what is on "now" and "next" from the clock; talks start
/// and end on five-minute boundaries, so within a slot those marks cannot change). Nothing personal: requests of a
/// signed-in person or carrying credentials or the framework's cookies are neither served from nor stored in the
/// cache, nor is a response that sets a cookie or is not a 200.
/// </summary>
internal sealed class ProgrammeCachePolicy(IServiceProvider application) : IOutputCachePolicy
{
    // Resolved on first use: the generation needs the cache store, and the store these options.
    private ProgrammeSnapshotCache Snapshots => field ??= application.GetRequiredService<ProgrammeSnapshotCache>();
    private ProgrammeGeneration Generation => field ??= application.GetRequiredService<ProgrammeGeneration>();
    private TimeProvider Clock => field ??= application.GetRequiredService<TimeProvider>();

    internal static readonly TimeSpan Slot = EventMoment.Slot;

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var now = "all";
        if (!Path.HasExtension(http.Request.Path.Value))
        {
            // The event's dates decide whether pages vary by slot. They are held in memory (kept across evictions, so
            // a hit or a coalesced miss costs no query here); only the first request after start loads them.
            var ev = Snapshots.LastEvent;
            if (ev is null)
            {
                await SocketScheduling.LeaveSocketThreadAsync();
                ev = (await http.RequestServices.GetRequiredService<ProgrammeReader>().GetAsync(cancellation)).Event;
            }
            var utcNow = Clock.GetUtcNow();
            // Before and after the event pages differ too (after it: "Watch" links, "the workshop is over").
            now = EventMoment.PhaseOf(ev, utcNow) switch
            {
                EventPhase.During => (utcNow.UtcTicks / Slot.Ticks).ToString(CultureInfo.InvariantCulture),
                EventPhase.Before => "before",
                _ => "after",
            };
        }
        if (http.Request.Headers.ContainsKey(Export.Static.StaticSite.PublishHeader))
        {
            now = "static";
        }
        http.Items[ProgrammeCache.SlotItem] = now;

        var cacheable = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) && !MayBePersonal(http);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.Tags.Add(ProgrammeCache.Tag);
        context.CacheVaryByRules.QueryKeys = http.GetEndpoint()?.Metadata.GetMetadata<ProgrammeQueryKeysAttribute>()?.Keys is { Length: > 0 } keys
            ? new StringValues(keys)
            : StringValues.Empty;
        context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;
        context.CacheVaryByRules.VaryByValues["generation"] = Generation.Value.ToString(CultureInfo.InvariantCulture);
        context.CacheVaryByRules.VaryByValues["now"] = now;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (http.Response.StatusCode != StatusCodes.Status200OK
            || http.Response.Headers.ContainsKey(HeaderNames.SetCookie)
            || MayBePersonal(http))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A request that may belong to a signed-in person: an authenticated user, an Authorization header, or any of the
    /// framework's cookies (sign-in, antiforgery, session) even when they no longer authenticate.
    /// </summary>
    internal static bool MayBePersonal(HttpContext http)
    {
        if (!OrganizerSecurity.CarriesCredential(http))
        {
            return false; // nothing to authenticate (OrganizerSecurity skips authentication for such a request)
        }
        if (http.User.Identity?.IsAuthenticated == true || http.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return true;
        }
        return http.Request.Cookies.Any(cookie => cookie.Key.StartsWith(".AspNetCore.", StringComparison.Ordinal)
            || cookie.Key.StartsWith(HostPrefixedCookies.Prefix, StringComparison.Ordinal));
    }
}
