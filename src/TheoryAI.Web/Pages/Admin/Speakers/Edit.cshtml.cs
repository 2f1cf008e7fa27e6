using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Admin.Speakers;

public sealed record SpeakerInput : IStampedInput
{
    public Guid ConcurrencyStamp { get; init; }

    [Required(ErrorMessage = "Name: enter the speaker's name."), StringLength(200, ErrorMessage = "Name: at most 200 characters.")]
    public string Name { get; init; } = "";

    [StringLength(100, ErrorMessage = "Slug: at most 100 characters.")]
    public string? Slug { get; init; }

    [StringLength(200, ErrorMessage = "Affiliation: at most 200 characters.")]
    public string? Affiliation { get; init; }

    [Url(ErrorMessage = "Homepage: enter a full address starting with https://."), StringLength(500, ErrorMessage = "Homepage: at most 500 characters.")]
    public string? HomepageUrl { get; init; }

    [DataType(DataType.MultilineText), StringLength(4000, ErrorMessage = "Bio: at most 4,000 characters.")]
    public string? BioMarkdown { get; init; }

    /// <summary>The slug asked for, or the one made from the name.</summary>
    public string SlugOrFromName => string.IsNullOrWhiteSpace(Slug) ? Slugs.From(Name) : Slug.Trim();
}

/// <summary>Creates, edits and deletes a speaker. A speaker who still gives talks is not deleted: the page lists the talks.</summary>
public sealed class EditModel(ConferenceDb db) : EditorPage<SpeakerInput, Speaker>(db)
{
    public override string What => "speaker";
    protected override string ListPage => "/Admin/Speakers/Index";
    protected override string DeletedMessage => "This speaker was deleted by someone else while you were editing. Create the speaker again if needed.";

    /// <summary>A new photo (JPEG, PNG or WebP); it replaces the stored one.</summary>
    [BindProperty]
    public IFormFile? Photo { get; set; }

    [BindProperty]
    public bool RemovePhoto { get; set; }

    /// <summary>The stored photo's address, to show it on the form.</summary>
    public string? CurrentPhotoPath { get; private set; }

    private ProcessedPhoto? _photo;

    protected override async Task LoadChoicesAsync()
    {
        if (Id is int id)
        {
            CurrentPhotoPath = await Db.Speakers.AsNoTracking().Where(s => s.Id == id && s.Photo != null)
                .Select(s => "/speakers/" + s.Slug + "/photo?v=" + s.Photo!.Hash)
                .SingleOrDefaultAsync(Cancellation);
        }
    }

    protected override IEnumerable<RuleViolation?> CheckChoices()
    {
        if (Photo is not null)
        {
            var (photo, problem) = PhotoUpload.Process(Photo);
            _photo = photo;
            if (problem is not null)
            {
                ModelState.AddModelError(nameof(Photo), problem);
            }
        }
        return [];
    }

    protected override async Task<SpeakerInput?> LoadStoredAsync(int? id) => id is null ? new SpeakerInput()
        : await Db.Speakers.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SpeakerInput { ConcurrencyStamp = s.ConcurrencyStamp, Name = s.Name, Slug = s.Slug, Affiliation = s.Affiliation, HomepageUrl = s.HomepageUrl, BioMarkdown = s.BioMarkdown })
            .SingleOrDefaultAsync(Cancellation);

    protected override async Task<Speaker?> FindAsync(int? id) => id is null
        ? Db.Speakers.Add(new Speaker { Slug = "", Name = "" }).Entity
        : await Db.Speakers.SingleOrDefaultAsync(s => s.Id == id, Cancellation);

    protected override async Task<IEnumerable<RuleViolation?>> CheckAsync(int? id) =>
        [ProgrammeRules.CheckSpeakerSlug(Input.SlugOrFromName, await Db.Speakers.Where(s => id == null || s.Id != id).Select(s => s.Slug).ToListAsync(Cancellation))];

    protected override async Task ApplyAsync(Speaker item)
    {
        item.Slug = Input.SlugOrFromName;
        item.Name = Input.Name.Trim();
        item.Affiliation = string.IsNullOrWhiteSpace(Input.Affiliation) ? null : Input.Affiliation.Trim();
        item.HomepageUrl = string.IsNullOrWhiteSpace(Input.HomepageUrl) ? null : Input.HomepageUrl.Trim();
        item.BioMarkdown = string.IsNullOrWhiteSpace(Input.BioMarkdown) ? null : Input.BioMarkdown.Trim();
        var stored = item.Id == 0 ? null : await Db.SpeakerPhotos.SingleOrDefaultAsync(p => p.SpeakerId == item.Id, Cancellation);
        if (_photo is not null)
        {
            stored ??= Db.SpeakerPhotos.Add(new SpeakerPhoto { Speaker = item, Content = [], ContentType = "", Hash = "" }).Entity;
            stored.Content = _photo.Content;
            stored.ContentType = _photo.ContentType;
            stored.Width = _photo.Width;
            stored.Height = _photo.Height;
            stored.Hash = _photo.Hash;
        }
        else if (RemovePhoto && stored is not null)
        {
            Db.SpeakerPhotos.Remove(stored);
        }
    }

    protected override string SavedNotice(Speaker item) => $"Saved speaker {item.Name}.";

    protected override string DeletedNotice(Speaker item) => $"Deleted speaker {item.Name}.";

    protected override string RefusalToDelete(Speaker item, int uses) =>
        $"{item.Name} still gives {uses} talks, so the speaker was not deleted. Remove them from those talks first.";

    protected override async Task<IReadOnlyList<string>> UsesAsync(int id) =>
        await Db.TalkSpeakers.AsNoTracking().Where(ts => ts.SpeakerId == id)
            .OrderBy(ts => ts.Talk.Number)
            .Select(ts => "Talk " + ts.Talk.Number + ": " + ts.Talk.Session.Title)
            .ToListAsync(Cancellation);

    protected override IReadOnlyDictionary<string, string> Describe(SpeakerInput input) => new Dictionary<string, string>
    {
        ["Name"] = input.Name,
        ["Slug"] = input.Slug ?? "",
        ["Affiliation"] = input.Affiliation ?? "",
        ["Homepage"] = input.HomepageUrl ?? "",
        ["Bio"] = input.BioMarkdown ?? "",
    };
}
