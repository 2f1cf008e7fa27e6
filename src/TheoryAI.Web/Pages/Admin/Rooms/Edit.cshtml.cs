using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;

namespace TheoryAI.Web.Pages.Admin.Rooms;

public sealed record RoomInput : IStampedInput
{
    public Guid ConcurrencyStamp { get; init; }

    [Required(ErrorMessage = "Code: enter the venue's room code (e.g. PI/4-400).")]
    [StringLength(40, ErrorMessage = "Code: at most 40 characters.")]
    public string Code { get; init; } = "";

    [Required(ErrorMessage = "Name: enter the room's name (e.g. Space Room).")]
    [StringLength(100, ErrorMessage = "Name: at most 100 characters.")]
    public string Name { get; init; } = "";

    [Range(1, 100000, ErrorMessage = "Capacity: a number of seats from 1 up, or leave it empty.")]
    public int? Capacity { get; init; }
}

/// <summary>Creates, edits and deletes a room. A room still used by blocks of the programme is not deleted: the page lists them.</summary>
public sealed class EditModel(ConferenceDb db) : AdminPage
{
    [BindProperty]
    public RoomInput Input { get; set; } = new();

    private const string DeletedMessage = "This room was deleted by someone else while you were editing it. Create it again as a new room if it should stay.";

    public int? Id { get; private set; }
    /// <summary>The blocks that keep the room from being deleted.</summary>
    public List<string> UsedBy { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        Id = id;
        if (id is null)
        {
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
        UsedBy = await UsesAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        Id = id;
        var room = await db.Rooms.SingleOrDefaultAsync(r => r.Id == id, HttpContext.RequestAborted);
        if (room is null)
        {
            Notice = "That room had already been deleted.";
            return RedirectToPage("/Admin/Rooms/Index");
        }
        UsedBy = await UsesAsync(id);
        if (UsedBy.Count > 0)
        {
            Input = (await LoadStoredAsync(id))!;
            ConfirmDeleteAgain($"Room {room.Code} is still used by {UsedBy.Count} blocks of the programme, so it was not deleted. Move them to another room first.");
            return Page();
        }
        if (!await TryDeleteAsync(db, room, Input.ConcurrencyStamp, "Someone else changed this room after you opened the confirmation, so it was not deleted. Check it below and confirm again."))
        {
            Input = (await LoadStoredAsync(id))!;
            return Page();
        }
        Notice = $"Deleted room {room.Code}.";
        return RedirectToPage("/Admin/Rooms/Index");
    }

    private async Task<IActionResult> SaveAsync(int? id, Guid expectedStamp)
    {
        Id = id;
        var cancellation = HttpContext.RequestAborted;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var otherCodes = await db.Rooms.Where(r => id == null || r.Id != id).Select(r => r.Code).ToListAsync(cancellation);
        AddViolations([ProgrammeRules.CheckRoomCode(Input.Code, otherCodes)]);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Room? room;
        if (id is int existing)
        {
            room = await db.Rooms.SingleOrDefaultAsync(r => r.Id == existing, cancellation);
            if (room is null)
            {
                return DeletedMeanwhilePage(DeletedMessage);
            }
        }
        else
        {
            room = new Room { Code = "", Name = "" };
            db.Rooms.Add(room);
        }
        room.Code = Input.Code.Trim();
        room.Name = Input.Name.Trim();
        room.Capacity = Input.Capacity;
        if (await SaveEditAsync(db, room, expectedStamp, Input, () => LoadStoredAsync(id!.Value), Describe,
                "room", Url.Page("/Admin/Rooms/Edit", new { id })!, DeletedMessage) is { } notSaved)
        {
            return notSaved;
        }
        Notice = $"Saved room {room.Code}.";
        return RedirectToPage("/Admin/Rooms/Index");
    }

    private async Task<List<string>> UsesAsync(int id) =>
        (await db.Sessions.AsNoTracking().Where(s => s.RoomId == id).OrderBy(s => s.Start)
            .Select(s => new { s.Title, s.Start, s.End }).ToListAsync(HttpContext.RequestAborted))
        .Select(s => $"{s.Start.ToString("ddd d MMM HH:mm", CultureInfo.GetCultureInfo("en-GB"))}–{s.End:HH:mm} {s.Title}").ToList();

    private async Task<RoomInput?> LoadStoredAsync(int id) =>
        await db.Rooms.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new RoomInput { ConcurrencyStamp = r.ConcurrencyStamp, Code = r.Code, Name = r.Name, Capacity = r.Capacity })
            .SingleOrDefaultAsync(HttpContext.RequestAborted);

    private static Dictionary<string, string> Describe(RoomInput input) => new()
    {
        ["Code"] = input.Code,
        ["Name"] = input.Name,
        ["Capacity"] = input.Capacity?.ToString(CultureInfo.InvariantCulture) ?? "",
    };
}
