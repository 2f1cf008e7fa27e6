using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PdfSharp.Drawing;

namespace TheoryAI.Web.Export.Booklet.Layout;

/// <summary>
/// Turns Markdown (through Markdig's syntax tree, parsed with the site's one pipeline) into booklet blocks: paragraphs,
/// emphasis, lists, quotes, code and links as rich text. Raw HTML never reaches the page: the pipeline escapes it.
/// </summary>
public sealed class MarkdownLayout(MarkdownPipeline pipeline, TextStyle body, XColor linkColor)
{
    private const double ListIndent = 16;

    public IReadOnlyList<Block> Layout(string? markdown, double indent = 0)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return [];
        }
        var document = Markdown.Parse(markdown, pipeline);
        var blocks = new List<Block>();
        foreach (var block in document)
        {
            AddBlock(blocks, block, indent, body);
        }
        return blocks;
    }

    private void AddBlock(List<Block> blocks, Markdig.Syntax.Block block, double indent, TextStyle style, Run? marker = null)
    {
        var spacing = body.Size * 0.55;
        switch (block)
        {
            case HeadingBlock heading:
                blocks.Add(new Paragraph(Inlines(heading.Inline, style.WithBold().WithSize(body.Size * (heading.Level <= 2 ? 1.15 : 1.0)), null))
                {
                    // Below the talk's title (H2) in the booklet's structure tree.
                    Tag = PdfSharp.UniversalAccessibility.PdfBlockLevelElementTag.Heading3,
                    Indent = indent,
                    SpaceBefore = spacing * 1.5,
                    SpaceAfter = spacing * 0.5,
                    KeepWithNext = true,
                    Marker = marker,
                });
                break;
            case Markdig.Extensions.Mathematics.MathBlock math:
                // Display maths as readable Unicode text on a line of its own (the booklet cannot typeset TeX).
                blocks.Add(new Paragraph([new Run(TheoryAI.Web.Programme.TexText.ToReadable(math.Lines.ToString()), style.WithItalic(), null)])
                { Indent = indent + ListIndent, SpaceAfter = spacing, Marker = marker });
                break;
            case ParagraphBlock paragraph:
                blocks.Add(new Paragraph(Inlines(paragraph.Inline, style, null)) { Indent = indent, SpaceAfter = spacing, Marker = marker });
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var itemMarker = new Run(list.IsOrdered ? $"{number++}." : "•", style);
                    var first = true;
                    foreach (var child in item)
                    {
                        AddBlock(blocks, child, indent + ListIndent, style, first ? itemMarker : null);
                        first = false;
                    }
                }
                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    AddBlock(blocks, child, indent + ListIndent, style.WithItalic(), marker);
                    marker = null;
                }
                break;
            case LeafBlock { Lines.Count: > 0 } code when block is CodeBlock:
                var text = string.Join("\n", code.Lines.Lines.Take(code.Lines.Count).Select(l => l.Slice.ToString()));
                blocks.Add(new Paragraph([new Run(text, style.WithSize(body.Size * 0.92))]) { Indent = indent + ListIndent, SpaceAfter = spacing, Marker = marker });
                break;
            case ThematicBreakBlock:
                blocks.Add(new Rule(XColors.LightGray) { SpaceBefore = spacing, SpaceAfter = spacing });
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AddBlock(blocks, child, indent, style, marker);
                    marker = null;
                }
                break;
        }
    }

    private List<Run> Inlines(ContainerInline? container, TextStyle style, Link? link)
    {
        var runs = new List<Run>();
        if (container is not null)
        {
            AddInlines(runs, container, style, link);
        }
        return runs;
    }

    private void AddInlines(List<Run> runs, ContainerInline container, TextStyle style, Link? link)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    runs.Add(new Run(literal.Content.ToString(), style, link));
                    break;
                case Markdig.Extensions.Mathematics.MathInline math:
                    runs.Add(new Run(TheoryAI.Web.Programme.TexText.ToReadable(math.Content.ToString()), style, link));
                    break;
                case CodeInline code:
                    runs.Add(new Run(code.Content, style, link));
                    break;
                case HtmlEntityInline entity:
                    runs.Add(new Run(entity.Transcoded.ToString(), style, link));
                    break;
                case HtmlInline html:
                    runs.Add(new Run(html.Tag, style, link));
                    break;
                case LineBreakInline lineBreak:
                    runs.Add(new Run(lineBreak.IsHard ? "\n" : " ", style, link));
                    break;
                case AutolinkInline autolink:
                    runs.Add(new Run(autolink.Url, style.WithColor(linkColor), LinkTo(autolink.Url, autolink.IsEmail)));
                    break;
                case LinkInline { IsImage: true } image:
                    AddInlines(runs, image, style.WithItalic(), link);
                    break;
                case LinkInline anchor:
                    var target = LinkTo(anchor.Url, false);
                    if (anchor.FirstChild is null)
                    {
                        runs.Add(new Run(anchor.Url ?? "", style.WithColor(linkColor), target));
                    }
                    else
                    {
                        AddInlines(runs, anchor, style.WithColor(linkColor), target ?? link);
                    }
                    break;
                case EmphasisInline emphasis:
                    var emphasised = emphasis.DelimiterChar is '*' or '_'
                        ? emphasis.DelimiterCount >= 2 ? style.WithBold() : style.WithItalic()
                        : style;
                    AddInlines(runs, emphasis, emphasised, link);
                    break;
                case ContainerInline nested:
                    AddInlines(runs, nested, style, link);
                    break;
            }
        }
    }

    /// <summary>Only absolute web and mail links become clickable; anything else (relative, script) stays plain text.</summary>
    private static WebLink? LinkTo(string? url, bool isEmail)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }
        if (isEmail)
        {
            return new WebLink("mailto:" + url);
        }
        return TheoryAI.Web.Programme.MarkdownRenderer.IsSafeDestination(url) && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto"
            ? new WebLink(uri.AbsoluteUri)
            : null;
    }
}
