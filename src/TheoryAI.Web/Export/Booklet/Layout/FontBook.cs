using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace TheoryAI.Web.Export.Booklet.Layout;

/// <summary>
/// Fonts, text measurement and drawing for one document. Text is drawn in the main family, switching per character to
/// the first fallback family that has a glyph where the main one lacks it (<see cref="BookletFonts.FamilyFor"/>), so
/// ∞ or → print and extract as themselves. Control characters are never drawn (stored text may hold them; PDF text
/// must not). Widths are cached per (text, face, size): a booklet measures the same words many times while it tries
/// line breaks.
/// </summary>
public sealed class FontBook : IDisposable
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    private readonly string _family;
    private readonly Dictionary<(string Family, double Size, bool Bold, bool Italic), XFont> _fonts = [];
    private readonly Dictionary<(string Text, double Size, bool Bold, bool Italic), double> _widths = [];
    private readonly XGraphics _measure;

    public FontBook(string family)
    {
        _family = family;
        _measure = XGraphics.CreateMeasureContext(new XSize(2000, 2000), XGraphicsUnit.Point, XPageDirection.Downwards);
        var probe = Font(new TextStyle(1000));
        AscentRatio = probe.Metrics.Ascent / (double)probe.Metrics.UnitsPerEm;
        DescentRatio = probe.Metrics.Descent / (double)probe.Metrics.UnitsPerEm;
    }

    /// <summary>Height above the baseline reserved for glyphs, as a fraction of the font size.</summary>
    public double AscentRatio { get; }

    /// <summary>Depth below the baseline reserved for glyphs, as a fraction of the font size.</summary>
    public double DescentRatio { get; }

    public XFont Font(TextStyle style) => Font(style, _family);

    private XFont Font(TextStyle style, string family)
    {
        var key = (family, style.Size, style.Bold, style.Italic);
        if (!_fonts.TryGetValue(key, out var font))
        {
            var face = (style.Bold, style.Italic) switch
            {
                (true, true) => XFontStyleEx.BoldItalic,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            };
            font = new XFont(family, style.Size, face, Unicode);
            _fonts[key] = font;
        }
        return font;
    }

    public double Width(string text, TextStyle style)
    {
        if (text.Length == 0)
        {
            return 0;
        }
        var key = (text, style.Size, style.Bold, style.Italic);
        if (!_widths.TryGetValue(key, out var width))
        {
            width = Segments(text, style).Sum(s => _measure.MeasureString(s.Text, Font(style, s.Family)).Width);
            _widths[key] = width;
        }
        return width;
    }

    /// <summary>Draws <paramref name="text"/> with its left end at <paramref name="x"/> on <paramref name="baseline"/>.</summary>
    public void Draw(XGraphics graphics, string text, TextStyle style, double x, double baseline)
    {
        var brush = new XSolidBrush(style.Ink);
        foreach (var (segment, family) in Segments(text, style))
        {
            var font = Font(style, family);
            graphics.DrawString(segment, font, brush, x, baseline, XStringFormats.BaseLineLeft);
            x += _measure.MeasureString(segment, font).Width;
        }
    }

    /// <summary>The text cut into runs of one family each, without control characters.</summary>
    private List<(string Text, string Family)> Segments(string text, TextStyle style)
    {
        var segments = new List<(string Text, string Family)>();
        var current = new StringBuilder();
        string? family = null;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsControl(rune))
            {
                continue;
            }
            var wanted = _family == BookletFonts.Family ? BookletFonts.FamilyFor(rune, style.Bold, style.Italic) : _family;
            if (family is not null && wanted != family && current.Length > 0)
            {
                segments.Add((current.ToString(), family));
                current.Clear();
            }
            family = wanted;
            current.Append(rune.ToString());
        }
        if (current.Length > 0)
        {
            segments.Add((current.ToString(), family!));
        }
        return segments;
    }

    public void Dispose() => _measure.Dispose();
}
