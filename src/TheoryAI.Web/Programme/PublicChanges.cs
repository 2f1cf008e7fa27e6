using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;

namespace TheoryAI.Web.Programme;

/// <summary>A change attendees care about, with the address of what it concerns (null when that is gone).</summary>
public sealed record PublicChange(long Id, DateTime AtUtc, ChangeKind Kind, string Summary, string? Link)
{
    /// <summary>"Cancelled “Talk” (…)", or "New room: “Talk”: …" when the summary does not already say the kind.</summary>
    public string Title => Summary.StartsWith(PublicChanges.KindLabel(Kind) + " ", StringComparison.Ordinal)
        ? Summary
        : $"{PublicChanges.KindLabel(Kind)}: {Summary}";
}

/// <summary>One page of public changes, newest first; <see cref="HasMore"/> when older ones follow.</summary>
public sealed record PublicChangesPage(int Number, IReadOnlyList<PublicChange> Changes, bool HasMore);

/// <summary>The public changes since the programme was published, newest first (for /changes and /changes.atom).</summary>
public static class PublicChanges
{
    public const int PageSize = 50;

    /// <summary>Page <paramref name="number"/> (from 1) of the changes; a page past the end is empty.</summary>
    public static async Task<PublicChangesPage> PageAsync(ConferenceDb db, ProgrammeSnapshot programme, int number, CancellationToken cancellationToken)
    {
        var records = await db.Changes.AsNoTracking().Where(c => c.IsPublic).OrderByDescending(c => c.Id)
            .Skip((number - 1) * PageSize).Take(PageSize + 1)
            .Select(c => new { c.Id, c.AtUtc, c.Kind, c.Summary, c.TalkNumber, c.SessionId })
            .ToListAsync(cancellationToken);
        var changes = records.Take(PageSize)
            .Select(c => new PublicChange(c.Id, DateTime.SpecifyKind(c.AtUtc, DateTimeKind.Utc), c.Kind, c.Summary, LinkOf(programme, c.TalkNumber, c.SessionId)))
            .ToList();
        return new PublicChangesPage(number, changes, records.Count > PageSize);
    }

    private static string? LinkOf(ProgrammeSnapshot programme, int? talkNumber, int? sessionId)
    {
        if (talkNumber is int number && programme.FindTalk(number) is { } talk && talk.SessionId == sessionId)
        {
            return $"/talks/{number}";
        }
        return programme.Entries.FirstOrDefault(e => e.SessionId == sessionId) is { } entry
            ? $"/programme/{entry.Date:yyyy-MM-dd}#entry-{entry.SessionId}"
            : null;
    }

    public static string KindLabel(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "Added",
        ChangeKind.Cancelled => "Cancelled",
        ChangeKind.TimeChanged => "New time",
        ChangeKind.RoomChanged => "New room",
        ChangeKind.TitleChanged => "New title",
        _ => "Changed",
    };
}
