using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;

namespace TheoryAI.Web.Pages.Admin.Event;

public sealed record EventInput : IStampedInput
{
    public Guid ConcurrencyStamp { get; init; }

    [Required(ErrorMessage = "Name: enter the event's name.")]
    [StringLength(200, ErrorMessage = "Name: at most 200 characters.")]
    public string Name { get; init; } = "";

    [Required(ErrorMessage = "Venue: enter where the event takes place.")]
    [StringLength(200, ErrorMessage = "Venue: at most 200 characters.")]
    public string Venue { get; init; } = "";

    [StringLength(300, ErrorMessage = "Address: at most 300 characters.")]
    public string? Address { get; init; }

    [StringLength(200, ErrorMessage = "Host: at most 200 characters.")]
    public string? Host { get; init; }

    [Url(ErrorMessage = "Website: enter a full address starting with https://.")]
    [StringLength(500, ErrorMessage = "Website: at most 500 characters.")]
    public string? Url { get; init; }

    [StringLength(20000, ErrorMessage = "Description: at most 20,000 characters.")]
    public string? DescriptionMarkdown { get; init; }

    [StringLength(200, ErrorMessage = "Companion event: at most 200 characters.")]
    public string? CompanionName { get; init; }

    [Url(ErrorMessage = "Companion event's website: enter a full address starting with https://.")]
    [StringLength(500, ErrorMessage = "Companion event's website: at most 500 characters.")]
    public string? CompanionUrl { get; init; }
}

/// <summary>The event's details. Its dates and time zone come with the days of the programme and are not edited here.</summary>
public sealed class IndexModel(ConferenceDb db) : AdminPage
{
    [BindProperty]
    public EventInput Input { get; set; } = new();

    public string Dates { get; private set; } = "";
    public string TimeZoneId { get; private set; } = "";

    public async Task OnGetAsync() => Input = await LoadStoredAsync();

    public Task<IActionResult> OnPostAsync() => SaveAsync(Input.ConcurrencyStamp);

    public Task<IActionResult> OnPostKeepMineAsync() => SaveAsync(KeepMineStamp(Input.ConcurrencyStamp));

    private async Task<IActionResult> SaveAsync(Guid expectedStamp)
    {
        var ev = await db.Events.SingleAsync(HttpContext.RequestAborted);
        Dates = $"{ev.StartDate:yyyy-MM-dd} to {ev.EndDate:yyyy-MM-dd}";
        TimeZoneId = ev.TimeZoneId;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        ev.Name = Input.Name.Trim();
        ev.Venue = Input.Venue.Trim();
        ev.Address = Blank(Input.Address);
        ev.Host = Blank(Input.Host);
        ev.Url = Blank(Input.Url);
        ev.DescriptionMarkdown = Blank(Input.DescriptionMarkdown);
        ev.CompanionName = Blank(Input.CompanionName);
        ev.CompanionUrl = Blank(Input.CompanionUrl);
        // The event row always exists, so the "deleted meanwhile" message is never shown here.
        if (await SaveEditAsync(db, ev, expectedStamp, Input, async () => (EventInput?)await LoadStoredAsync(), Describe,
                "event", "/admin/event", "The event's details are missing.", nameof(ev.ProgrammeVersion)) is { } notSaved)
        {
            return notSaved;
        }
        Notice = "Saved the event details.";
        return RedirectToPage("/Admin/Index");
    }

    private async Task<EventInput> LoadStoredAsync()
    {
        var ev = await db.Events.AsNoTracking().SingleAsync(HttpContext.RequestAborted);
        Dates = $"{ev.StartDate:yyyy-MM-dd} to {ev.EndDate:yyyy-MM-dd}";
        TimeZoneId = ev.TimeZoneId;
        return new EventInput
        {
            ConcurrencyStamp = ev.ConcurrencyStamp,
            Name = ev.Name,
            Venue = ev.Venue,
            Address = ev.Address,
            Host = ev.Host,
            Url = ev.Url,
            DescriptionMarkdown = ev.DescriptionMarkdown,
            CompanionName = ev.CompanionName,
            CompanionUrl = ev.CompanionUrl,
        };
    }

    private static Dictionary<string, string> Describe(EventInput input) => new()
    {
        ["Name"] = input.Name,
        ["Venue"] = input.Venue,
        ["Address"] = input.Address ?? "",
        ["Host"] = input.Host ?? "",
        ["Website"] = input.Url ?? "",
        ["Description"] = input.DescriptionMarkdown ?? "",
        ["Companion event"] = input.CompanionName ?? "",
        ["Companion website"] = input.CompanionUrl ?? "",
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
