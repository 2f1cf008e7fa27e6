using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using TheoryAI.Web.Data;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Look;

/// <summary>
/// The event's look as files, from the latest release and cached with the programme's views: /theme.css,
/// /favicon.svg, /favicon.png (touch icon), /og-image.png (1200x630), and the stored logo and header image at
/// /event/logo and /event/header-image (also under their extension, /event/logo.svg, which the static output uses).
/// Pages name them with ?v= (the look's hash, the image's hash): at the current version they may be kept for a year.
/// </summary>
public static class LookEndpoints
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>What an SVG may do when opened at its own address: draw, with its own styles; nothing else.</summary>
    public const string SvgContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    public const string ThemePath = "/theme.css";
    public const string FaviconPath = "/favicon.svg";
    public const string TouchIconPath = "/favicon.png";
    public const string ShareImagePath = "/og-image.png";

    /// <summary>An address with its version, as pages link it.</summary>
    public static string Versioned(string path, string version) => $"{path}?v={version}";

    public static IEndpointRouteBuilder MapLook(this IEndpointRouteBuilder app)
    {
        app.MapMethods(ThemePath, GetOrHead, async (HttpContext http, ProgrammeReader reader) =>
        {
            var look = (await reader.GetAsync(http.RequestAborted)).Event.Look;
            return await RespondAsync(http, reader, look.Version, $"{ThemeStylesheet.MediaType}; charset=utf-8",
                () => Task.FromResult(Results.Text(ThemeStylesheet.Write(look), $"{ThemeStylesheet.MediaType}; charset=utf-8")));
        }).CacheProgramme("v");
        app.MapMethods(FaviconPath, GetOrHead, async (HttpContext http, ProgrammeReader reader) =>
        {
            var look = (await reader.GetAsync(http.RequestAborted)).Event.Look;
            return await RespondAsync(http, reader, look.Version, Favicon.MediaType,
                () => Task.FromResult(Results.Text(Favicon.Svg(look), Favicon.MediaType)));
        }).CacheProgramme("v");
        app.MapMethods(TouchIconPath, GetOrHead, async (HttpContext http, ProgrammeReader reader, ConferenceDb db) =>
        {
            var look = (await reader.GetAsync(http.RequestAborted)).Event.Look;
            return await RespondAsync(http, reader, look.Version, ShareImage.MediaType, async () =>
                Results.Bytes(ShareImage.TouchIcon(look, await PngLogoAsync(db, look, http.RequestAborted)), ShareImage.MediaType));
        }).CacheProgramme("v");
        app.MapMethods(ShareImagePath, GetOrHead, async (HttpContext http, ProgrammeReader reader, ConferenceDb db) =>
        {
            var ev = (await reader.GetAsync(http.RequestAborted)).Event;
            return await RespondAsync(http, reader, ShareImage.Version(ev), ShareImage.MediaType, async () =>
                Results.Bytes(ShareImage.Render(ev, await PngLogoAsync(db, ev.Look, http.RequestAborted)), ShareImage.MediaType));
        }).CacheProgramme("v");

        foreach (var (path, pick) in new (string, Func<EventLook, EventImageInfo?>)[] { ("/event/logo", l => l.Logo), ("/event/header-image", l => l.HeaderImage) })
        {
            Task<IResult> Serve(HttpContext http, ProgrammeReader reader, ConferenceDb db, string? extension) => ImageAsync(http, reader, db, pick, extension);
            app.MapMethods(path, GetOrHead, (HttpContext http, ProgrammeReader reader, ConferenceDb db) => Serve(http, reader, db, null)).CacheProgramme("v");
            app.MapMethods(path + ".{extension}", GetOrHead, (HttpContext http, ProgrammeReader reader, ConferenceDb db, string extension) => Serve(http, reader, db, extension)).CacheProgramme("v");
        }
        return app;
    }

    /// <summary>The file at <paramref name="version"/> of the look: 304 when the client holds it, kept a year at its
    /// versioned address, else written.</summary>
    private static async Task<IResult> RespondAsync(HttpContext http, ProgrammeReader reader, string version, string mediaType,
        Func<Task<IResult>> write)
    {
        if (ProgrammeCache.SetETag(http, await reader.GetAsync(http.RequestAborted), version, mediaType))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        ProgrammeCache.SetLifetime(http, version);
        return await write();
    }

    private static async Task<IResult> ImageAsync(HttpContext http, ProgrammeReader reader, ConferenceDb db,
        Func<EventLook, EventImageInfo?> pick, string? extension)
    {
        var image = pick((await reader.GetAsync(http.RequestAborted)).Event.Look);
        if (image is null || (extension is not null && !string.Equals(extension, image.Extension, StringComparison.OrdinalIgnoreCase)))
        {
            return Results.NotFound();
        }
        var content = await ContentAsync(db, image.Hash, http.RequestAborted);
        if (content is null)
        {
            return Results.NotFound();
        }
        var headers = http.Response.Headers;
        if (image.IsSvg)
        {
            // Opened at its own address an SVG is a document: it may draw, nothing more (no script, no fetch, no form).
            headers.ContentSecurityPolicy = SvgContentSecurityPolicy;
        }
        headers.XContentTypeOptions = "nosniff";
        ProgrammeCache.SetLifetime(http, image.Hash);
        return Results.File(content, image.MediaType, entityTag: new EntityTagHeaderValue($"\"{image.Hash}\""));
    }

    private static Task<byte[]?> ContentAsync(ConferenceDb db, string hash, CancellationToken cancellationToken) =>
        db.EventImages.AsNoTracking().Where(i => i.Hash == hash).Select(i => i.Content).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The logo's bytes for the raster images, when it is a PNG (an SVG logo is left out of them).</summary>
    public static async Task<byte[]?> PngLogoAsync(ConferenceDb db, EventLook look, CancellationToken cancellationToken) =>
        look.Logo is { MediaType: EventImageRules.Png } logo ? await ContentAsync(db, logo.Hash, cancellationToken) : null;
}
