using Microsoft.AspNetCore.Mvc.Rendering;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Shared;

/// <summary>
/// The programme whose event (name, look) the layout shows on every page: the page's own when it has one, otherwise the
/// latest release through the reader, whose snapshot cache answers without a query once the release was read (so sign-in,
/// two-factor and admin pages show the event too, at no cost per request). After a server error nothing is read again:
/// the snapshot last read is used, if any. Resolved once per request.
/// </summary>
public static class LayoutEvent
{
    /// <summary>The name when no programme can be read (an empty or failing store).</summary>
    public const string FallbackName = "Conference programme";

    private static readonly object Key = new();

    public static async Task<ProgrammeSnapshot?> GetAsync(ViewContext view)
    {
        var http = view.HttpContext;
        if (http.Items.TryGetValue(Key, out var known))
        {
            return known as ProgrammeSnapshot;
        }
        var programme = await ResolveAsync(view);
        http.Items[Key] = programme;
        return programme;
    }

    private static async Task<ProgrammeSnapshot?> ResolveAsync(ViewContext view)
    {
        var http = view.HttpContext;
        switch (view.ViewData.Model)
        {
            case ProgrammePage page:
                return page.Programme;
            case ErrorModel error:
                return error.Programme ?? http.RequestServices.GetRequiredService<ProgrammeSnapshotCache>().Current;
        }
        try
        {
            return await http.RequestServices.GetRequiredService<ProgrammeReader>().GetAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The page itself may still work (signing in needs no programme): show it without the event's name.
            http.RequestServices.GetRequiredService<ILogger<ProgrammeSnapshotCache>>()
                .LogWarning(e, "The layout could not read the programme for the event's name and look.");
            return null;
        }
    }
}
