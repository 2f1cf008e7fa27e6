using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Atom;

/// <summary>Writes the public changes as an Atom 1.0 feed (RFC 4287); links are made absolute against the site's
/// public address. Text XML 1.0 cannot hold (control characters, lone surrogates) is replaced, never thrown on.</summary>
public sealed class ChangesFeedWriter
{
    public const string MediaType = "application/atom+xml";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public byte[] Write(string eventName, Uri siteUrl, IReadOnlyList<PublicChange> changes, DateTime publishedUtc)
    {
        var site = siteUrl.ToString().TrimEnd('/');
        var updated = changes.Count > 0 ? changes.Max(c => c.AtUtc) : publishedUtc;
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "title", Text($"{eventName}: programme changes")),
            new XElement(Atom + "id", $"{site}/changes"),
            new XElement(Atom + "updated", Iso(updated)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", $"{site}/changes.atom")),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", $"{site}/changes")),
            new XElement(Atom + "author", new XElement(Atom + "name", Text($"{eventName} organizers"))),
            changes.Select(c => new XElement(Atom + "entry",
                new XElement(Atom + "title", Text(c.Title)),
                new XElement(Atom + "id", $"{site}/changes#change-{c.Id}"),
                new XElement(Atom + "updated", Iso(c.AtUtc)),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"),
                    new XAttribute("href", site + (c.Link ?? $"/changes#change-{c.Id}"))),
                new XElement(Atom + "summary", Text(c.Summary)))));
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), feed).Save(xml);
        }
        return buffer.ToArray();
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
