using TheoryAI.Web.Export.Look;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Static;

/// <summary>
/// The views that are the same for every visitor, as files under the site's own addresses, so nginx (try_files), any
/// static host or a CDN can serve them: pages as <c>{path}/index.html</c>, documents under their own name. The personal
/// views (agenda feeds, the personal booklet, anything with a query) and the admin area stay on the nodes.
/// </summary>
public static class StaticSite
{
    /// <summary>Sent by the publisher: pages leave the now/next marks to the page's script (js/now-next.js), since a
    /// file outlives the minute it was written in.</summary>
    public const string PublishHeader = "X-Static-Publish";

    /// <param name="programme">The published programme.</param>
    /// <param name="releaseCount">How many releases there are: /changes lists them a page at a time, and every page is published.</param>
    public static IReadOnlyList<string> Paths(ProgrammeSnapshot programme, int releaseCount)
    {
        var paths = new List<string> { "/", "/programme", "/speakers", "/venue", "/changes",
            "/calendar.ics", "/changes.atom", "/booklet.pdf", "/schedule.xml", "/schedule.json",
            LookEndpoints.ThemePath, LookEndpoints.FaviconPath, LookEndpoints.TouchIconPath, LookEndpoints.ShareImagePath };
        // The event's images under their extension, so a static host sends them with the right type.
        if (programme.Event.Look.LogoFile is { } logo)
        {
            paths.Add(logo);
        }
        if (programme.Event.Look.HeaderImageFile is { } headerImage)
        {
            paths.Add(headerImage);
        }
        for (var page = 2; (page - 1) * Releases.PageSize < releaseCount; page++)
        {
            paths.Add(TheoryAI.Web.Pages.Changes.IndexModel.PathOf(page).TrimStart('~'));
        }
        foreach (var day in programme.Days)
        {
            paths.Add($"/programme/{day.Slug}");
            paths.Add($"/programme/{day.Slug}.ics");
        }
        foreach (var talk in programme.Talks)
        {
            paths.Add($"/talks/{talk.Talk!.Number}");
            paths.Add($"/talks/{talk.Talk.Number}.ics");
        }
        paths.AddRange(programme.Speakers.Select(s => $"/speakers/{s.Slug}"));
        return paths;
    }

    /// <summary>The file, relative to the output folder, that holds the view at <paramref name="path"/>.</summary>
    public static string FileOf(string path)
    {
        var relative = path.Trim('/');
        return relative.Length == 0 ? "index.html"
            : Path.HasExtension(relative) ? relative
            : Path.Combine(relative, "index.html");
    }
}
