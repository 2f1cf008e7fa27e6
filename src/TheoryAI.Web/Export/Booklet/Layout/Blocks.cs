using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;

namespace TheoryAI.Web.Export.Booklet.Layout;

/// <summary>What a block knows while it lays itself out: the fonts and the size of a page's text area.</summary>
public sealed record LayoutContext(FontBook Fonts, double PageContentHeight);

/// <summary>
/// An unbreakable horizontal band of a block (a line of a paragraph, a whole table row). The flow breaks pages only
/// between slices, and never between a slice and the next one when <see cref="GlueToNext"/> is set.
/// </summary>
public sealed class Slice(double height, Action<DrawContext, double, double> draw)
{
    public double Height { get; } = height;
    public Action<DrawContext, double, double> Draw { get; set; } = draw;
    /// <summary>Space above the slice, dropped at the top of a page.</summary>
    public double SpaceBefore { get; set; }
    public bool GlueToNext { get; set; }
}

public enum TextAlign
{
    Left,
    Center,
    Right,
}

/// <summary>Something the flow places on pages: laid out into slices for a given width.</summary>
public abstract class Block
{
    public double SpaceBefore { get; init; }
    public double SpaceAfter { get; init; }
    /// <summary>Never end a page right after this block (headings).</summary>
    public bool KeepWithNext { get; init; }
    /// <summary>Never split this block across pages, if it fits on one.</summary>
    public bool KeepTogether { get; init; }
    /// <summary>Registers the page where the block starts under this name, for links and page references.</summary>
    public string? Anchor { get; init; }
    /// <summary>Called once with the page where the block starts (outline entries hang from it).</summary>
    public Action<FlowPage>? OnPlaced { get; init; }
    /// <summary>The block's element in the structure tree of the tagged PDF (a paragraph, a heading), if it is one.</summary>
    public virtual PdfBlockLevelElementTag? Tag { get; init; }

    protected abstract List<Slice> LayoutSlices(LayoutContext context, double width);

    public List<Slice> Layout(LayoutContext context, double width)
    {
        var slices = LayoutSlices(context, width);
        if (slices.Count == 0)
        {
            return slices;
        }
        slices[0].SpaceBefore += SpaceBefore;
        if (KeepTogether && slices.Sum(s => s.Height) <= context.PageContentHeight)
        {
            slices.Take(slices.Count - 1).ToList().ForEach(s => s.GlueToNext = true);
        }
        slices[^1].GlueToNext |= KeepWithNext;
        if (Tag is PdfBlockLevelElementTag tag)
        {
            // The element opens with the first slice and closes after the last, on whatever pages they land.
            var first = slices[0];
            var last = slices[^1];
            var drawFirst = first.Draw;
            first.Draw = (ctx, x, y) =>
            {
                ctx.Structure?.BeginElement(tag);
                drawFirst(ctx, x, y);
            };
            var drawLast = last.Draw;
            last.Draw = (ctx, x, y) =>
            {
                drawLast(ctx, x, y);
                ctx.Structure?.End();
            };
        }
        if (Anchor is not null || OnPlaced is not null)
        {
            var first = slices[0];
            var draw = first.Draw;
            first.Draw = (ctx, x, y) =>
            {
                if (Anchor is not null)
                {
                    ctx.RegisterAnchor(Anchor, y);
                }
                OnPlaced?.Invoke(ctx.Page);
                draw(ctx, x, y);
            };
        }
        return slices;
    }
}

/// <summary>A paragraph of styled runs, wrapped to the width, with an optional marker (bullet, number) in a hanging indent.</summary>
public sealed class Paragraph : Block
{
    public Paragraph(IEnumerable<Run> runs) => Runs = runs.ToList();

    public Paragraph(string text, TextStyle style) : this([new Run(text, style)])
    {
    }

    public IReadOnlyList<Run> Runs { get; }
    public override PdfBlockLevelElementTag? Tag { get; init; } = PdfBlockLevelElementTag.Paragraph;
    public double Indent { get; init; }
    public Run? Marker { get; init; }
    public double LineSpacing { get; init; } = 1.4;
    public TextAlign Align { get; init; }

    protected override List<Slice> LayoutSlices(LayoutContext context, double width)
    {
        if (Runs.All(r => r.Text.Length == 0))
        {
            return [];
        }
        var fonts = context.Fonts;
        var available = Math.Max(width - Indent, 1);
        var lines = LineBreaker.Break(Runs, fonts, available, LineSpacing);
        var slices = new List<Slice>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var marker = i == 0 ? Marker : null;
            slices.Add(new Slice(line.Height, (ctx, x, y) =>
            {
                var offset = Align switch
                {
                    TextAlign.Center => (available - line.Width) / 2,
                    TextAlign.Right => available - line.Width,
                    _ => 0,
                };
                ctx.DrawLine(line, x + Indent + offset, y);
                if (marker is not null)
                {
                    var markerWidth = fonts.Width(marker.Text, marker.Style);
                    ctx.DrawText(marker.Text, marker.Style, Math.Max(x, x + Indent - markerWidth - marker.Style.Size * 0.5), y + line.Baseline);
                }
            }));
        }
        // Keep at least two lines of a paragraph together at the bottom and at the top of a page.
        for (var i = 0; i < slices.Count - 1; i++)
        {
            slices[i].GlueToNext = slices.Count <= 3 || i == 0 || i == slices.Count - 2;
        }
        return slices;
    }
}

/// <summary>A thin horizontal line across the width.</summary>
public sealed class Rule(XColor color, double thickness = 0.5) : Block
{
    protected override List<Slice> LayoutSlices(LayoutContext context, double width) =>
    [
        new Slice(thickness, (ctx, x, y) => ctx.Artifact(() => ctx.Graphics.DrawLine(new XPen(color, thickness), x, y + thickness / 2, x + width, y + thickness / 2))),
    ];
}

/// <summary>A page number filled in when the document is complete: the page where <paramref name="anchor"/> landed.</summary>
public sealed class PageReference(string anchor, TextStyle style, string prefix = "") : Block
{
    public TextAlign Align { get; init; } = TextAlign.Right;

    protected override List<Slice> LayoutSlices(LayoutContext context, double width)
    {
        var line = LineBreaker.Break([new Run("0", style)], context.Fonts, width, 1.4)[0];
        return
        [
            new Slice(line.Height, (ctx, x, y) => ctx.Defer((gfx, pageOf) =>
            {
                if (pageOf(anchor) is not int page)
                {
                    return;
                }
                var text = prefix + page.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var textWidth = context.Fonts.Width(text, style);
                var left = Align == TextAlign.Right ? x + width - textWidth : x;
                ctx.DrawLink(new XRect(left, y, textWidth, line.Height), new AnchorLink(anchor), $"Page {text}",
                    () => context.Fonts.Draw(gfx, text, style, left, y + line.Baseline));
            })),
        ];
    }
}

/// <summary>One column of a <see cref="Row"/>: a fixed width (or 0 to take what is left) and the blocks in it.</summary>
public sealed record Cell(double Width, IReadOnlyList<Block> Content);

/// <summary>
/// Columns side by side, kept on one page (a timetable row). A row too tall for any page is stacked instead, so it
/// can break like ordinary text.
/// </summary>
public sealed class Row(IReadOnlyList<Cell> cells) : Block
{
    public double Gap { get; init; } = 10;
    public double Padding { get; init; } = 4;
    public XColor? Background { get; init; }
    public XColor? RuleBelow { get; init; }

    protected override List<Slice> LayoutSlices(LayoutContext context, double width)
    {
        var fixedWidth = cells.Sum(c => c.Width);
        var flexible = cells.Count(c => c.Width <= 0);
        var rest = Math.Max(width - fixedWidth - Gap * (cells.Count - 1), 1) / Math.Max(flexible, 1);
        var columns = new List<(double X, double Width, List<Slice> Slices)>();
        var x = 0.0;
        foreach (var cell in cells)
        {
            var cellWidth = cell.Width > 0 ? cell.Width : rest;
            var slices = cell.Content.SelectMany(b => b.Layout(context, cellWidth)).ToList();
            columns.Add((x, cellWidth, slices));
            x += cellWidth + Gap;
        }
        static double HeightOf(List<Slice> slices) => slices.Select((s, i) => (i == 0 ? 0 : s.SpaceBefore) + s.Height).Sum();
        var height = columns.Max(c => HeightOf(c.Slices)) + 2 * Padding;
        if (height > context.PageContentHeight)
        {
            return columns.SelectMany(c => c.Slices).ToList();
        }
        return
        [
            new Slice(height, (ctx, left, top) =>
            {
                if (Background is XColor background)
                {
                    ctx.Artifact(() => ctx.Graphics.DrawRectangle(new XSolidBrush(background), left, top, width, height));
                }
                // Each row is a table row of its own (rows of one table can land on different pages, with repeated heads).
                ctx.Structure?.BeginElement(PdfBlockLevelElementTag.Table);
                ctx.Structure?.BeginElement(PdfBlockLevelElementTag.TableRow);
                foreach (var column in columns)
                {
                    ctx.Structure?.BeginElement(PdfBlockLevelElementTag.TableDataCell);
                    var y = top + Padding;
                    for (var i = 0; i < column.Slices.Count; i++)
                    {
                        var slice = column.Slices[i];
                        y += i == 0 ? 0 : slice.SpaceBefore;
                        slice.Draw(ctx, left + column.X, y);
                        y += slice.Height;
                    }
                    ctx.Structure?.End();
                }
                ctx.Structure?.End();
                ctx.Structure?.End();
                if (RuleBelow is XColor rule)
                {
                    ctx.Artifact(() => ctx.Graphics.DrawLine(new XPen(rule, 0.5), left, top + height - 0.25, left + width, top + height - 0.25));
                }
            }),
        ];
    }
}

/// <summary>A band of fixed height drawn freely (the cover's title block, colour bars).</summary>
public sealed class Drawing(double height, Action<DrawContext, XRect> draw) : Block
{
    protected override List<Slice> LayoutSlices(LayoutContext context, double width) =>
        [new Slice(height, (ctx, x, y) => draw(ctx, new XRect(x, y, width, height)))];
}

/// <summary>Blocks laid out as one unit outside the flow (for free-form pages such as the cover).</summary>
public sealed class Stack
{
    private readonly List<Slice> _slices;

    public Stack(LayoutContext context, IEnumerable<Block> blocks, double width)
    {
        _slices = blocks.SelectMany(b => b.Layout(context, width)).ToList();
        Height = _slices.Select((s, i) => (i == 0 ? 0 : s.SpaceBefore) + s.Height).Sum();
    }

    public double Height { get; }

    public void Draw(DrawContext context, double x, double y)
    {
        for (var i = 0; i < _slices.Count; i++)
        {
            y += i == 0 ? 0 : _slices[i].SpaceBefore;
            _slices[i].Draw(context, x, y);
            y += _slices[i].Height;
        }
    }
}
