using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;
using TheoryAI.Web.Export.Booklet;
using TheoryAI.Web.Infrastructure;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Admin.Talks;

public sealed record TalkInput : IStampedInput
{
    public Guid ConcurrencyStamp { get; init; }

    [Range(1, 99999, ErrorMessage = "Number: use a positive whole number.")]
    public int Number { get; init; }

    [Required(ErrorMessage = "Title: enter the talk's title."), StringLength(300, ErrorMessage = "Title: at most 300 characters.")]
    public string Title { get; init; } = "";

    public SessionKind Kind { get; init; } = SessionKind.Talk;

    [StringLength(100, ErrorMessage = "Type: at most 100 characters (e.g. Workshop Talk).")]
    public string? Type { get; init; }

    [DataType(DataType.MultilineText), StringLength(20000, ErrorMessage = "Abstract: at most 20,000 characters.")]
    public string? AbstractMarkdown { get; init; }

    public List<int> SpeakerIds { get; init; } = [];

    [StringLength(200, ErrorMessage = "New speaker: a name of at most 200 characters.")]
    public string? NewSpeakerName { get; init; }

    [StringLength(200, ErrorMessage = "New speaker's affiliation: at most 200 characters.")]
    public string? NewSpeakerAffiliation { get; init; }

    [Required(ErrorMessage = "Date: choose the day.")]
    public DateOnly? Date { get; init; }

    [Required(ErrorMessage = "Start: enter a time like 09:45.")]
    public TimeOnly? StartTime { get; init; }

    [Required(ErrorMessage = "End: enter a time like 10:30.")]
    public TimeOnly? EndTime { get; init; }

    public int? RoomId { get; init; }

    [Url(ErrorMessage = "Recording: enter a full address starting with https://."), StringLength(500, ErrorMessage = "Recording: at most 500 characters.")]
    public string? RecordingUrl { get; init; }

    /// <summary>Deliberately let this block share its room with another at the same time (e.g. a social event).</summary>
    public bool AllowRoomOverlap { get; init; }

    /// <summary>Cancelled: stays in the programme labelled, and calendars are told; untick to restore.</summary>
    public bool Cancelled { get; init; }

    // Read by validation too, so never throw on a missing part (the Required messages cover it).
    public DateTime Start => (Date ?? default).ToDateTime(StartTime ?? default);
    public DateTime End => (Date ?? default).ToDateTime(EndTime ?? default);
}

/// <summary>Creates, edits and deletes a numbered contribution and its timetable slot (addressed by the slot's id).</summary>
public sealed class EditModel(ConferenceDb db) : EditorPage<TalkInput, Session>(db)
{
    public static readonly SessionKind[] TalkKinds = [SessionKind.Talk, SessionKind.Discussion, SessionKind.Remarks];

    public IHtmlContent? Preview { get; private set; }
    public List<(int Id, string Label)> Rooms { get; private set; } = [];
    public List<(int Id, string Label)> Speakers { get; private set; } = [];
    public List<DateOnly> Days { get; private set; } = [];

    public override string What => "talk";
    public override bool OffersPreview => true;
    protected override string DeletedMessage => "This talk was deleted by someone else while you were editing it. Your version is below: copy what you need, or create it again as a new talk.";

    public async Task<IActionResult> OnPostPreviewAsync(int? id)
    {
        Id = id;
        await LoadChoicesAsync();
        Preview = MarkdownRenderer.ToHtml(Input.AbstractMarkdown);
        return Page();
    }

    protected override async Task LoadChoicesAsync()
    {
        Rooms = await AdminQueries.RoomChoicesAsync(Db, Cancellation);
        Days = await AdminQueries.DaysAsync(Db, Cancellation);
        Speakers = (await Db.Speakers.AsNoTracking().OrderBy(s => s.Name)
                .Select(s => new { s.Id, s.Name, s.Affiliation }).ToListAsync(Cancellation))
            .Select(s => (s.Id, s.Affiliation == null ? s.Name : $"{s.Name} ({s.Affiliation})")).ToList();
    }

    protected override async Task<TalkInput?> LoadStoredAsync(int? id) => id is null
        ? new TalkInput
        {
            Number = (await Db.Talks.MaxAsync(t => (int?)t.Number, Cancellation) ?? 0) + 1,
            Date = Days.FirstOrDefault(),
            StartTime = new TimeOnly(9, 0),
            EndTime = new TimeOnly(9, 45),
        }
        : await Db.Sessions.AsNoTracking().Where(s => s.Id == id && s.Talk != null)
            .Select(s => new TalkInput
            {
                ConcurrencyStamp = s.ConcurrencyStamp,
                Number = s.Talk!.Number,
                Title = s.Title,
                Kind = s.Kind,
                Type = s.Talk.Type,
                AbstractMarkdown = s.Talk.AbstractMarkdown,
                SpeakerIds = s.Talk.Speakers.OrderBy(x => x.Position).Select(x => x.SpeakerId).ToList(),
                Date = DateOnly.FromDateTime(s.Start),
                StartTime = TimeOnly.FromDateTime(s.Start),
                EndTime = TimeOnly.FromDateTime(s.End),
                RoomId = s.RoomId,
                AllowRoomOverlap = s.AllowRoomSharing,
                Cancelled = s.Cancelled,
                RecordingUrl = s.Talk.RecordingUrl,
            })
            .SingleOrDefaultAsync(Cancellation);

    // The slot's stamp versions the whole talk: every talk edit updates the slot, so the check always runs.
    protected override async Task<Session?> FindAsync(int? id) => id is null
        ? Db.Sessions.Add(new Session { Title = "", Talk = new Talk() }).Entity
        : await Db.Sessions.Include(s => s.Talk!).ThenInclude(t => t.Speakers).ThenInclude(ts => ts.Speaker)
            .SingleOrDefaultAsync(s => s.Id == id && s.Talk != null, Cancellation);

    protected override IEnumerable<RuleViolation?> CheckChoices() =>
    [
        TalkKinds.Contains(Input.Kind) ? null : new("Kind", "Kind: a numbered contribution is a talk, a discussion or remarks."),
        AdminQueries.CheckRoomChoice(Input.RoomId, Rooms),
        Input.SpeakerIds.All(s => Speakers.Any(x => x.Id == s)) ? null : new("SpeakerIds", "Speakers: choose speakers from the list (or add a new one below)."),
    ];

    protected override async Task<IEnumerable<RuleViolation?>> CheckAsync(int? id)
    {
        var rules = await AdminQueries.RulesAsync(Db, Cancellation);
        var otherNumbers = await Db.Talks.Where(t => id == null || t.SessionId != id).Select(t => t.Number).ToListAsync(Cancellation);
        return [.. rules.Check(new ProposedBlock(id, Input.Title, Input.Start, Input.End, Input.RoomId, Input.SpeakerIds, Input.AllowRoomOverlap))
                .Where(v => !(Input.Cancelled && v.IsClash)),
            ProgrammeRules.CheckTalkNumber(Input.Number, otherNumbers)];
    }

    protected override async Task ApplyAsync(Session item)
    {
        var talk = item.Talk!;
        item.Title = Input.Title.Trim();
        item.Kind = Input.Kind;
        item.Start = Input.Start;
        item.End = Input.End;
        item.RoomId = Input.RoomId;
        item.AllowRoomSharing = Input.AllowRoomOverlap;
        item.Cancelled = Input.Cancelled;
        talk.Number = Input.Number;
        talk.Type = Blank(Input.Type);
        talk.AbstractMarkdown = Blank(Input.AbstractMarkdown);
        talk.RecordingUrl = Blank(Input.RecordingUrl);
        await SetSpeakersAsync(talk);
    }

    protected override string SavedNotice(Session item)
    {
        var saved = $"Saved talk {item.Talk!.Number}, “{item.Title}”.";
        // The booklet's fonts print every character the site shows but a few (CJK, emoji): say which, never drop them silently.
        var missing = BookletFonts.MissingCharacters($"{item.Title} {item.Talk.AbstractMarkdown}");
        return missing.Count == 0
            ? saved
            : $"{saved} Warning: the printed booklet has no font for {string.Join(" ", missing.Select(c => $"“{c}” (U+{char.ConvertToUtf32(c, 0):X4})"))} in talk {item.Talk.Number}; it shows on the site but prints as a blank box.";
    }

    protected override string? SavedFragment(Session item) => $"entry-{item.Id}";

    // What attendees have seen is cancelled, never deleted: calendars must be told.
    protected override async Task<IReadOnlyList<string>> UsesAsync(int id) =>
        await Releases.IsPublishedAsync(Db, id, Cancellation) ? ["the published programme (attendees and calendars hold it)"] : [];

    protected override string RefusalToDelete(Session item, int uses) =>
        "This talk is in the published programme, so it cannot be deleted: tick “Cancelled” and save, then publish. Attendees see it labelled cancelled and calendars mark it.";

    protected override string DeletedNotice(Session item) => $"Deleted talk {item.Talk!.Number}, “{item.Title}”. It was never published, so attendees never saw it.";

    private async Task SetSpeakersAsync(Talk talk)
    {
        var wanted = Input.SpeakerIds.Distinct().ToList();
        foreach (var link in talk.Speakers.Where(l => !wanted.Contains(l.SpeakerId)).ToList())
        {
            talk.Speakers.Remove(link);
        }
        var position = 0;
        foreach (var speakerId in wanted)
        {
            var link = talk.Speakers.FirstOrDefault(l => l.SpeakerId == speakerId);
            if (link is null)
            {
                link = new TalkSpeaker { SpeakerId = speakerId, Speaker = (await Db.Speakers.FindAsync([speakerId], Cancellation))! };
                talk.Speakers.Add(link);
            }
            link.Position = position++;
        }
        if (!string.IsNullOrWhiteSpace(Input.NewSpeakerName))
        {
            var slugs = await Db.Speakers.Select(s => s.Slug).ToListAsync(Cancellation);
            var baseSlug = Slugs.From(Input.NewSpeakerName);
            var slug = baseSlug.Length == 0 ? "speaker" : baseSlug;
            for (var n = 2; slugs.Contains(slug, StringComparer.OrdinalIgnoreCase); n++)
            {
                slug = $"{baseSlug}-{n}";
            }
            var speaker = new Speaker { Slug = slug, Name = Input.NewSpeakerName.Trim(), Affiliation = Blank(Input.NewSpeakerAffiliation) };
            talk.Speakers.Add(new TalkSpeaker { Speaker = speaker, Position = position });
        }
    }

    protected override IReadOnlyDictionary<string, string> Describe(TalkInput input) => new Dictionary<string, string>
    {
        ["Number"] = input.Number.ToString(CultureInfo.InvariantCulture),
        ["Title"] = input.Title,
        ["Kind"] = input.Kind.ToString(),
        ["Type"] = input.Type ?? "",
        ["Date"] = input.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        ["Start"] = input.StartTime?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "",
        ["End"] = input.EndTime?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "",
        ["Room"] = Rooms.FirstOrDefault(r => r.Id == input.RoomId).Label ?? "",
        ["Speakers"] = string.Join(", ", input.SpeakerIds.Select(s => Speakers.FirstOrDefault(x => x.Id == s).Label)),
        ["Recording"] = input.RecordingUrl ?? "",
        ["Abstract"] = input.AbstractMarkdown ?? "",
        ["Cancelled"] = input.Cancelled ? "yes" : "no",
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
