using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using TheoryAI.Web.Export.Calendar;
using TheoryAI.Web.Pages.Shared;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Agenda;

/// <summary>
/// A personal agenda. The selection comes from the address (<c>talks=2,3,5</c> or repeated <c>talks=</c> from the
/// checkbox form) and is never stored on the server; the browser keeps its own copy (agenda.js).
/// </summary>
[OutputCache(PolicyName = ProgrammeCache.Policy)]
[ProgrammeQueryKeys(AgendaSelection.QueryKey, SinceKey)]
public sealed class IndexModel(ProgrammeReader reader) : ProgrammePage(reader)
{
    /// <summary>Why the selection in the address could not be read (the page answers 400).</summary>
    public string? Error { get; private set; }
    public AgendaSelection Selection { get; private set; } = AgendaSelection.Empty;
    public IReadOnlyList<AgendaItem> Items { get; private set; } = [];
    /// <summary>Chosen numbers the programme does not hold (a talk removed since the link was made).</summary>
    public IReadOnlyList<int> Missing { get; private set; } = [];

    public const string SinceKey = "since";

    /// <summary>The release the visitor last saw (<c>since=</c>), when it is an older one than the latest.</summary>
    public int? Since { get; private set; }
    /// <summary>The changes to the chosen talks between <see cref="Since"/> and the latest release.</summary>
    public IReadOnlyList<ProgrammeChange> ChangesSince { get; private set; } = [];

    public string ShareUrl => CalendarLinks.Absolute(HttpContext, $"/agenda?{Selection.ToQueryString()}");
    public string IcsUrl => CalendarLinks.Agenda(Selection);
    public string WebcalUrl => CalendarLinks.Webcal(HttpContext, CalendarLinks.Agenda(Selection));

    public async Task<IActionResult> OnGetAsync()
    {
        var programme = await LoadProgrammeAsync();
        var parsed = AgendaSelection.Parse(Request.Query[AgendaSelection.QueryKey]);
        if (!parsed.IsValid)
        {
            Error = parsed.Error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Selection = parsed.Selection;
        var (found, missing) = Selection.Resolve(programme);
        Missing = missing;
        Items = found.Select(entry => new AgendaItem(entry, entry.Cancelled ? [] :
                found.Where(other => other != entry && !other.Cancelled && other.StartUtc < entry.EndUtc && entry.StartUtc < other.EndUtc).ToList()))
            .ToList();
        // An unreadable or current since= is ignored: it only adds the list of changes.
        if (int.TryParse(Request.Query[SinceKey], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var since)
            && since >= 1 && since < programme.Version
            && await Reader.GetReleaseAsync(since, HttpContext.RequestAborted) is { } seen)
        {
            Since = since;
            ChangesSince = ProgrammeChanges.Between(seen, programme)
                .Where(c => c.TalkNumber is int number && Selection.Numbers.Contains(number))
                .ToList();
        }
        return Page();
    }

    /// <summary>This agenda's address without one talk (the "Remove" link; the plain page when none is left).</summary>
    public string WithoutUrl(ProgrammeEntry entry)
    {
        var left = AgendaSelection.Of(Selection.Numbers.Where(n => n != entry.Talk?.Number));
        return Url.Content(left.IsEmpty ? "~/agenda" : $"~/agenda?{left.ToQueryString()}");
    }

    public bool IsChosen(ProgrammeEntry entry) => entry.Talk is { } talk && Selection.Numbers.Contains(talk.Number);
}

/// <summary>A chosen talk and the chosen talks that overlap it in time.</summary>
public sealed record AgendaItem(ProgrammeEntry Entry, IReadOnlyList<ProgrammeEntry> ClashesWith);
