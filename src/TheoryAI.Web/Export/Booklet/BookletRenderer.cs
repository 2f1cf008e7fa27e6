using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using TheoryAI.Web.Export.Booklet.Layout;
using TheoryAI.Web.Infrastructure;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Booklet;

/// <summary>
/// The printable programme booklet: cover, about and contents, the programme at a glance (a page per day), every
/// contribution with its abstract, a speaker index, the venue and the organization. A plain renderer: the snapshot in,
/// PDF bytes out. The same snapshot and options give the same bytes.
/// </summary>
public sealed partial class BookletRenderer
{
    /// <summary>No text comes closer than this to any edge of the paper (running heads and folios included).</summary>
    public const double SafeMargin = 32;
    public const double SideMargin = 54;

    private static readonly CultureInfo English = Display.Culture;
    private static readonly XColor Ink = XColor.FromArgb(0x1f, 0x29, 0x33);
    private static readonly XColor Muted = XColor.FromArgb(0x5f, 0x6b, 0x7a);
    private static readonly XColor Faint = XColor.FromArgb(0x98, 0xa1, 0xac);
    private static readonly XColor Accent = XColor.FromArgb(0x1d, 0x4e, 0x89);
    private static readonly XColor AccentTint = XColor.FromArgb(0xe9, 0xef, 0xf7);
    private static readonly XColor RuleColor = XColor.FromArgb(0xd5, 0xdb, 0xe3);
    private static readonly XColor Link = XColor.FromArgb(0x1d, 0x5f, 0xb4);

    private static readonly TextStyle Body = new(9.5, Color: Ink);
    private static readonly TextStyle Small = new(8.5, Color: Muted);
    private static readonly TextStyle Heading1 = new(20, Bold: true, Color: Accent);
    private static readonly TextStyle Heading2 = new(13, Bold: true, Color: Ink);
    private static readonly TextStyle Kicker = new(8, Bold: true, Color: Accent);

    /// <param name="programme">The programme.</param>
    /// <param name="options">Paper and selection.</param>
    /// <param name="logoPng">The event's logo when it is a PNG, for the cover (an SVG logo is left out: see
    /// <see cref="Look.ShareImage"/>).</param>
    public byte[] Render(ProgrammeSnapshot programme, BookletOptions options, byte[]? logoPng = null)
    {
        BookletFonts.Register();
        // Two passes: the first finds where every page reference points and how many pages there are; the second,
        // tagged, draws page by page in reading order with those numbers known (the structure builder of a tagged
        // PDF cannot go back to an earlier page). Both lay out the same blocks, so they paginate alike.
        var (_, pagination) = Pass(programme, options, logoPng, known: null);
        var (document, _) = Pass(programme, options, logoPng, pagination);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return Stabilize(output.ToArray(), Identity(programme, options));
    }

    private static (PdfDocument Document, Pagination Pagination) Pass(ProgrammeSnapshot programme, BookletOptions options, byte[]? logoPng, Pagination? known)
    {
        var document = new PdfDocument();
        document.Options.CompressContentStreams = false;
        document.PageLayout = PdfPageLayout.SinglePage;
        document.PageMode = PdfPageMode.UseOutlines;
        StructureBuilder? structure = null;
        if (known is not null)
        {
            // A tagged PDF (PDF/UA): a structure tree in reading order, the language, and the title shown by viewers.
            var accessibility = UAManager.ForDocument(document);
            accessibility.SetDocumentLanguage("en");
            document.ViewerPreferences.DisplayDocTitle = true;
            structure = accessibility.StructureBuilder;
        }
        Describe(document, programme, options);

        var size = options.Paper == PaperSize.Letter ? new XSize(612, 792) : new XSize(595, 842);
        var geometry = new PageGeometry(size.Width, size.Height, SideMargin, SideMargin, 74, 62);
        using var fonts = new FontBook(BookletFonts.Family);
        void Decorate(XGraphics gfx, FlowPage page, int count) => DecoratePage(gfx, fonts, geometry, programme, page, count);
        var flow = new PageFlow(document, geometry, fonts)
        {
            AnnotationDate = document.Info.CreationDate,
            Structure = structure,
            Known = known,
            Decorate = Decorate,
        };
        new Composer(programme, options, flow, document, logoPng).Compose();
        flow.Finish(Decorate);
        return (document, flow.Pagination);
    }

    /// <summary>
    /// PDFsharp writes a few random values: six capitals tagging each embedded font subset ("APPOSS+Noto Sans") and the
    /// XMP document and instance ids. Replacing them with values derived from the booklet's identity, each of the same
    /// length so every byte offset stays valid, makes the same booklet come out byte for byte the same: its ETag can be
    /// a strong one.
    /// </summary>
    private static byte[] Stabilize(byte[] pdf, byte[] identity)
    {
        var text = Encoding.Latin1.GetString(pdf);
        text = XmpId().Replace(text, m => $"<xmpMM:{m.Groups["kind"].Value}>uuid:{new Guid(identity.AsSpan(m.Groups["kind"].Value == "DocumentID" ? 0 : 16, 16))}<");
        var replacements = SubsetTag().Matches(text)
            .Select(m => (Tag: m.Groups["tag"].Value, Name: m.Groups["name"].Value))
            .Distinct()
            .ToList();
        foreach (var (tag, name) in replacements)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
            var stable = new string(hash.Take(6).Select(b => (char)('A' + b % 26)).ToArray());
            text = text.Replace($"/{tag}+{name}", $"/{stable}+{name}", StringComparison.Ordinal);
        }
        return Encoding.Latin1.GetBytes(text);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"/(?<tag>[A-Z]{6})\+(?<name>Noto[#0-9A-Za-z,\-]*)")]
    private static partial System.Text.RegularExpressions.Regex SubsetTag();

    [System.Text.RegularExpressions.GeneratedRegex(@"<xmpMM:(?<kind>DocumentID|InstanceID)>uuid:[0-9a-fA-F-]{36}<")]
    private static partial System.Text.RegularExpressions.Regex XmpId();

    /// <summary>Sets the document information and its identifier (from <see cref="Identity"/>).</summary>
    private static void Describe(PdfDocument document, ProgrammeSnapshot programme, BookletOptions options)
    {
        var ev = programme.Event;
        var info = document.Info;
        info.Title = options.IsPersonal ? $"{ev.Name}: personal programme" : $"{ev.Name}: programme";
        info.Author = ev.Host ?? string.Join(", ", ev.Organizers.Select(o => o.Name));
        info.Subject = $"Programme, {Display.DateRange(ev.StartDate, ev.EndDate)}, {ev.Venue}";
        info.Keywords = "programme, talks, abstracts, speakers";
        info.Creator = ev.Name;
        // The programme's own last change, not the clock: the same version always prints the same bytes.
        var changed = programme.Entries.Count > 0 ? programme.Entries.Max(e => e.LastModifiedUtc) : ev.StartDate.ToDateTime(TimeOnly.MinValue);
        var stamp = DateTime.SpecifyKind(changed, DateTimeKind.Utc);
        info.CreationDate = stamp;
        info.ModificationDate = stamp;
        // A file identifier derived from what is printed, rather than a random one.
        var id = new string(Identity(programme, options).Take(16).Select(b => (char)b).ToArray());
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
    }

    /// <summary>The 32 bytes that identify this booklet (programme version and options).</summary>
    private static byte[] Identity(ProgrammeSnapshot programme, BookletOptions options)
    {
        var key = $"{programme.Version}|{options.Paper}|{string.Join(',', options.Talks?.Order() ?? Enumerable.Empty<int>())}|{options.IsPersonal}";
        return SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    private static void DecoratePage(XGraphics gfx, FontBook fonts, PageGeometry geometry, ProgrammeSnapshot programme, FlowPage page, int pageCount)
    {
        var head = new TextStyle(7.5, Color: Muted);
        var left = geometry.Left;
        var right = geometry.Width - geometry.Right;
        var headBaseline = SafeMargin + 12;
        var section = page.RunningHead ?? "";
        var sectionWidth = fonts.Width(section, head.WithBold());
        var title = Fit(fonts, programme.Event.Name, head, right - left - sectionWidth - 18);
        fonts.Draw(gfx, title, head, left, headBaseline);
        fonts.Draw(gfx, section, head.WithBold().WithColor(Accent), right - sectionWidth, headBaseline);
        gfx.DrawLine(new XPen(RuleColor, 0.5), left, headBaseline + 6, right, headBaseline + 6);

        var footBaseline = geometry.Height - SafeMargin - 4;
        var folio = $"{page.Number} of {pageCount}";
        var folioWidth = fonts.Width(folio, head);
        gfx.DrawLine(new XPen(RuleColor, 0.5), left, footBaseline - 12, right, footBaseline - 12);
        fonts.Draw(gfx, folio, head, right - folioWidth, footBaseline);
        var dates = Fit(fonts, $"{Display.DateRange(programme.Event.StartDate, programme.Event.EndDate)} · {programme.Event.Venue}", head, right - left - folioWidth - 18);
        fonts.Draw(gfx, dates, head, left, footBaseline);
    }

    /// <summary>The text, shortened with an ellipsis if it is wider than <paramref name="width"/>.</summary>
    private static string Fit(FontBook fonts, string text, TextStyle style, double width)
    {
        if (fonts.Width(text, style) <= width)
        {
            return text;
        }
        var length = text.Length;
        while (length > 0 && fonts.Width(text[..length].TrimEnd() + "…", style) > width)
        {
            length--;
        }
        return length == 0 ? "" : text[..length].TrimEnd() + "…";
    }

    /// <summary>Lays out one booklet: holds the selection and the outline entries while the sections are poured.</summary>
    private sealed class Composer(ProgrammeSnapshot programme, BookletOptions options, PageFlow flow, PdfDocument document, byte[]? logoPng)
    {
        private readonly MarkdownLayout _markdown = new(MarkdownRenderer.Pipeline, Body, Link);
        private readonly Dictionary<DateOnly, PdfOutline> _dayOutlines = [];
        private EventInfo Event => programme.Event;

        private List<ProgrammeEntry> Talks => programme.Talks
            .Where(e => options.Talks is null || options.Talks.Contains(e.Talk!.Number))
            .ToList();

        /// <summary>The days the booklet shows, each with the entries it shows: a personal booklet keeps its talks and the breaks and meals around them.</summary>
        private List<(ProgrammeDay Day, List<ProgrammeEntry> Entries)> Days => programme.Days
            .Select(d => (Day: d, Entries: d.Entries.Where(e => options.Talks is null
                ? true
                : e.Talk is not null ? options.Talks.Contains(e.Talk.Number) : e.IsIntermission).ToList()))
            .Where(d => options.Talks is null || d.Entries.Any(e => e.Talk is not null))
            .ToList();

        public void Compose()
        {
            Cover();
            About();
            Glance();
            TalkPages();
            SpeakerIndex();
            Venue();
        }

        private static string Anchor(ProgrammeEntry talk) => $"talk-{talk.Talk!.Number.ToString(CultureInfo.InvariantCulture)}";

        private static string DayAnchor(ProgrammeDay day) => $"day-{day.Slug}";

        private static string DayName(DateOnly date) => date.ToString("dddd d MMMM", English);

        private void Outline(string title, FlowPage page, bool opened = false) => document.Outlines.Add(title, page.Page, opened);

        private void Cover()
        {
            var page = flow.NewPage();
            page.Decorated = false;
            var geometry = flow.Geometry;
            var width = geometry.Content.Width;
            var white = XColors.White;
            // The band takes the event's accent (white text on it passes 4.5:1: the accent's own rule), the rule under
            // it the lighter shade dark mode uses.
            var look = Event.Look;
            var band = Colour(look.Accent);
            var bandRule = Colour(look.AccentOnDark);
            using var logo = LogoImage();
            var logoSize = logo is null ? new XSize(0, 0) : Fit(logo, maxWidth: 150, maxHeight: 54);
            var titleBlocks = new List<Block>
            {
                new Paragraph(options.IsPersonal ? "PERSONAL PROGRAMME" : "PROGRAMME", new TextStyle(9, Bold: true, Color: white)) { SpaceAfter = 10 },
                new Paragraph(Event.Name, new TextStyle(28, Bold: true, Color: white)) { LineSpacing = 1.25, SpaceAfter = look.Tagline is null ? 14 : 6 },
            };
            if (look.Tagline is { } tagline)
            {
                titleBlocks.Add(new Paragraph(tagline, new TextStyle(13, Italic: true, Color: white)) { LineSpacing = 1.3, SpaceAfter = 14 });
            }
            titleBlocks.Add(new Paragraph(Display.DateRange(Event.StartDate, Event.EndDate), new TextStyle(14, Color: white)));
            titleBlocks.Add(new Paragraph(Event.Venue, new TextStyle(11, Color: white)) { SpaceBefore = 2 });
            var title = new Stack(flow.Context, titleBlocks, width);
            var titleTop = geometry.Top + 60 + (logo is null ? 0 : logoSize.Height + 24);
            var bandHeight = titleTop + title.Height + 48;
            var details = new List<Block>();
            void Detail(string label, string? value, Link? link = null)
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    return;
                }
                details.Add(new Paragraph(label.ToUpperInvariant(), Kicker) { SpaceBefore = 14, KeepWithNext = true });
                details.Add(new Paragraph([new Run(value, link is null ? Body.WithSize(11) : Body.WithSize(11).WithColor(Link), link)]) { SpaceBefore = 2 });
            }
            Detail("Dates", $"{Display.LongDate(Event.StartDate)} to {Display.LongDate(Event.EndDate)}");
            Detail("Venue", Event.VenueWithAddress);
            Detail("Hosted by", Event.Host);
            Detail("Times", programme.Days.Count > 0
                ? $"All times are local: {Display.ZoneName(programme.TimeZone, programme.Days[0].Date.ToDateTime(new TimeOnly(12, 0)))}."
                : null);
            if (options.IsPersonal)
            {
                var count = Talks.Count;
                Detail("Your selection", count == 0
                    ? "None of the selected talks is in the programme."
                    : $"{count} {(count == 1 ? "talk" : "talks")} chosen from the programme, with the breaks and meals of those days.");
            }
            Detail("Online", Event.Url, Event.Url is null ? null : new WebLink(Event.Url));
            var detailStack = new Stack(flow.Context, details, width);
            flow.Add(new Drawing(bandHeight - geometry.Top + detailStack.Height + 30, (ctx, area) =>
            {
                ctx.Artifact(() =>
                {
                    ctx.Graphics.DrawRectangle(new XSolidBrush(band), 0, 0, geometry.Width, bandHeight);
                    ctx.Graphics.DrawRectangle(new XSolidBrush(bandRule), 0, bandHeight, geometry.Width, 5);
                    if (logo is not null)
                    {
                        // On a white plate, so a logo drawn for light backgrounds reads on any accent.
                        const double pad = 8;
                        var y = geometry.Top + 60 - pad;
                        ctx.Graphics.DrawRoundedRectangle(XBrushes.White, area.X - pad, y, logoSize.Width + 2 * pad, logoSize.Height + 2 * pad, 6, 6);
                        ctx.Graphics.DrawImage(logo, area.X, y + pad, logoSize.Width, logoSize.Height);
                    }
                });
                title.Draw(ctx, area.X, titleTop);
                detailStack.Draw(ctx, area.X, bandHeight + 24);
            }));
            var changed = programme.Entries.Count > 0 ? programme.Entries.Max(e => e.LastModifiedUtc) : (DateTime?)null;
            var stamp = changed is null ? "" : $", last changed {changed.Value.ToString("d MMMM yyyy, HH:mm", English)} UTC";
            flow.Add(new Paragraph($"Programme version {programme.Version.ToString(CultureInfo.InvariantCulture)}{stamp}. The programme can change: the website always has the latest version.", Small)
            {
                SpaceBefore = 24,
            });
            Outline("Cover", page);
        }

        private XImage? LogoImage()
        {
            if (logoPng is null)
            {
                return null;
            }
            try
            {
                return XImage.FromStream(new MemoryStream(logoPng, writable: false));
            }
            catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException)
            {
                // A PNG PDFsharp cannot read (the site read it): the cover goes without it rather than failing.
                return null;
            }
        }

        private static XSize Fit(XImage image, double maxWidth, double maxHeight)
        {
            var scale = Math.Min(maxWidth / image.PointWidth, maxHeight / image.PointHeight);
            return new XSize(image.PointWidth * scale, image.PointHeight * scale);
        }

        private static XColor Colour(string hex) => XColor.FromArgb(
            Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16));

        private void About()
        {
            flow.RunningHead = "About";
            var page = flow.NewPage();
            Outline("About and contents", page);
            if (!string.IsNullOrWhiteSpace(Event.DescriptionMarkdown))
            {
                flow.Add(new Paragraph("About the workshop", Heading1) { Tag = PdfBlockLevelElementTag.Heading1, SpaceAfter = 12, KeepWithNext = true });
                flow.AddRange(_markdown.Layout(Event.DescriptionMarkdown));
                if (!string.IsNullOrWhiteSpace(Event.CompanionName))
                {
                    flow.Add(new Paragraph([new Run("Companion event: ", Body.WithBold()), new Run(Event.CompanionName, Body.WithColor(Event.CompanionUrl is null ? Ink : Link), Event.CompanionUrl is null ? null : new WebLink(Event.CompanionUrl))]) { SpaceBefore = 4 });
                }
            }
            flow.Add(new Paragraph("Contents", Heading2) { Tag = PdfBlockLevelElementTag.Heading2, SpaceBefore = 22, SpaceAfter = 8, KeepWithNext = true });
            var days = Days;
            foreach (var (day, _) in days)
            {
                ContentsLine($"Programme at a glance, {DayName(day.Date)}", DayAnchor(day));
            }
            foreach (var (day, entries) in days.Where(d => d.Entries.Any(e => e.Talk is not null)))
            {
                ContentsLine($"Talks and abstracts, {DayName(day.Date)}", $"talks-{day.Slug}");
            }
            ContentsLine("Speaker index", "speakers");
            ContentsLine("Venue, rooms and organization", "venue");
        }

        private void ContentsLine(string text, string anchor) => flow.Add(new Row(
            [
                new Cell(0, [new Paragraph([new Run(text, Body, new AnchorLink(anchor))])]),
                new Cell(40, [new PageReference(anchor, Body.WithBold())]),
            ])
        { Padding = 3, RuleBelow = RuleColor });

        private void Glance()
        {
            foreach (var (day, entries) in Days)
            {
                flow.RepeatedHeader = null;
                flow.RunningHead = $"At a glance · {DayName(day.Date)}";
                var page = flow.NewPage();
                _dayOutlines[day.Date] = document.Outlines.Add(Display.LongDate(day.Date), page.Page, true);
                flow.Add(new Paragraph("PROGRAMME AT A GLANCE", Kicker) { KeepWithNext = true, SpaceAfter = 2, Anchor = DayAnchor(day) });
                flow.Add(new Paragraph(Display.LongDate(day.Date), Heading1) { Tag = PdfBlockLevelElementTag.Heading1, KeepWithNext = true });
                if (!string.IsNullOrWhiteSpace(day.Title) && !string.Equals(day.Title, DayName(day.Date), StringComparison.OrdinalIgnoreCase))
                {
                    flow.Add(new Paragraph(day.Title, Body.WithItalic().WithColor(Muted)) { KeepWithNext = true });
                }
                flow.Add(new Paragraph($"Times in {Display.ZoneName(programme.TimeZone, day.Date.ToDateTime(new TimeOnly(12, 0)))}. Page numbers lead to each talk’s abstract.", Small)
                {
                    SpaceBefore = 4,
                    SpaceAfter = 12,
                    KeepWithNext = true,
                });
                var columnHeads = new Row(
                    [
                        new Cell(64, [new Paragraph("TIME", Kicker)]),
                        new Cell(0, [new Paragraph("SESSION", Kicker)]),
                        new Cell(92, [new Paragraph("ROOM", Kicker)]),
                        new Cell(26, [new Paragraph("PAGE", Kicker) { Align = TextAlign.Right }]),
                    ])
                { Padding = 3, RuleBelow = Accent, KeepWithNext = true };
                flow.Add(columnHeads);
                flow.RepeatedHeader = columnHeads;
                foreach (var entry in entries)
                {
                    flow.Add(GlanceRow(entry));
                }
                flow.Flush();
                if (entries.Count == 0)
                {
                    flow.Add(new Paragraph("Nothing is scheduled on this day yet.", Body.WithItalic()) { SpaceBefore = 8 });
                }
            }
            flow.RepeatedHeader = null;
        }

        private Row GlanceRow(ProgrammeEntry entry)
        {
            var light = entry.IsIntermission;
            var timeStyle = light ? Body.WithColor(Faint) : Body.WithBold();
            var titleStyle = light ? Body.WithColor(Faint).WithItalic() : Body.WithBold();
            var entryBlocks = new List<Block>();
            var titleRuns = new List<Run>();
            if (entry.Cancelled)
            {
                titleRuns.Add(new Run("Cancelled: ", titleStyle.WithColor(Muted)));
            }
            if (entry.Talk is not null)
            {
                titleRuns.Add(new Run(entry.Title, titleStyle, new AnchorLink(Anchor(entry))));
            }
            else
            {
                titleRuns.Add(new Run(entry.Title, titleStyle));
            }
            entryBlocks.Add(new Paragraph(titleRuns) { LineSpacing = 1.3 });
            if (entry.Talk is { Speakers.Count: > 0 } talk)
            {
                var runs = new List<Run>();
                foreach (var (speaker, i) in talk.Speakers.Select((s, i) => (s, i)))
                {
                    runs.Add(new Run((i > 0 ? ", " : "") + speaker.Name, Small.WithColor(Ink)));
                    if (!string.IsNullOrWhiteSpace(speaker.Affiliation))
                    {
                        runs.Add(new Run($" ({speaker.Affiliation})", Small));
                    }
                }
                entryBlocks.Add(new Paragraph(runs) { SpaceBefore = 1, LineSpacing = 1.3 });
            }
            if (entry.Talk is not null && entry.Kind is not Data.SessionKind.Talk)
            {
                entryBlocks.Add(new Paragraph(Display.KindLabel(entry.Kind), Small.WithItalic()) { LineSpacing = 1.3 });
            }
            var roomStyle = light ? Small.WithColor(Faint) : Small;
            return new Row(
                [
                    new Cell(64, [new Paragraph(entry.TimeRange, timeStyle) { LineSpacing = 1.3 }]),
                    new Cell(0, entryBlocks),
                    new Cell(92, [new Paragraph(entry.Room?.DisplayName ?? "", roomStyle) { LineSpacing = 1.3 }]),
                    new Cell(26, entry.Talk is null ? [] : [new PageReference(Anchor(entry), Small.WithColor(Accent).WithBold())]),
                ])
            {
                Padding = light ? 3 : 5,
                RuleBelow = RuleColor,
                Background = light ? XColor.FromArgb(0xf6, 0xf7, 0xf9) : null,
            };
        }

        private void TalkPages()
        {
            var talks = Talks;
            foreach (var dayTalks in talks.GroupBy(t => t.Date).Select(g => g.ToList()))
            {
                var date = dayTalks[0].Date;
                flow.RunningHead = $"Talks · {DayName(date)}";
                var page = flow.NewPage();
                flow.Add(new Paragraph("TALKS AND ABSTRACTS", Kicker) { KeepWithNext = true, SpaceAfter = 2, Anchor = $"talks-{date:yyyy-MM-dd}" });
                flow.Add(new Paragraph(Display.LongDate(date), Heading1) { Tag = PdfBlockLevelElementTag.Heading1, KeepWithNext = true, SpaceAfter = 6 });
                var dayOutline = _dayOutlines.GetValueOrDefault(date) ?? document.Outlines.Add(Display.LongDate(date), page.Page, true);
                foreach (var talk in dayTalks)
                {
                    TalkEntry(talk, dayOutline);
                }
            }
        }

        private void TalkEntry(ProgrammeEntry entry, PdfOutline dayOutline)
        {
            var talk = entry.Talk!;
            var meta = new List<Run>
            {
                new(entry.TimeRange, Kicker.WithSize(9)),
                new($"   {DayName(entry.Date)}", Small),
            };
            if (entry.Room is not null)
            {
                meta.Add(new Run($" · {entry.Room.DisplayName}", Small));
            }
            meta.Add(new Run($" · {(string.IsNullOrWhiteSpace(talk.Type) ? Display.KindLabel(entry.Kind) : talk.Type)} {talk.Number.ToString(CultureInfo.InvariantCulture)}", Small));
            flow.Add(new Rule(RuleColor) { SpaceBefore = 16, SpaceAfter = 10, KeepWithNext = true });
            flow.Add(new Paragraph(meta)
            {
                KeepWithNext = true,
                Anchor = Anchor(entry),
                OnPlaced = page => dayOutline.Outlines.Add(entry.Title, page.Page),
            });
            flow.Add(new Paragraph(entry.Cancelled ? $"Cancelled: {entry.Title}" : entry.Title, Heading2) { Tag = PdfBlockLevelElementTag.Heading2, LineSpacing = 1.3, SpaceBefore = 3, KeepWithNext = true });
            foreach (var speaker in talk.Speakers)
            {
                var runs = new List<Run> { new(speaker.Name, Body.WithBold()) };
                if (!string.IsNullOrWhiteSpace(speaker.Affiliation))
                {
                    runs.Add(new Run(", " + speaker.Affiliation, Body.WithItalic().WithColor(Muted)));
                }
                flow.Add(new Paragraph(runs) { SpaceBefore = 2, KeepWithNext = true });
            }
            var abstractBlocks = _markdown.Layout(talk.AbstractMarkdown);
            if (abstractBlocks.Count > 0)
            {
                flow.AddSpace(7);
                flow.AddRange(abstractBlocks);
            }
            else if (entry.Kind == Data.SessionKind.Talk)
            {
                flow.Add(new Paragraph("No abstract has been given for this talk.", Body.WithItalic().WithColor(Muted)) { SpaceBefore = 6 });
            }
            if (!string.IsNullOrWhiteSpace(talk.RecordingUrl))
            {
                flow.Add(new Paragraph(
                    [
                        new Run("Recording: ", Small.WithBold()),
                        new Run(talk.RecordingUrl, Small.WithColor(Link), new WebLink(talk.RecordingUrl)),
                    ])
                { SpaceBefore = 2 });
            }
        }

        private void SpeakerIndex()
        {
            flow.RunningHead = "Speaker index";
            var page = flow.NewPage();
            Outline("Speaker index", page);
            flow.Add(new Paragraph("Speaker index", Heading1) { Tag = PdfBlockLevelElementTag.Heading1, SpaceAfter = 4, KeepWithNext = true, Anchor = "speakers" });
            flow.Add(new Paragraph("Family name first. The number after each talk is the page of its abstract.", Small) { SpaceAfter = 10, KeepWithNext = true });
            var talks = Talks.ToHashSet();
            var any = false;
            foreach (var speaker in programme.Speakers)
            {
                var own = programme.TalksBySpeaker[speaker.Slug].Where(talks.Contains).ToList();
                if (own.Count == 0)
                {
                    continue;
                }
                any = true;
                var name = new List<Run> { new(speaker.SortKey, Body.WithBold()) };
                if (!string.IsNullOrWhiteSpace(speaker.Affiliation))
                {
                    name.Add(new Run(" · " + speaker.Affiliation, Small));
                }
                flow.Add(new Paragraph(name) { SpaceBefore = 7, KeepWithNext = true });
                if (!string.IsNullOrWhiteSpace(speaker.BioMarkdown))
                {
                    flow.AddRange(_markdown.Layout(speaker.BioMarkdown, indent: 12));
                }
                for (var i = 0; i < own.Count; i++)
                {
                    var talk = own[i];
                    flow.Add(new Row(
                        [
                            new Cell(0, [new Paragraph([new Run(talk.Title, Body, new AnchorLink(Anchor(talk)))]) { Indent = 12 }]),
                            new Cell(30, [new PageReference(Anchor(talk), Body.WithBold().WithColor(Accent))]),
                        ])
                    { Padding = 1, KeepWithNext = i < own.Count - 1 });
                }
            }
            if (!any)
            {
                flow.Add(new Paragraph("No talks are selected.", Body.WithItalic()));
            }
        }

        private void Venue()
        {
            flow.RunningHead = "Venue and organization";
            var page = flow.NewPage();
            Outline("Venue, rooms and organization", page);
            flow.Add(new Paragraph("Venue and rooms", Heading1) { Tag = PdfBlockLevelElementTag.Heading1, SpaceAfter = 10, KeepWithNext = true, Anchor = "venue" });
            flow.Add(new Paragraph(Event.Venue, Body.WithBold().WithSize(11)) { KeepWithNext = true });
            if (!string.IsNullOrWhiteSpace(Event.Address))
            {
                flow.Add(new Paragraph(Event.Address, Body));
            }
            if (!string.IsNullOrWhiteSpace(Event.Host) && Event.Host != Event.Venue)
            {
                flow.Add(new Paragraph($"Hosted by {Event.Host}", Body.WithColor(Muted)));
            }
            if (programme.Rooms.Count > 0)
            {
                flow.Add(new Row(
                    [
                        new Cell(80, [new Paragraph("ROOM", Kicker)]),
                        new Cell(0, [new Paragraph("NAME", Kicker)]),
                        new Cell(60, [new Paragraph("SEATS", Kicker) { Align = TextAlign.Right }]),
                        new Cell(110, [new Paragraph("IN THE PROGRAMME", Kicker)]),
                    ])
                { SpaceBefore = 16, Padding = 3, RuleBelow = Accent, KeepWithNext = true });
                foreach (var room in programme.Rooms)
                {
                    var uses = programme.Entries.Count(e => e.Room?.Id == room.Id);
                    var talks = programme.Entries.Count(e => e.Room?.Id == room.Id && e.IsTalk);
                    flow.Add(new Row(
                        [
                            new Cell(80, [new Paragraph(room.Code, Body.WithBold())]),
                            new Cell(0, [new Paragraph(room.Name, Body)]),
                            new Cell(60, [new Paragraph(room.Capacity?.ToString(CultureInfo.InvariantCulture) ?? "–", Body) { Align = TextAlign.Right }]),
                            new Cell(110, [new Paragraph(uses == 0 ? "not used" : $"{uses} {(uses == 1 ? "session" : "sessions")}, {talks} {(talks == 1 ? "talk" : "talks")}", Small)]),
                        ])
                    { Padding = 4, RuleBelow = RuleColor });
                }
            }
            if (Event.Organizers.Count > 0 || Event.AdvisoryCommittee.Count > 0)
            {
                flow.Add(new Paragraph("Organization", Heading1) { Tag = PdfBlockLevelElementTag.Heading1, SpaceBefore = 30, SpaceAfter = 6, KeepWithNext = true });
                People("Scientific organizers", Event.Organizers);
                People("Advisory committee", Event.AdvisoryCommittee);
            }
        }

        private void People(string title, IReadOnlyList<PersonInfo> people)
        {
            if (people.Count == 0)
            {
                return;
            }
            flow.Add(new Paragraph(title, Heading2) { Tag = PdfBlockLevelElementTag.Heading2, SpaceBefore = 10, SpaceAfter = 4, KeepWithNext = true });
            foreach (var person in people)
            {
                var runs = new List<Run> { new(person.Name, Body.WithBold()) };
                if (!string.IsNullOrWhiteSpace(person.Affiliation))
                {
                    runs.Add(new Run(", " + person.Affiliation, Body.WithColor(Muted)));
                }
                flow.Add(new Paragraph(runs) { SpaceBefore = 2 });
            }
        }
    }
}
