using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;
using TheoryAI.Web.Infrastructure;

namespace TheoryAI.Web.Pages.Admin.Talks;

public sealed record TalkInput : IStampedInput
{
    public Guid ConcurrencyStamp { get; init; }

    [Range(1, 99999, ErrorMessage = "Number: use a positive whole number.")]
    public int Number { get; init; }

    [Required(ErrorMessage = "Title: enter the talk's title.")]
    [StringLength(300, ErrorMessage = "Title: at most 300 characters.")]
    public string Title { get; init; } = "";

    public SessionKind Kind { get; init; } = SessionKind.Talk;

    [StringLength(100, ErrorMessage = "Type: at most 100 characters (e.g. Workshop Talk).")]
    public string? Type { get; init; }

    [StringLength(20000, ErrorMessage = "Abstract: at most 20,000 characters.")]
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

    [Url(ErrorMessage = "Recording: enter a full address starting with https://.")]
    [StringLength(500, ErrorMessage = "Recording: at most 500 characters.")]
    public string? RecordingUrl { get; init; }

    /// <summary>Deliberately let this block share its room with another at the same time (e.g. a social event).</summary>
    public bool AllowRoomOverlap { get; init; }

    // Read by validation too, so never throw on a missing part (the Required messages cover it).
    public DateTime Start => (Date ?? default).ToDateTime(StartTime ?? default);
    public DateTime End => (Date ?? default).ToDateTime(EndTime ?? default);
}

/// <summary>Creates, edits and deletes a numbered contribution and its timetable slot (addressed by the slot's id).</summary>
public sealed class EditModel(ConferenceDb db) : AdminPage
{
    public static readonly SessionKind[] TalkKinds = [SessionKind.Talk, SessionKind.Discussion, SessionKind.Remarks];

    [BindProperty]
    public TalkInput Input { get; set; } = new();

    private const string DeletedMessage = "This talk was deleted by someone else while you were editing it. Your version is below: copy what you need, or create it again as a new talk.";

    public int? Id { get; private set; }
    public IHtmlContent? Preview { get; private set; }
    public List<(int Id, string Label)> Rooms { get; private set; } = [];
    public List<(int Id, string Label)> Speakers { get; private set; } = [];
    public List<DateOnly> Days { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        Id = id;
        await LoadChoicesAsync();
        if (id is null)
        {
            var next = (await db.Talks.MaxAsync(t => (int?)t.Number, HttpContext.RequestAborted) ?? 0) + 1;
            Input = new TalkInput { Number = next, Date = Days.FirstOrDefault(), StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(9, 45) };
            return Page();
        }
        var stored = await LoadStoredAsync(id.Value);
        if (stored is null)
        {
            return NotFound();
        }
        Input = stored;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int? id) => SaveAsync(id, Input.ConcurrencyStamp);

    public Task<IActionResult> OnPostKeepMineAsync(int id) => SaveAsync(id, KeepMineStamp(Input.ConcurrencyStamp));

    public async Task<IActionResult> OnPostPreviewAsync(int? id)
    {
        Id = id;
        await LoadChoicesAsync();
        Preview = MarkdownRenderer.ToHtml(Input.AbstractMarkdown);
        return Page();
    }

    public async Task<IActionResult> OnGetDeleteAsync(int id)
    {
        Id = id;
        var stored = await LoadStoredAsync(id);
        if (stored is null)
        {
            return NotFound();
        }
        Input = stored;
        ConfirmingDelete = true;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        Id = id;
        var session = await db.Sessions.Include(s => s.Talk!).ThenInclude(t => t.Speakers)
            .SingleOrDefaultAsync(s => s.Id == id && s.Talk != null, HttpContext.RequestAborted);
        if (session is null)
        {
            Notice = "That talk had already been deleted.";
            return RedirectToPage("/Admin/Index");
        }
        var deleted = $"Deleted talk {session.Talk!.Number}, “{session.Title}”. Attendees see it as cancelled.";
        if (!await TryDeleteAsync(db, session, Input.ConcurrencyStamp, "Someone else changed this talk after you opened the confirmation, so it was not deleted. Check the current version below and confirm again."))
        {
            Input = (await LoadStoredAsync(id))!;
            return Page();
        }
        Notice = deleted;
        return RedirectToPage("/Admin/Index");
    }

    private async Task<IActionResult> SaveAsync(int? id, Guid expectedStamp)
    {
        Id = id;
        var cancellation = HttpContext.RequestAborted;
        await LoadChoicesAsync();
        if (!TalkKinds.Contains(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", "Kind: a numbered contribution is a talk, a discussion or remarks.");
        }
        if (Input.RoomId is int roomId && Rooms.All(r => r.Id != roomId))
        {
            ModelState.AddModelError("Input.RoomId", "Room: choose one of the listed rooms.");
        }
        if (Input.SpeakerIds.Any(s => Speakers.All(x => x.Id != s)))
        {
            ModelState.AddModelError("Input.SpeakerIds", "Speakers: choose speakers from the list (or add a new one below).");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Session? session = null;
        if (id is int existing)
        {
            session = await db.Sessions.Include(s => s.Talk!).ThenInclude(t => t.Speakers).ThenInclude(ts => ts.Speaker)
                .SingleOrDefaultAsync(s => s.Id == existing && s.Talk != null, cancellation);
            if (session is null)
            {
                return DeletedMeanwhilePage(DeletedMessage);
            }
        }

        var rules = await AdminQueries.RulesAsync(db, cancellation);
        var otherNumbers = await db.Talks.Where(t => id == null || t.SessionId != id).Select(t => t.Number).ToListAsync(cancellation);
        AddViolations(rules.Check(new ProposedBlock(id, Input.Title, Input.Start, Input.End, Input.RoomId, Input.SpeakerIds, Input.AllowRoomOverlap)));
        AddViolations([ProgrammeRules.CheckTalkNumber(Input.Number, otherNumbers)]);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (session is null)
        {
            session = new Session { Title = Input.Title, Talk = new Talk() };
            db.Sessions.Add(session);
        }
        var talk = session.Talk!;
        session.Title = Input.Title.Trim();
        session.Kind = Input.Kind;
        session.Start = Input.Start;
        session.End = Input.End;
        session.RoomId = Input.RoomId;
        talk.Number = Input.Number;
        talk.Type = Blank(Input.Type);
        talk.AbstractMarkdown = Blank(Input.AbstractMarkdown);
        talk.RecordingUrl = Blank(Input.RecordingUrl);
        await SetSpeakersAsync(talk, cancellation);

        // The slot's stamp versions the whole talk: every talk edit updates the slot, so the check always runs.
        if (await SaveEditAsync(db, session, expectedStamp, Input, () => LoadStoredAsync(id!.Value), Describe,
                "talk", Url.Page("/Admin/Talks/Edit", new { id })!, DeletedMessage) is { } notSaved)
        {
            return notSaved;
        }
        Notice = $"Saved talk {talk.Number}, “{session.Title}”.";
        return RedirectToPage("/Admin/Index", null, null, $"entry-{session.Id}");
    }

    private async Task SetSpeakersAsync(Talk talk, CancellationToken cancellation)
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
                link = new TalkSpeaker { SpeakerId = speakerId, Speaker = (await db.Speakers.FindAsync([speakerId], cancellation))! };
                talk.Speakers.Add(link);
            }
            link.Position = position++;
        }
        if (!string.IsNullOrWhiteSpace(Input.NewSpeakerName))
        {
            var slugs = await db.Speakers.Select(s => s.Slug).ToListAsync(cancellation);
            var baseSlug = ProgrammeRules.SlugFrom(Input.NewSpeakerName);
            var slug = baseSlug.Length == 0 ? "speaker" : baseSlug;
            for (var n = 2; slugs.Contains(slug, StringComparer.OrdinalIgnoreCase); n++)
            {
                slug = $"{baseSlug}-{n}";
            }
            var speaker = new Speaker { Slug = slug, Name = Input.NewSpeakerName.Trim(), Affiliation = Blank(Input.NewSpeakerAffiliation) };
            talk.Speakers.Add(new TalkSpeaker { Speaker = speaker, Position = position });
        }
    }

    private async Task<TalkInput?> LoadStoredAsync(int id) =>
        await db.Sessions.AsNoTracking().Where(s => s.Id == id && s.Talk != null)
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
                RecordingUrl = s.Talk.RecordingUrl,
            })
            .SingleOrDefaultAsync(HttpContext.RequestAborted);

    private Dictionary<string, string> Describe(TalkInput input) => new()
    {
        ["Number"] = input.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Title"] = input.Title,
        ["Kind"] = input.Kind.ToString(),
        ["Type"] = input.Type ?? "",
        ["Date"] = input.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["Start"] = input.StartTime?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["End"] = input.EndTime?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["Room"] = Rooms.FirstOrDefault(r => r.Id == input.RoomId).Label ?? "",
        ["Speakers"] = string.Join(", ", input.SpeakerIds.Select(s => Speakers.FirstOrDefault(x => x.Id == s).Label)),
        ["Recording"] = input.RecordingUrl ?? "",
        ["Abstract"] = input.AbstractMarkdown ?? "",
    };

    private async Task LoadChoicesAsync()
    {
        Rooms = await AdminQueries.RoomChoicesAsync(db, HttpContext.RequestAborted);
        Days = await AdminQueries.DaysAsync(db, HttpContext.RequestAborted);
        Speakers = (await db.Speakers.AsNoTracking().OrderBy(s => s.Name)
                .Select(s => new { s.Id, s.Name, s.Affiliation }).ToListAsync(HttpContext.RequestAborted))
            .Select(s => (s.Id, s.Affiliation == null ? s.Name : $"{s.Name} ({s.Affiliation})")).ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
