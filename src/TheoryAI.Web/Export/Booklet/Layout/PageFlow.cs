using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.UniversalAccessibility;

namespace TheoryAI.Web.Export.Booklet.Layout;

/// <summary>The page of every anchor and the number of pages of a finished flow.</summary>
public sealed record Pagination(IReadOnlyDictionary<string, int> Pages, int PageCount);

/// <summary>A page's size and the margins of its text area, in points.</summary>
public sealed record PageGeometry(double Width, double Height, double Left, double Right, double Top, double Bottom)
{
    public XRect Content => new(Left, Top, Width - Left - Right, Height - Top - Bottom);
}

/// <summary>A page of the flow, with what is drawn on it once the whole document is known.</summary>
public sealed class FlowPage(PdfPage page, int number)
{
    public PdfPage Page { get; } = page;
    /// <summary>1-based page number.</summary>
    public int Number { get; } = number;
    /// <summary>The running head printed on this page (the section it belongs to).</summary>
    public string? RunningHead { get; set; }
    /// <summary>False for pages such as the cover, which carry no running head or folio.</summary>
    public bool Decorated { get; set; } = true;
    internal List<(XRect Area, Link Link, string Description)> Links { get; } = [];
    internal int LinkCount { get; set; }
    internal List<Action<XGraphics, Func<string, int?>>> Deferred { get; } = [];
}

/// <summary>What a slice draws with: the page's graphics and the flow's registers of anchors, links and late drawing.</summary>
public sealed class DrawContext
{
    private readonly PageFlow _flow;

    internal DrawContext(PageFlow flow, FlowPage page, XGraphics graphics)
    {
        _flow = flow;
        Page = page;
        Graphics = graphics;
    }

    public FlowPage Page { get; }
    public XGraphics Graphics { get; }
    public FontBook Fonts => _flow.Fonts;
    /// <summary>The tagged PDF's structure builder (null for an untagged document).</summary>
    public StructureBuilder? Structure => _flow.Structure;

    /// <summary>Draws something that is not content (rules, backgrounds) as an artifact, outside the structure tree.</summary>
    public void Artifact(Action draw)
    {
        Structure?.BeginArtifact();
        draw();
        Structure?.End();
    }

    public void RegisterAnchor(string anchor, double y) => _flow.RegisterAnchor(anchor, Page, y);

    /// <summary>Makes <paramref name="area"/> (page coordinates, top-left origin) a link.</summary>
    public void AddLink(XRect area, Link link, string description) => Page.Links.Add((area, link, description));

    /// <summary>Draws on this page once every page number is known (page references).</summary>
    public void Defer(Action<XGraphics, Func<string, int?>> draw) => _flow.Defer(Page, Graphics, draw);

    public void DrawText(string text, TextStyle style, double x, double baseline) =>
        Fonts.Draw(Graphics, text, style, x, baseline);

    public void DrawLine(Line line, double x, double top)
    {
        foreach (var fragment in line.Fragments)
        {
            void Draw() => DrawText(fragment.Text, fragment.Style, x + fragment.X, top + line.Baseline);
            if (fragment.Link is null)
            {
                Draw();
            }
            else
            {
                DrawLink(new XRect(x + fragment.X, top, fragment.Width, line.Height), fragment.Link, fragment.Text, Draw);
            }
        }
    }

    /// <summary>Draws the text of a link and makes <paramref name="area"/> (page coordinates) lead where it points.
    /// In a tagged document whose pages are known, the annotation is made now, as a Link element of the structure
    /// tree around the text; otherwise it is made when the flow finishes.</summary>
    public void DrawLink(XRect area, Link link, string text, Action draw)
    {
        if (_flow.Structure is { } structure && _flow.CreateAnnotation(Page, area, link, text) is { } annotation)
        {
            structure.BeginElement(annotation, annotation.Contents);
            draw();
            structure.End();
            return;
        }
        draw();
        AddLink(area, link, text);
    }
}

/// <summary>
/// Pours blocks onto pages: breaks pages between slices, honours glue (headings stay with what follows, paragraphs
/// keep two lines together), and when finished adds links, page references and the running head and folio.
/// </summary>
public sealed class PageFlow
{
    private readonly PdfDocument _document;
    private readonly List<FlowPage> _pages = [];
    private readonly Dictionary<string, (FlowPage Page, double Y)> _anchors = new(StringComparer.Ordinal);
    private readonly List<Slice> _pending = [];
    private XGraphics? _graphics;
    private double _y;
    private bool _pageHasContent;
    private double _gapAfterLast;
    private string? _runningHead;

    public PageFlow(PdfDocument document, PageGeometry geometry, FontBook fonts)
    {
        _document = document;
        Geometry = geometry;
        Fonts = fonts;
        Context = new LayoutContext(fonts, geometry.Content.Height);
    }

    public PageGeometry Geometry { get; }
    /// <summary>The structure builder of a tagged document: blocks open and close their elements as they are drawn.</summary>
    public StructureBuilder? Structure { get; init; }
    /// <summary>The modification date written on link annotations.</summary>
    public DateTime AnnotationDate { get; init; } = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public FontBook Fonts { get; }
    public LayoutContext Context { get; }
    public IReadOnlyList<FlowPage> Pages => _pages;
    public FlowPage? CurrentPage => _pages.Count > 0 ? _pages[^1] : null;

    /// <summary>The running head of pages from now on (and of the current page, if nothing is on it yet).</summary>
    public string? RunningHead
    {
        get => _runningHead;
        set
        {
            _runningHead = value;
            if (CurrentPage is { } page && !_pageHasContent)
            {
                page.RunningHead = value;
            }
        }
    }

    /// <summary>Drawn at the top of every page the flow starts by itself while this is set (a table's column heads).</summary>
    public Block? RepeatedHeader { get; set; }

    public int? PageOf(string anchor) => _anchors.TryGetValue(anchor, out var target) ? target.Page.Number
        : Known is { } known && known.Pages.TryGetValue(anchor, out var number) ? number : null;

    internal void RegisterAnchor(string anchor, FlowPage page, double y) => _anchors.TryAdd(anchor, (page, y));

    /// <summary>Where every anchor landed and how many pages there are, once <see cref="Finish"/> has run.</summary>
    public Pagination Pagination => new(_anchors.ToDictionary(a => a.Key, a => a.Value.Page.Number, StringComparer.Ordinal), _pages.Count);

    /// <summary>
    /// The pagination of an earlier, identical pass. A tagged document (<see cref="Structure"/>) must be drawn page by
    /// page, never going back to an earlier page, so page references and folios, which need the whole document, are
    /// drawn from this instead of afterwards. Requires <see cref="Decorate"/>.
    /// </summary>
    public Pagination? Known { get; init; }

    /// <summary>Draws the running head and folio of a page (with the page count).</summary>
    public Action<XGraphics, FlowPage, int>? Decorate { get; init; }

    internal void Defer(FlowPage page, XGraphics graphics, Action<XGraphics, Func<string, int?>> draw)
    {
        if (Known is { } known)
        {
            // Drawn now, inside the element being drawn (a page reference is content of its table cell).
            draw(graphics, anchor => known.Pages.TryGetValue(anchor, out var number) ? number : null);
        }
        else
        {
            page.Deferred.Add(draw);
        }
    }

    /// <summary>A tagged document's page is decorated as the flow leaves it, while its graphics are current.</summary>
    private void DecorateInPlace()
    {
        if (Known is { } known && CurrentPage is { Decorated: true } page && _graphics is not null && Decorate is not null)
        {
            Structure?.BeginArtifact();
            Decorate(_graphics, page, known.PageCount);
            Structure?.End();
        }
    }

    public void Add(Block block)
    {
        var slices = block.Layout(Context, Geometry.Content.Width);
        if (slices.Count == 0)
        {
            return;
        }
        slices[0].SpaceBefore = Math.Max(slices[0].SpaceBefore, _gapAfterLast);
        _gapAfterLast = block.SpaceAfter;
        foreach (var slice in slices)
        {
            _pending.Add(slice);
            if (!slice.GlueToNext)
            {
                Flush();
            }
        }
    }

    /// <summary>Leaves at least this much space before the next block (none at the top of a page).</summary>
    public void AddSpace(double points) => _gapAfterLast = Math.Max(_gapAfterLast, points);

    public void AddRange(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            Add(block);
        }
    }

    /// <summary>Places whatever is still held back waiting for the block it is glued to.</summary>
    public void Flush()
    {
        if (_pending.Count == 0)
        {
            return;
        }
        var unit = _pending.ToList();
        _pending.Clear();
        Place(unit);
    }

    /// <summary>Ends the current page (unless it is still empty) and starts the next one.</summary>
    public FlowPage NewPage()
    {
        Flush();
        if (_graphics is null || _pageHasContent)
        {
            StartPage();
        }
        _gapAfterLast = 0;
        return CurrentPage!;
    }

    private double Bottom => Geometry.Height - Geometry.Bottom;

    private void StartPage()
    {
        // The old page's graphics are closed only once the new page exists: the tagged PDF's structure builder ends
        // the open marked content on the old page when a page is added, and needs its graphics for that.
        var previous = _graphics;
        DecorateInPlace();
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(Geometry.Width);
        page.Height = XUnit.FromPoint(Geometry.Height);
        _pages.Add(new FlowPage(page, _pages.Count + 1) { RunningHead = _runningHead });
        _graphics = XGraphics.FromPdfPage(page);
        previous?.Dispose();
        _y = Geometry.Top;
        _pageHasContent = false;
    }

    /// <summary>A page started because the last one was full: it carries the repeated header, if any.</summary>
    private void ContinueOnNewPage()
    {
        StartPage();
        if (RepeatedHeader is not null)
        {
            RepeatedHeader.Layout(Context, Geometry.Content.Width).ForEach(DrawSlice);
        }
    }

    private void Place(List<Slice> unit)
    {
        if (_graphics is null)
        {
            StartPage();
        }
        double Needed(bool atTop) => unit.Select((s, i) => (i == 0 && atTop ? 0 : s.SpaceBefore) + s.Height).Sum();
        if (_y + Needed(!_pageHasContent) <= Bottom + 0.01)
        {
            unit.ForEach(DrawSlice);
            return;
        }
        if (_pageHasContent && Needed(true) <= Geometry.Content.Height)
        {
            ContinueOnNewPage();
            if (_y + Needed(!_pageHasContent) <= Bottom + 0.01)
            {
                unit.ForEach(DrawSlice);
                return;
            }
        }
        // Taller than a page: break inside it after all.
        foreach (var slice in unit)
        {
            var space = _pageHasContent ? slice.SpaceBefore : 0;
            if (_pageHasContent && _y + space + slice.Height > Bottom + 0.01)
            {
                ContinueOnNewPage();
            }
            DrawSlice(slice);
        }
    }

    private void DrawSlice(Slice slice)
    {
        if (_pageHasContent)
        {
            _y += slice.SpaceBefore;
        }
        slice.Draw(new DrawContext(this, CurrentPage!, _graphics!), Geometry.Left, _y);
        _y += slice.Height;
        _pageHasContent = true;
    }

    /// <summary>
    /// Completes the document: links (internal ones now that every anchor has its page), late-drawn page references,
    /// and <paramref name="decorate"/> (running head and folio) on every decorated page.
    /// </summary>
    public void Finish(Action<XGraphics, FlowPage, int>? decorate)
    {
        Flush();
        DecorateInPlace();
        _graphics?.Dispose();
        _graphics = null;
        foreach (var page in _pages)
        {
            if (Known is null && (page.Deferred.Count > 0 || (decorate is not null && page.Decorated)))
            {
                using var gfx = XGraphics.FromPdfPage(page.Page, XGraphicsPdfPageOptions.Append);
                // Page numbers, running heads and folios are pagination artifacts: the links and the outline carry
                // what they say.
                Structure?.BeginArtifact();
                foreach (var draw in page.Deferred)
                {
                    draw(gfx, PageOf);
                }
                if (page.Decorated)
                {
                    decorate?.Invoke(gfx, page, _pages.Count);
                }
                Structure?.End();
            }
            // Links last: page references drawn just above add theirs.
            foreach (var (area, link, description) in page.Links)
            {
                if (CreateAnnotation(page, area, link, description) is { } annotation)
                {
                    page.Page.Annotations.Add(annotation);
                }
            }
        }
    }

    /// <summary>A link annotation for <paramref name="area"/> (page coordinates, top-left origin), described for screen
    /// readers, or null for a link to an anchor that never landed.</summary>
    internal PdfLinkAnnotation? CreateAnnotation(FlowPage page, XRect area, Link link, string text)
    {
        var rect = new PdfRectangle(new XPoint(area.Left, Geometry.Height - area.Bottom), new XPoint(area.Right, Geometry.Height - area.Top));
        var annotation = link switch
        {
            WebLink web => PdfLinkAnnotation.CreateWebLink(rect, web.Url),
            AnchorLink internalLink when PageOf(internalLink.Anchor) is int target => PdfLinkAnnotation.CreateDocumentLink(rect, target),
            _ => null,
        };
        if (annotation is not null)
        {
            // PDFsharp names each annotation with a random id and stamps it with the clock: name and date it from the
            // document instead, so that the same document gives the same bytes.
            annotation.Elements.SetString("/NM", $"link-{page.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)}-{page.LinkCount++.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            annotation.Contents = Describe(link, text);
            annotation.Elements.SetDateTime("/M", AnnotationDate);
        }
        return annotation;
    }

    /// <summary>What a screen reader announces for a link: its text and where it leads.</summary>
    private string Describe(Link link, string text) => link switch
    {
        WebLink web when string.Equals(text.Trim(), web.Url, StringComparison.Ordinal) => $"Link: {web.Url}",
        WebLink web => $"{text.Trim()} (link: {web.Url})",
        AnchorLink anchor when PageOf(anchor.Anchor) is int target && text.StartsWith("Page ", StringComparison.Ordinal) => text.Trim(),
        AnchorLink anchor when PageOf(anchor.Anchor) is int target => $"{text.Trim()} (page {target.ToString(System.Globalization.CultureInfo.InvariantCulture)})",
        _ => text.Trim(),
    };
}
