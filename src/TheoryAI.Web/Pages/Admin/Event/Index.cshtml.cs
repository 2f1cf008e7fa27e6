using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;
using TheoryAI.Web.Programme;

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

    /// <summary>#rrggbb; empty for the site's default. Checked against <see cref="AccentColour"/>'s contrast rule.</summary>
    public string? Accent { get; init; }

    [StringLength(140, ErrorMessage = "Tagline: at most 140 characters.")]
    public string? Tagline { get; init; }

    [StringLength(60, ErrorMessage = "Short name: at most 60 characters.")]
    public string? ShortName { get; init; }
}

/// <summary>The event's details. Its dates and time zone come with the days of the programme and are not edited here.</summary>
public sealed class IndexModel(ConferenceDb db) : EditorPage<EventInput, ConferenceEvent>(db)
{
    public string Dates { get; private set; } = "";
    public string TimeZoneId { get; private set; } = "";

    /// <summary>A new logo (SVG or PNG); it replaces the draft's.</summary>
    [BindProperty]
    public IFormFile? Logo { get; set; }

    [BindProperty]
    public bool RemoveLogo { get; set; }

    /// <summary>A new header image (JPEG, PNG or WebP); it replaces the draft's.</summary>
    [BindProperty]
    public IFormFile? HeaderImage { get; set; }

    [BindProperty]
    public bool RemoveHeaderImage { get; set; }

    /// <summary>The draft's images by hash (shown on the form through <see cref="OnGetImageAsync"/>), or null.</summary>
    public string? CurrentLogoHash { get; private set; }
    public string? CurrentHeaderImageHash { get; private set; }

    /// <summary>The draft's accent as stored (or the default), and the one dark mode derives from it, for the swatches.</summary>
    public string CurrentAccent { get; private set; } = AccentColour.Default;
    public string CurrentAccentOnDark => AccentColour.OnDark(CurrentAccent);

    private readonly Dictionary<EventImageKind, CheckedImage> _uploads = [];

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
        CurrentLogoHash = ev.LogoHash;
        CurrentHeaderImageHash = ev.HeaderImageHash;
        CurrentAccent = ev.Accent ?? AccentColour.Default;
    }

    /// <summary>A stored image of the event by hash, for the form's previews (the public addresses serve only the
    /// published ones). An SVG opened here can draw and do nothing else.</summary>
    public async Task<IActionResult> OnGetImageAsync(string hash)
    {
        var image = await Db.EventImages.AsNoTracking().Where(i => i.Hash == hash)
            .Select(i => new { i.Content, i.ContentType }).SingleOrDefaultAsync(Cancellation);
        if (image is null)
        {
            return NotFound();
        }
        if (image.ContentType == EventImageRules.Svg)
        {
            Response.Headers.ContentSecurityPolicy = Export.Look.LookEndpoints.SvgContentSecurityPolicy;
        }
        return File(image.Content, image.ContentType);
    }

    protected override IEnumerable<RuleViolation?> CheckChoices()
    {
        if (!string.IsNullOrWhiteSpace(Input.Accent) && AccentColour.Problem(Input.Accent) is { } problem)
        {
            yield return new RuleViolation(nameof(EventInput.Accent), $"Accent colour: {problem}.");
        }
        foreach (var (kind, file, field, label) in new[]
                 {
                     (EventImageKind.Logo, Logo, nameof(Logo), "Logo"),
                     (EventImageKind.HeaderImage, HeaderImage, nameof(HeaderImage), "Header image"),
                 })
        {
            if (file is null)
            {
                continue;
            }
            var max = EventImageRules.MaxBytes(kind);
            if (file.Length > max)
            {
                ModelState.AddModelError(field, $"{label}: the file is {file.Length / 1024.0 / 1024.0:0.0} MB; at most {max / 1024 / 1024} MB.");
                continue;
            }
            using var memory = new MemoryStream();
            using (var upload = file.OpenReadStream())
            {
                upload.CopyTo(memory);
            }
            var (image, refusal) = EventImageRules.Check(kind, memory.ToArray());
            if (refusal is not null)
            {
                ModelState.AddModelError(field, $"{label}: {refusal}.");
            }
            else
            {
                _uploads[kind] = image!;
            }
        }
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
            Accent = ev.Accent,
            Tagline = ev.Tagline,
            ShortName = ev.ShortName,
        }).SingleAsync(Cancellation);

    protected override async Task<ConferenceEvent?> FindAsync(int? id) => await Db.Events.SingleAsync(Cancellation);

    protected override async Task ApplyAsync(ConferenceEvent item)
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
        item.Accent = AccentColour.Normalise(Input.Accent);
        item.Tagline = Blank(Input.Tagline);
        item.ShortName = Blank(Input.ShortName);
        item.LogoHash = await ImageHashAsync(EventImageKind.Logo, item.LogoHash, RemoveLogo);
        item.HeaderImageHash = await ImageHashAsync(EventImageKind.HeaderImage, item.HeaderImageHash, RemoveHeaderImage);
    }

    /// <summary>The image the event refers to after this save: an upload (stored unless the store holds its bytes
    /// already), none when removed, else the one it had. Images are never deleted: releases refer to them by hash.</summary>
    private async Task<string?> ImageHashAsync(EventImageKind kind, string? current, bool remove)
    {
        if (_uploads.TryGetValue(kind, out var upload))
        {
            if (!await Db.EventImages.AnyAsync(i => i.Hash == upload.Hash, Cancellation)
                && Db.EventImages.Local.All(i => i.Hash != upload.Hash))
            {
                Db.EventImages.Add(new EventImage { Hash = upload.Hash, Content = upload.Content, ContentType = upload.MediaType });
            }
            return upload.Hash;
        }
        return remove ? null : current;
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
        ["Accent colour"] = input.Accent ?? "",
        ["Tagline"] = input.Tagline ?? "",
        ["Short name"] = input.ShortName ?? "",
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
