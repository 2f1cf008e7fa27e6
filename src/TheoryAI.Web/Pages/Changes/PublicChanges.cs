using System.Globalization;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Changes;

/// <summary>A change attendees care about, with the address of what it concerns (null when that is gone).</summary>
public sealed record PublicChange(long Id, DateTime AtUtc, ChangeKind Kind, string Summary, string? Link);

/// <summary>The public changes since the programme was published, newest first (for /changes and /changes.atom).</summary>
public static class PublicChanges
{
    public static async Task<IReadOnlyList<PublicChange>> ListAsync(ConferenceDb db, ProgrammeSnapshot programme, CancellationToken cancellationToken)
    {
        var records = await db.Changes.AsNoTracking().Where(c => c.IsPublic).OrderByDescending(c => c.Id)
            .Select(c => new { c.Id, c.AtUtc, c.Kind, c.Summary, c.TalkNumber, c.SessionId })
            .ToListAsync(cancellationToken);
        return records.Select(c => new PublicChange(c.Id, DateTime.SpecifyKind(c.AtUtc, DateTimeKind.Utc), c.Kind, c.Summary, LinkOf(programme, c.TalkNumber, c.SessionId))).ToList();
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

/// <summary>Writes the public changes as an Atom 1.0 feed (RFC 4287); links are made absolute against <paramref name="siteUrl"/>.</summary>
public static class ChangesAtomWriter
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static string Write(string eventName, string siteUrl, IReadOnlyList<PublicChange> changes, DateTime publishedUtc)
    {
        var site = siteUrl.TrimEnd('/');
        var updated = changes.Count > 0 ? changes.Max(c => c.AtUtc) : publishedUtc;
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "title", $"{eventName}: programme changes"),
            new XElement(Atom + "id", $"{site}/changes"),
            new XElement(Atom + "updated", Iso(updated)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", $"{site}/changes.atom")),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", $"{site}/changes")),
            new XElement(Atom + "author", new XElement(Atom + "name", $"{eventName} organizers")),
            changes.Select(c => new XElement(Atom + "entry",
                new XElement(Atom + "title", $"{PublicChanges.KindLabel(c.Kind)}: {c.Summary}"),
                new XElement(Atom + "id", $"{site}/changes#change-{c.Id}"),
                new XElement(Atom + "updated", Iso(c.AtUtc)),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"),
                    new XAttribute("href", site + (c.Link ?? $"/changes#change-{c.Id}"))),
                new XElement(Atom + "summary", c.Summary))));
        return new XDeclaration("1.0", "utf-8", null) + Environment.NewLine + feed.ToString(SaveOptions.None);
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
