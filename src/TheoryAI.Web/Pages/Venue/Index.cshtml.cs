using Microsoft.AspNetCore.OutputCaching;
using TheoryAI.Web.Pages.Shared;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Venue;

[OutputCache(PolicyName = ProgrammeCache.Policy)]
public sealed class IndexModel(ProgrammeReader reader) : ProgrammePage(reader)
{
    /// <summary>Rooms in the order the programme first uses them (the main room first), then unused rooms.</summary>
    public IReadOnlyList<(RoomInfo Room, IReadOnlyList<ProgrammeEntry> Uses)> Rooms { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var programme = await LoadProgrammeAsync();
        Rooms = VenueRooms.InOrderOfUse(programme);
    }
}

public static class VenueRooms
{
    /// <summary>Each room with its entries in time order; rooms ordered by their first entry, then by how much they
    /// are used, rooms never used last (in the programme's own order).</summary>
    public static IReadOnlyList<(RoomInfo Room, IReadOnlyList<ProgrammeEntry> Uses)> InOrderOfUse(ProgrammeSnapshot programme)
    {
        var uses = programme.Entries.Where(e => e.Room is not null).ToLookup(e => e.Room!.Id);
        return programme.Rooms
            .Select((room, index) => (Room: room, Uses: (IReadOnlyList<ProgrammeEntry>)uses[room.Id].ToList(), Index: index))
            .OrderBy(r => r.Uses.Count == 0)
            .ThenBy(r => r.Uses.Count == 0 ? DateTimeOffset.MaxValue : r.Uses[0].StartUtc)
            .ThenByDescending(r => r.Uses.Count)
            .ThenBy(r => r.Index)
            .Select(r => (r.Room, r.Uses))
            .ToList();
    }
}
