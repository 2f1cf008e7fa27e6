using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Atom;

/// <summary>Writes the releases and their changes as an Atom 1.0 feed (RFC 4287); links are made absolute against the site's
/// public address. Text XML 1.0 cannot hold (control characters, lone surrogates) is replaced, never thrown on.</summary>
public sealed class ChangesFeedWriter
{
    public const string MediaType = "application/atom+xml";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public byte[] Write(string eventName, Uri siteUrl, TimeZoneInfo zone, IReadOnlyList<ReleaseSummary> releases)
    {
        var site = siteUrl.ToString().TrimEnd('/');
        var updated = releases.Count > 0 ? releases.Max(r => r.PublishedAtUtc) : DateTime.UnixEpoch;
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "title", Text($"{eventName}: programme changes")),
            new XElement(Atom + "id", $"{site}/changes"),
            new XElement(Atom + "updated", Iso(updated)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", $"{site}/changes.atom")),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", $"{site}/changes")),
            new XElement(Atom + "author", new XElement(Atom + "name", Text($"{eventName} organizers"))),
            releases.Select(r => new XElement(Atom + "entry",
                new XElement(Atom + "title", Text($"Version {r.Name}")),
                new XElement(Atom + "id", $"{site}/changes#release-{r.Number.ToString(CultureInfo.InvariantCulture)}"),
                new XElement(Atom + "updated", Iso(r.PublishedAtUtc)),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"),
                    new XAttribute("href", $"{site}/changes#release-{r.Number.ToString(CultureInfo.InvariantCulture)}")),
                new XElement(Atom + "summary", Text(Summary(r, zone))))));
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), feed).Save(xml);
        }
        return buffer.ToArray();
    }

    /// <summary>The note, then one line per change, in the words of /changes.</summary>
    private static string Summary(ReleaseSummary release, TimeZoneInfo zone)
    {
        var lines = new List<string>();
        if (release.Note is not null)
        {
            lines.Add(release.Note);
        }
        lines.AddRange(release.Number == 1 ? ["The first published programme."]
            : release.Changes.Count == 0 ? ["No change to the timetable."]
            : release.Changes.Select(c => c.Text));
        var published = EventClock.ToWallClock(new DateTimeOffset(release.PublishedAtUtc), zone);
        lines.Add($"Published {ProgrammeChanges.When(published)}, {ProgrammeChanges.ZoneWords(zone)}.");
        return string.Join("\n", lines);
    }

    /// <summary>XML 1.0 allows tab, line feed, carriage return and the ranges above U+0020 (no lone surrogates,
    /// U+FFFE or U+FFFF); a pasted vertical tab becomes a space.</summary>
    internal static string Text(string value)
    {
        if (value.All(c => XmlConvert.IsXmlChar(c)))
        {
            return value;
        }
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i]))
            {
                text.Append(value, i, 2);
                i++;
            }
            else
            {
                text.Append(XmlConvert.IsXmlChar(value[i]) ? value[i] : char.IsControl(value[i]) ? ' ' : '\uFFFD');
            }
        }
        return text.ToString();
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
