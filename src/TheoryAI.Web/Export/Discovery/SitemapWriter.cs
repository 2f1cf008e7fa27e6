using System.Globalization;
using System.Xml;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Discovery;

/// <summary>sitemap.xml (sitemaps.org 0.9): every public page of the programme, as absolute addresses.</summary>
public static class SitemapWriter
{
    public const string MediaType = "application/xml";
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static IEnumerable<(string Path, DateTime? LastModifiedUtc)> Pages(ProgrammeSnapshot programme)
    {
        yield return ("", null);
        yield return ("programme", null);
        foreach (var day in programme.Days)
        {
            yield return ($"programme/{day.Slug}", null);
        }
        foreach (var talk in programme.Talks)
        {
            yield return ($"talks/{talk.Talk!.Number.ToString(CultureInfo.InvariantCulture)}", talk.LastModifiedUtc);
        }
        yield return ("speakers", null);
        foreach (var speaker in programme.Speakers)
        {
            yield return ($"speakers/{Uri.EscapeDataString(speaker.Slug)}", null);
        }
        yield return ("venue", null);
        yield return ("changes", null);
    }

    public static byte[] Write(ProgrammeSnapshot programme, Uri baseUrl)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Namespace);
            foreach (var (path, modified) in Pages(programme))
            {
                xml.WriteStartElement("url", Namespace);
                xml.WriteElementString("loc", Namespace, new Uri(baseUrl, path).AbsoluteUri);
                if (modified is DateTime utc && utc > DateTime.MinValue)
                {
                    xml.WriteElementString("lastmod", Namespace, utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return stream.ToArray();
    }

    /// <summary>robots.txt: everything public may be crawled; the admin and account pages and the per-person files
    /// (agenda selections, which multiply without end) may not.</summary>
    public static string Robots(Uri baseUrl)
    {
        var prefix = baseUrl.AbsolutePath.TrimEnd('/');
        return string.Join('\n',
            "User-agent: *",
            $"Disallow: {prefix}/admin",
            $"Disallow: {prefix}/account",
            $"Disallow: {prefix}/agenda",
            $"Disallow: {prefix}/search",
            $"Disallow: {prefix}/booklet.pdf?",
            "",
            $"Sitemap: {new Uri(baseUrl, "sitemap.xml").AbsoluteUri}",
            "");
    }
}
