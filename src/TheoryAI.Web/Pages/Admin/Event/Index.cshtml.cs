using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;

namespace TheoryAI.Web.Pages.Admin.Event;

public sealed record EventInput : IStampedInput
{
    public Guid ConcurrencyStamp { get; init; }

    [Required(ErrorMessage = "Name: enter the event's name."), StringLength(200, ErrorMessage = "Name: at most 200 characters.")]
    public string Name { get; init; } = "";

    [Required(ErrorMessage = "Venue: enter where the event takes place."), StringLength(200, ErrorMessage = "Venue: at most 200 characters.")]
    public string Venue { get; init; } = "";

    [StringLength(300, ErrorMessage = "Address: at most 300 characters.")]
    public string? Address { get; init; }

    [StringLength(200, ErrorMessage = "Host: at most 200 characters.")]
    public string? Host { get; init; }

    [Url(ErrorMessage = "Website: enter a full address starting with https://."), StringLength(500, ErrorMessage = "Website: at most 500 characters.")]
    public string? Url { get; init; }

    [DataType(DataType.MultilineText), StringLength(20000, ErrorMessage = "Description: at most 20,000 characters.")]
    public string? DescriptionMarkdown { get; init; }

    [DataType(DataType.MultilineText), StringLength(5000, ErrorMessage = "Directions: at most 5,000 characters.")]
    public string? DirectionsMarkdown { get; init; }

    [StringLength(200, ErrorMessage = "Companion event: at most 200 characters.")]
    public string? CompanionName { get; init; }

    [Url(ErrorMessage = "Companion event's website: enter a full address starting with https://."), StringLength(500, ErrorMessage = "Companion event's website: at most 500 characters.")]
    public string? CompanionUrl { get; init; }
}

/// <summary>The event's details. Its dates and time zone come with the days of the programme and are not edited here.</summary>
public sealed class IndexModel(ConferenceDb db) : EditorPage<EventInput, ConferenceEvent>(db)
{
    public string Dates { get; private set; } = "";
    public string TimeZoneId { get; private set; } = "";

    public override string What => "event";
    // The event row always exists, so the "deleted meanwhile" message is never shown here.
    protected override string DeletedMessage => "The event's details are missing.";
    public override bool CanDelete => false;
    protected override IEnumerable<string> KeepUnmodified => [nameof(ConferenceEvent.ProgrammeVersion)];

    protected override async Task LoadChoicesAsync()
    {
        var ev = await Db.Events.AsNoTracking().SingleAsync(Cancellation);
        Dates = $"{ev.StartDate:yyyy-MM-dd} to {ev.EndDate:yyyy-MM-dd}";
        TimeZoneId = ev.TimeZoneId;
    }

    protected override async Task<EventInput?> LoadStoredAsync(int? id) =>
        await Db.Events.AsNoTracking().Select(ev => new EventInput
        {
            ConcurrencyStamp = ev.ConcurrencyStamp,
            Name = ev.Name,
            Venue = ev.Venue,
            Address = ev.Address,
            Host = ev.Host,
            Url = ev.Url,
            DescriptionMarkdown = ev.DescriptionMarkdown,
            DirectionsMarkdown = ev.DirectionsMarkdown,
            CompanionName = ev.CompanionName,
            CompanionUrl = ev.CompanionUrl,
        }).SingleAsync(Cancellation);

    protected override async Task<ConferenceEvent?> FindAsync(int? id) => await Db.Events.SingleAsync(Cancellation);

    protected override Task ApplyAsync(ConferenceEvent item)
    {
        item.Name = Input.Name.Trim();
        item.Venue = Input.Venue.Trim();
        item.Address = Blank(Input.Address);
        item.Host = Blank(Input.Host);
        item.Url = Blank(Input.Url);
        item.DescriptionMarkdown = Blank(Input.DescriptionMarkdown);
        item.DirectionsMarkdown = Blank(Input.DirectionsMarkdown);
        item.CompanionName = Blank(Input.CompanionName);
        item.CompanionUrl = Blank(Input.CompanionUrl);
        return Task.CompletedTask;
    }

    protected override string SavedNotice(ConferenceEvent item) => "Saved the event details.";

    protected override string DeletedNotice(ConferenceEvent item) => "";

    protected override IReadOnlyDictionary<string, string> Describe(EventInput input) => new Dictionary<string, string>
    {
        ["Name"] = input.Name,
        ["Venue"] = input.Venue,
        ["Address"] = input.Address ?? "",
        ["Host"] = input.Host ?? "",
        ["Website"] = input.Url ?? "",
        ["Description"] = input.DescriptionMarkdown ?? "",
        ["Directions"] = input.DirectionsMarkdown ?? "",
        ["Companion event"] = input.CompanionName ?? "",
        ["Companion website"] = input.CompanionUrl ?? "",
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
