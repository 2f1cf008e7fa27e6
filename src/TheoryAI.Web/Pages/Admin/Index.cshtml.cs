using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;

namespace TheoryAI.Web.Pages.Admin;

public sealed record AdminEntry(int SessionId, SessionKind Kind, string Title, DateTime Start, DateTime End, string? Room, int? TalkNumber)
{
    public string EditPage => TalkNumber is null ? "/Admin/Sessions/Edit" : "/Admin/Talks/Edit";
}

public sealed record AdminChange(DateTime AtUtc, string ChangedBy, ChangeKind Kind, bool IsPublic, string Summary);

/// <summary>The organizers' view of the programme: every block by day with its edit link, and the latest changes.</summary>
public sealed class IndexModel(ConferenceDb db, TheoryAI.Web.Programme.ProgrammeReader reader) : AdminPage
{
    public string EventName { get; private set; } = "";
    public IReadOnlyList<IGrouping<DateOnly, AdminEntry>> Days { get; private set; } = [];
    public IReadOnlyList<AdminChange> RecentChanges { get; private set; } = [];
    /// <summary>How many changes the draft holds that attendees do not see yet.</summary>
    public int UnpublishedCount { get; private set; }

    public async Task OnGetAsync()
    {
        var cancellation = HttpContext.RequestAborted;
        EventName = await db.Events.AsNoTracking().Select(e => e.Name).SingleAsync(cancellation);
        var entries = await db.Sessions.AsNoTracking()
            .OrderBy(s => s.Start).ThenBy(s => s.End)
            .Select(s => new AdminEntry(s.Id, s.Kind, s.Title, s.Start, s.End,
                s.Room == null ? null : s.Room.Code + " " + s.Room.Name, s.Talk == null ? null : s.Talk.Number))
            .ToListAsync(cancellation);
        Days = entries.GroupBy(e => DateOnly.FromDateTime(e.Start)).ToList();
        UnpublishedCount = TheoryAI.Web.Programme.ProgrammeChanges.Between(await reader.GetAsync(cancellation), await reader.GetDraftAsync(cancellation)).Count;
        RecentChanges = await db.Changes.AsNoTracking().OrderByDescending(c => c.Id).Take(30)
            .Select(c => new AdminChange(c.AtUtc, c.ChangedBy, c.Kind, c.IsPublic, c.Summary))
            .ToListAsync(cancellation);
    }
}
