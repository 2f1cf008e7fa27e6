using Microsoft.AspNetCore.OutputCaching;
using TheoryAI.Web.Pages.Shared;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Venue;

[OutputCache(PolicyName = ProgrammeCache.Policy)]
public sealed class IndexModel(ProgrammeReader reader) : ProgrammePage(reader)
{
    /// <summary>Rooms in order of use: the most used (the main room) first, then unused rooms.</summary>
    public IReadOnlyList<(RoomInfo Room, IReadOnlyList<ProgrammeEntry> Uses)> Rooms { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var programme = await LoadProgrammeAsync();
        Rooms = VenueRooms.InOrderOfUse(programme);
    }
}

public static class VenueRooms
{
    /// <summary>Each room with its entries in time order; rooms ordered by how many entries they hold (the main room
    /// first), then by their first entry; rooms never used last, in the programme's own order.</summary>
    public static IReadOnlyList<(RoomInfo Room, IReadOnlyList<ProgrammeEntry> Uses)> InOrderOfUse(ProgrammeSnapshot programme)
    {
        var uses = programme.Entries.Where(e => e.Room is not null).ToLookup(e => e.Room!.Id);
        return programme.Rooms
            .Select((room, index) => (Room: room, Uses: (IReadOnlyList<ProgrammeEntry>)uses[room.Id].ToList(), Index: index))
            .OrderByDescending(r => r.Uses.Count)
            .ThenBy(r => r.Uses.Count == 0 ? DateTimeOffset.MaxValue : r.Uses[0].StartUtc)
            .ThenBy(r => r.Index)
            .Select(r => (r.Room, r.Uses))
            .ToList();
    }
}
