using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Admin.Rooms;

public sealed record RoomInput : IStampedInput
{
    public Guid ConcurrencyStamp { get; init; }

    [Required(ErrorMessage = "Code: enter the venue's room code (e.g. PI/4-400)."), StringLength(40, ErrorMessage = "Code: at most 40 characters.")]
    public string Code { get; init; } = "";

    [Required(ErrorMessage = "Name: enter the room's name (e.g. Space Room)."), StringLength(100, ErrorMessage = "Name: at most 100 characters.")]
    public string Name { get; init; } = "";

    [Range(1, 100000, ErrorMessage = "Capacity: a number of seats from 1 up, or leave it empty.")]
    public int? Capacity { get; init; }
}

/// <summary>Creates, edits and deletes a room. A room still used by blocks of the programme is not deleted: the page lists them.</summary>
public sealed class EditModel(ConferenceDb db) : EditorPage<RoomInput, Room>(db)
{
    public override string What => "room";
    protected override string ListPage => "/Admin/Rooms/Index";
    protected override string DeletedMessage => "This room was deleted by someone else while you were editing it. Create it again as a new room if it should stay.";

    protected override async Task<RoomInput?> LoadStoredAsync(int? id) => id is null ? new RoomInput()
        : await Db.Rooms.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new RoomInput { ConcurrencyStamp = r.ConcurrencyStamp, Code = r.Code, Name = r.Name, Capacity = r.Capacity })
            .SingleOrDefaultAsync(Cancellation);

    protected override async Task<Room?> FindAsync(int? id) => id is null
        ? Db.Rooms.Add(new Room { Code = "", Name = "" }).Entity
        : await Db.Rooms.SingleOrDefaultAsync(r => r.Id == id, Cancellation);

    protected override async Task<IEnumerable<RuleViolation?>> CheckAsync(int? id) =>
        [ProgrammeRules.CheckRoomCode(Input.Code, await Db.Rooms.Where(r => id == null || r.Id != id).Select(r => r.Code).ToListAsync(Cancellation))];

    protected override Task ApplyAsync(Room item)
    {
        item.Code = Input.Code.Trim();
        item.Name = Input.Name.Trim();
        item.Capacity = Input.Capacity;
        return Task.CompletedTask;
    }

    protected override string SavedNotice(Room item) => $"Saved room {item.Code}.";

    protected override string DeletedNotice(Room item) => $"Deleted room {item.Code}.";

    protected override string RefusalToDelete(Room item, int uses) =>
        $"Room {item.Code} is still used by {uses} blocks of the programme, so it was not deleted. Move them to another room first.";

    protected override async Task<IReadOnlyList<string>> UsesAsync(int id) =>
        (await Db.Sessions.AsNoTracking().Where(s => s.RoomId == id).OrderBy(s => s.Start)
            .Select(s => new { s.Title, s.Start, s.End }).ToListAsync(Cancellation))
        .Select(s => $"{s.Start.ToString("ddd d MMM HH:mm", CultureInfo.GetCultureInfo("en-GB"))}–{s.End:HH:mm} {s.Title}").ToList();

    protected override IReadOnlyDictionary<string, string> Describe(RoomInput input) => new Dictionary<string, string>
    {
        ["Code"] = input.Code,
        ["Name"] = input.Name,
        ["Capacity"] = input.Capacity?.ToString(CultureInfo.InvariantCulture) ?? "",
    };
}
