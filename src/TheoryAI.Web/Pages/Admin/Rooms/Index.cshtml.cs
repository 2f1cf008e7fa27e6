using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;

namespace TheoryAI.Web.Pages.Admin.Rooms;

public sealed record RoomRow(int Id, string Code, string Name, int? Capacity, int Uses);

public sealed class IndexModel(ConferenceDb db) : AdminPage
{
    public IReadOnlyList<RoomRow> Rooms { get; private set; } = [];

    public async Task OnGetAsync() =>
        Rooms = await db.Rooms.AsNoTracking().OrderBy(r => r.Code)
            .Select(r => new RoomRow(r.Id, r.Code, r.Name, r.Capacity, db.Sessions.Count(s => s.RoomId == r.Id)))
            .ToListAsync(HttpContext.RequestAborted);
}
