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

    /// <summary>The slug asked for, or the one made from the name.</summary>
    public string SlugOrFromName => string.IsNullOrWhiteSpace(Slug) ? ProgrammeRules.SlugFrom(Name) : Slug.Trim();
}

/// <summary>Creates, edits and deletes a speaker. A speaker who still gives talks is not deleted: the page lists the talks.</summary>
public sealed class EditModel(ConferenceDb db) : EditorPage<SpeakerInput, Speaker>(db)
{
    public override string What => "speaker";
    protected override string ListPage => "/Admin/Speakers/Index";
    protected override string DeletedMessage => "This speaker was deleted by someone else while you were editing. Create the speaker again if needed.";

    protected override async Task<SpeakerInput?> LoadStoredAsync(int? id) => id is null ? new SpeakerInput()
        : await Db.Speakers.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SpeakerInput { ConcurrencyStamp = s.ConcurrencyStamp, Name = s.Name, Slug = s.Slug, Affiliation = s.Affiliation, HomepageUrl = s.HomepageUrl })
            .SingleOrDefaultAsync(Cancellation);

    protected override async Task<Speaker?> FindAsync(int? id) => id is null
        ? Db.Speakers.Add(new Speaker { Slug = "", Name = "" }).Entity
        : await Db.Speakers.SingleOrDefaultAsync(s => s.Id == id, Cancellation);

    protected override async Task<IEnumerable<RuleViolation?>> CheckAsync(int? id) =>
        [ProgrammeRules.CheckSpeakerSlug(Input.SlugOrFromName, await Db.Speakers.Where(s => id == null || s.Id != id).Select(s => s.Slug).ToListAsync(Cancellation))];

    protected override Task ApplyAsync(Speaker item)
    {
        item.Slug = Input.SlugOrFromName;
        item.Name = Input.Name.Trim();
        item.Affiliation = string.IsNullOrWhiteSpace(Input.Affiliation) ? null : Input.Affiliation.Trim();
        item.HomepageUrl = string.IsNullOrWhiteSpace(Input.HomepageUrl) ? null : Input.HomepageUrl.Trim();
        return Task.CompletedTask;
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
    };
}
