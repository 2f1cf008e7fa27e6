using System.Net;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace TheoryAI.Web.Programme;

/// <summary>The one Markdown pipeline of the site. Raw HTML in Markdown is escaped, never passed through; links and
/// images keep only http, https, mailto and relative destinations; headings sit below the page's own; maths in $...$ and
/// $$...$$ is kept as TeX source in span.math and div.math, which wwwroot/js/maths.js typesets with KaTeX.</summary>
public static class MarkdownRenderer
{
    /// <summary>The highest heading an abstract may hold: the page has its h1 and h2 sections.</summary>
    public const int TopHeadingLevel = 3;

    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .UseMathematics()
        .DisableHtml()
        .Build();

    public static IHtmlContent ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + TopHeadingLevel - 1);
        }
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafeDestination(l.Url)).ToList())
        {
            Unwrap(link);
        }
        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !l.IsEmail && !IsSafeDestination(l.Url)).ToList())
        {
            link.ReplaceBy(new LiteralInline(link.Url));
        }
        return new HtmlString(document.ToHtml(Pipeline));
    }

    /// <summary>Whether the Markdown holds maths ($...$ or $$...$$): the page then loads KaTeX.</summary>
    public static bool HasMaths(params string?[] markdown) =>
        markdown.Any(m => !string.IsNullOrWhiteSpace(m) && m.Contains('$', StringComparison.Ordinal)
            && Markdown.Parse(m, Pipeline).Descendants().Any(n => n is Markdig.Extensions.Mathematics.MathInline or Markdig.Extensions.Mathematics.MathBlock));

    /// <summary>Plain text for calendars and other text-only outputs.</summary>
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown, Pipeline).Trim();

    /// <summary>Whether a link or image destination may be followed: http, https, mailto or a relative address.
    /// Anything else (javascript:, vbscript:, data:, ...), in any case, with whitespace, control characters or
    /// character references hiding the scheme, is not.</summary>
    public static bool IsSafeDestination(string? url)
    {
        if (url is null)
        {
            return true;
        }
        var decoded = url;
        for (var i = 0; i < 3 && decoded.Contains('&', StringComparison.Ordinal); i++)
        {
            decoded = WebUtility.HtmlDecode(decoded);
        }
        var cleaned = new string(decoded.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var end = cleaned.IndexOfAny(['/', '?', '#']);
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || (end >= 0 && end < colon))
        {
            return true; // relative: no scheme before the path
        }
        var scheme = cleaned[..colon];
        return scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Replaces a link by its text, an image by its alternative text.</summary>
    private static void Unwrap(LinkInline link)
    {
        var children = link.ToList();
        foreach (var child in children)
        {
            child.Remove();
        }
        Inline anchor = link;
        foreach (var child in children)
        {
            anchor.InsertAfter(child);
            anchor = child;
        }
        link.Remove();
    }
}
