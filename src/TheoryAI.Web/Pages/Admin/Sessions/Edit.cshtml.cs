using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Admin.Sessions;

public sealed record SessionInput : IStampedInput
{
    public Guid ConcurrencyStamp { get; init; }

    public SessionKind Kind { get; init; } = SessionKind.Break;

    [Required(ErrorMessage = "Title: enter what happens (e.g. Coffee break)."), StringLength(300, ErrorMessage = "Title: at most 300 characters.")]
    public string Title { get; init; } = "";

    [Required(ErrorMessage = "Date: choose the day.")]
    public DateOnly? Date { get; init; }

    [Required(ErrorMessage = "Start: enter a time like 10:30.")]
    public TimeOnly? StartTime { get; init; }

    [Required(ErrorMessage = "End: enter a time like 11:00.")]
    public TimeOnly? EndTime { get; init; }

    public int? RoomId { get; init; }

    public bool AllowRoomOverlap { get; init; }

    /// <summary>Cancelled: stays in the programme labelled, and calendars are told; untick to restore.</summary>
    public bool Cancelled { get; init; }

    // Read by validation too, so never throw on a missing part (the Required messages cover it).
    public DateTime Start => (Date ?? default).ToDateTime(StartTime ?? default);
    public DateTime End => (Date ?? default).ToDateTime(EndTime ?? default);
}

/// <summary>Creates, edits and deletes the blocks of the timetable that are not numbered talks.</summary>
public sealed class EditModel(ConferenceDb db) : EditorPage<SessionInput, Session>(db)
{
    public static readonly SessionKind[] Kinds = Enum.GetValues<SessionKind>();

    public List<(int Id, string Label)> Rooms { get; private set; } = [];
    public List<DateOnly> Days { get; private set; } = [];

    public override string What => "session";
    protected override string DeletedMessage => "This session was deleted by someone else while you were editing it. Your version is below: create it again as a new session if it should stay.";

    protected override async Task LoadChoicesAsync()
    {
        Rooms = await AdminQueries.RoomChoicesAsync(Db, Cancellation);
        Days = await AdminQueries.DaysAsync(Db, Cancellation);
    }

    protected override async Task<IActionResult?> ElsewhereAsync(int id, string? handler) =>
        await Db.Talks.AnyAsync(t => t.SessionId == id, Cancellation) ? RedirectToPage("/Admin/Talks/Edit", handler, new { id }) : null;

    protected override async Task<SessionInput?> LoadStoredAsync(int? id) => id is null
        ? new SessionInput { Date = Days.FirstOrDefault(), StartTime = new TimeOnly(10, 30), EndTime = new TimeOnly(11, 0) }
        : await Db.Sessions.AsNoTracking().Where(s => s.Id == id && s.Talk == null)
            .Select(s => new SessionInput
            {
                ConcurrencyStamp = s.ConcurrencyStamp,
                Kind = s.Kind,
                Title = s.Title,
                Date = DateOnly.FromDateTime(s.Start),
                StartTime = TimeOnly.FromDateTime(s.Start),
                EndTime = TimeOnly.FromDateTime(s.End),
                RoomId = s.RoomId,
                AllowRoomOverlap = s.AllowRoomSharing,
                Cancelled = s.Cancelled,
            })
            .SingleOrDefaultAsync(Cancellation);

    protected override async Task<Session?> FindAsync(int? id) => id is null
        ? Db.Sessions.Add(new Session { Title = "" }).Entity
        : await Db.Sessions.SingleOrDefaultAsync(s => s.Id == id && s.Talk == null, Cancellation);

    protected override IEnumerable<RuleViolation?> CheckChoices() =>
    [
        Enum.IsDefined(Input.Kind) ? null : new("Kind", "Kind: choose one of the listed kinds."),
        AdminQueries.CheckRoomChoice(Input.RoomId, Rooms),
    ];

    protected override async Task<IEnumerable<RuleViolation?>> CheckAsync(int? id) =>
        (await AdminQueries.RulesAsync(Db, Cancellation)).Check(new ProposedBlock(id, Input.Title, Input.Start, Input.End, Input.RoomId, [], Input.AllowRoomOverlap))
            .Where(v => !(Input.Cancelled && v.IsClash));

    protected override Task ApplyAsync(Session item)
    {
        item.Kind = Input.Kind;
        item.Title = Input.Title.Trim();
        item.Start = Input.Start;
        item.End = Input.End;
        item.RoomId = Input.RoomId;
        item.AllowRoomSharing = Input.AllowRoomOverlap;
        item.Cancelled = Input.Cancelled;
        return Task.CompletedTask;
    }

    protected override string SavedNotice(Session item) => $"Saved “{item.Title}”.";

    protected override string? SavedFragment(Session item) => $"entry-{item.Id}";

    // What attendees have seen is cancelled, never deleted: calendars must be told.
    protected override async Task<IReadOnlyList<string>> UsesAsync(int id) =>
        await Releases.IsPublishedAsync(Db, id, Cancellation) ? ["the published programme (attendees and calendars hold it)"] : [];

    protected override string RefusalToDelete(Session item, int uses) =>
        "This session is in the published programme, so it cannot be deleted: tick “Cancelled” and save, then publish. Attendees see it labelled cancelled and calendars mark it.";

    protected override string DeletedNotice(Session item) => $"Deleted “{item.Title}”. It was never published, so attendees never saw it.";

    protected override IReadOnlyDictionary<string, string> Describe(SessionInput input) => new Dictionary<string, string>
    {
        ["Kind"] = input.Kind.ToString(),
        ["Title"] = input.Title,
        ["Date"] = input.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        ["Start"] = input.StartTime?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "",
        ["End"] = input.EndTime?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "",
        ["Room"] = Rooms.FirstOrDefault(r => r.Id == input.RoomId).Label ?? "",
        ["Cancelled"] = input.Cancelled ? "yes" : "no",
    };
}
