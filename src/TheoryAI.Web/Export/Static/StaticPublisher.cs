using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TheoryAI.Web.Data;
using TheoryAI.Web.Infrastructure;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Static;

/// <summary>
/// Writes <see cref="StaticSite"/>'s views into a folder by requesting each from a running site (so a file holds the
/// bytes the site sends), then the site's static assets (css, js). Each file is replaced atomically; files of views
/// that no longer exist (a deleted talk) are removed. With Conference:PathBase set (say /theory-ai) the views are
/// requested under it, so their links carry it, and the folder is meant to be served at that path: its
/// programme/index.html is /theory-ai/programme.
/// </summary>
public sealed class StaticPublisher(ProgrammeReader reader, ConferenceDb db, IOptions<ConferenceOptions> options,
    IWebHostEnvironment environment, ILogger<StaticPublisher> logger)
{
    public async Task<int> PublishAsync(HttpClient site, string outputFolder, CancellationToken cancellationToken = default)
    {
        var programme = await reader.GetAsync(cancellationToken);
        var releaseCount = await db.Releases.CountAsync(cancellationToken);
        var pathBase = options.Value.PathBase ?? "";
        var root = Path.GetFullPath(outputFolder);
        Directory.CreateDirectory(root);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in StaticSite.Paths(programme, releaseCount))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, pathBase + path);
            request.Headers.Add(StaticSite.PublishHeader, "1");
            using var response = await site.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            var file = Path.Combine(root, StaticSite.FileOf(path));
            await WriteAsync(file, await response.Content.ReadAsByteArrayAsync(cancellationToken), cancellationToken);
            written.Add(file);
        }
        // A published app has its wwwroot beside it; a build run from its bin folder has none (its assets are served
        // from the project): the pages are still written, and nginx sends /css and /js to the nodes.
        var assets = environment.WebRootPath is { } webRoot && Directory.Exists(webRoot)
            ? Directory.EnumerateFiles(webRoot, "*", SearchOption.AllDirectories)
            : [];
        foreach (var asset in assets)
        {
            var file = Path.Combine(root, Path.GetRelativePath(environment.WebRootPath!, asset));
            await WriteAsync(file, await File.ReadAllBytesAsync(asset, cancellationToken), cancellationToken);
            written.Add(file);
        }
        foreach (var stale in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => !written.Contains(f)).ToList())
        {
            File.Delete(stale);
        }
        logger.LogInformation("Published {Count} files of programme version {Version} to {Folder}.", written.Count, programme.Version, root);
        return written.Count;
    }

    private static async Task WriteAsync(string file, byte[] content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = file + ".tmp-" + Guid.NewGuid().ToString("N");
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, file, overwrite: true);
    }
}
