using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Booklet;

/// <summary>GET /booklet.pdf: the programme booklet (A4 or Letter), or a personal one with only some talks.</summary>
public static class BookletEndpoints
{
    public static IServiceCollection AddBooklet(this IServiceCollection services)
    {
        services.AddSingleton<BookletRenderer>();
        services.AddSingleton<BookletCache>();
        return services;
    }

    public static IEndpointRouteBuilder MapBooklet(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/booklet.pdf", GetAsync);
        return endpoints;
    }

    private static async Task<IResult> GetAsync(HttpContext http, ProgrammeReader reader, BookletCache cache, BookletRenderer renderer,
        string? paper, CancellationToken cancellationToken)
    {
        if (!BookletRequest.TryParse(paper, http.Request.Query[AgendaSelection.QueryKey], out var request, out var error))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid booklet request", detail: error);
        }
        var programme = await reader.GetAsync(cancellationToken);
        // Unknown talk numbers are left out: the booklet holds the talks of the selection that exist.
        var selection = request.Selection?.Resolve(programme).Found.Select(t => t.Talk!.Number).ToHashSet();
        var options = new BookletOptions(request.Paper, selection);
        var key = BookletCache.Key(programme.Version, options);
        var etag = new EntityTagHeaderValue($"\"booklet-{key}\"");

        http.Response.Headers.CacheControl = "public, no-cache";
        http.Response.Headers.ETag = etag.ToString();
        if (EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch.OfType<string>().ToList(), out var tags)
            && tags is not null && tags.Any(t => t.Compare(etag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var pdf = await cache.GetOrRenderAsync(key, () => renderer.Render(programme, options), cancellationToken);
        var name = FileName(programme.Event.Name, options);
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = name }.ToString();
        return Results.Bytes(pdf, "application/pdf");
    }

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

/// <summary>
/// Rendered booklets per programme version, paper and selection: a booklet is rendered again only after the programme
/// changes. Bounded by total size, so many personal selections cannot fill the memory.
/// </summary>
public sealed class BookletCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 64L * 1024 * 1024 });
    private readonly SemaphoreSlim _gate = new(1, 1);

    public static string Key(long version, BookletOptions options)
    {
        var selection = options.Talks is null ? "all" : "t" + string.Join('.', options.Talks.Order().Select(n => n.ToString(CultureInfo.InvariantCulture)));
        var key = $"v{version.ToString(CultureInfo.InvariantCulture)}-{options.Paper.ToString().ToLowerInvariant()}-{selection}";
        // Long selections make long keys: hash them to keep the ETag short.
        return key.Length <= 80 ? key : $"v{version.ToString(CultureInfo.InvariantCulture)}-{options.Paper.ToString().ToLowerInvariant()}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(selection)))[..24]}";
    }

    /// <summary>The cached booklet, or a new rendering. Renderings run one at a time: a burst of requests after a
    /// change renders each booklet once, and leaves the other core to serving pages.</summary>
    public async Task<byte[]> GetOrRenderAsync(string key, Func<byte[]> render, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(key, out byte[]? cached) && cached is not null)
        {
            return cached;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cache.TryGetValue(key, out cached) && cached is not null)
            {
                return cached;
            }
            var bytes = render();
            _cache.Set(key, bytes, new MemoryCacheEntryOptions { Size = bytes.Length, SlidingExpiration = TimeSpan.FromHours(6) });
            return bytes;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _cache.Dispose();
        _gate.Dispose();
    }
}
