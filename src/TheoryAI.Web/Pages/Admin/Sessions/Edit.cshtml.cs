using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;

namespace TheoryAI.Web.Pages.Admin.Sessions;

public sealed record SessionInput : IStampedInput
{
    public Guid ConcurrencyStamp { get; init; }

    public SessionKind Kind { get; init; } = SessionKind.Break;

    [Required(ErrorMessage = "Title: enter what happens (e.g. Coffee break).")]
    [StringLength(300, ErrorMessage = "Title: at most 300 characters.")]
    public string Title { get; init; } = "";

    [Required(ErrorMessage = "Date: choose the day.")]
    public DateOnly? Date { get; init; }

    [Required(ErrorMessage = "Start: enter a time like 10:30.")]
    public TimeOnly? StartTime { get; init; }

    [Required(ErrorMessage = "End: enter a time like 11:00.")]
    public TimeOnly? EndTime { get; init; }

    public int? RoomId { get; init; }

    public bool AllowRoomOverlap { get; init; }

    // Read by validation too, so never throw on a missing part (the Required messages cover it).
    public DateTime Start => (Date ?? default).ToDateTime(StartTime ?? default);
    public DateTime End => (Date ?? default).ToDateTime(EndTime ?? default);
}

/// <summary>Creates, edits and deletes the blocks of the timetable that are not numbered talks.</summary>
public sealed class EditModel(ConferenceDb db) : AdminPage
{
    public static readonly SessionKind[] Kinds = Enum.GetValues<SessionKind>();

    [BindProperty]
    public SessionInput Input { get; set; } = new();

    private const string DeletedMessage = "This session was deleted by someone else while you were editing it. Your version is below: create it again as a new session if it should stay.";

    public int? Id { get; private set; }
    public List<(int Id, string Label)> Rooms { get; private set; } = [];
    public List<DateOnly> Days { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        Id = id;
        await LoadChoicesAsync();
        if (id is null)
        {
            Input = new SessionInput { Date = Days.FirstOrDefault(), StartTime = new TimeOnly(10, 30), EndTime = new TimeOnly(11, 0) };
            return Page();
        }
        if (await IsTalkAsync(id.Value))
        {
            return RedirectToPage("/Admin/Talks/Edit", new { id });
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

    public async Task<IActionResult> OnGetDeleteAsync(int id)
    {
        Id = id;
        if (await IsTalkAsync(id))
        {
            return RedirectToPage("/Admin/Talks/Edit", "Delete", new { id });
        }
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
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == id && s.Talk == null, HttpContext.RequestAborted);
        if (session is null)
        {
            Notice = "That session had already been deleted.";
            return RedirectToPage("/Admin/Index");
        }
        if (!await TryDeleteAsync(db, session, Input.ConcurrencyStamp, "Someone else changed this session after you opened the confirmation, so it was not deleted. Check the current version below and confirm again."))
        {
            Input = (await LoadStoredAsync(id))!;
            return Page();
        }
        Notice = $"Deleted “{session.Title}”. Attendees see it as cancelled.";
        return RedirectToPage("/Admin/Index");
    }

    private async Task<IActionResult> SaveAsync(int? id, Guid expectedStamp)
    {
        Id = id;
        var cancellation = HttpContext.RequestAborted;
        await LoadChoicesAsync();
        if (!Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", "Kind: choose one of the listed kinds.");
        }
        if (Input.RoomId is int roomId && Rooms.All(r => r.Id != roomId))
        {
            ModelState.AddModelError("Input.RoomId", "Room: choose one of the listed rooms.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Session? session = null;
        if (id is int existing)
        {
            session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == existing && s.Talk == null, cancellation);
            if (session is null)
            {
                return DeletedMeanwhilePage(DeletedMessage);
            }
        }
        var rules = await AdminQueries.RulesAsync(db, cancellation);
        AddViolations(rules.Check(new ProposedBlock(id, Input.Title, Input.Start, Input.End, Input.RoomId, [], Input.AllowRoomOverlap)));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (session is null)
        {
            session = new Session { Title = Input.Title };
            db.Sessions.Add(session);
        }
        session.Kind = Input.Kind;
        session.Title = Input.Title.Trim();
        session.Start = Input.Start;
        session.End = Input.End;
        session.RoomId = Input.RoomId;
        if (await SaveEditAsync(db, session, expectedStamp, Input, () => LoadStoredAsync(id!.Value), Describe,
                "session", Url.Page("/Admin/Sessions/Edit", new { id })!, DeletedMessage) is { } notSaved)
        {
            return notSaved;
        }
        Notice = $"Saved “{session.Title}”.";
        return RedirectToPage("/Admin/Index", null, null, $"entry-{session.Id}");
    }

    private Task<bool> IsTalkAsync(int id) => db.Talks.AnyAsync(t => t.SessionId == id, HttpContext.RequestAborted);

    private async Task<SessionInput?> LoadStoredAsync(int id) =>
        await db.Sessions.AsNoTracking().Where(s => s.Id == id && s.Talk == null)
            .Select(s => new SessionInput
            {
                ConcurrencyStamp = s.ConcurrencyStamp,
                Kind = s.Kind,
                Title = s.Title,
                Date = DateOnly.FromDateTime(s.Start),
                StartTime = TimeOnly.FromDateTime(s.Start),
                EndTime = TimeOnly.FromDateTime(s.End),
                RoomId = s.RoomId,
            })
            .SingleOrDefaultAsync(HttpContext.RequestAborted);

    private Dictionary<string, string> Describe(SessionInput input) => new()
    {
        ["Kind"] = input.Kind.ToString(),
        ["Title"] = input.Title,
        ["Date"] = input.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        ["Start"] = input.StartTime?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "",
        ["End"] = input.EndTime?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "",
        ["Room"] = Rooms.FirstOrDefault(r => r.Id == input.RoomId).Label ?? "",
    };

    private async Task LoadChoicesAsync()
    {
        Rooms = await AdminQueries.RoomChoicesAsync(db, HttpContext.RequestAborted);
        Days = await AdminQueries.DaysAsync(db, HttpContext.RequestAborted);
    }
}
