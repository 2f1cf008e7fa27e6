using System.Collections.Concurrent;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace TheoryAI.Web.Export.Booklet.Layout;

/// <summary>
/// Fonts and text measurement for one document. Widths are cached per (text, face, size): a booklet measures the same
/// words many times while it tries line breaks.
/// </summary>
public sealed class FontBook : IDisposable
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    private readonly string _family;
    private readonly Dictionary<(double Size, bool Bold, bool Italic), XFont> _fonts = [];
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

    public XFont Font(TextStyle style)
    {
        var key = (style.Size, style.Bold, style.Italic);
        if (!_fonts.TryGetValue(key, out var font))
        {
            var face = (style.Bold, style.Italic) switch
            {
                (true, true) => XFontStyleEx.BoldItalic,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            };
            font = new XFont(_family, style.Size, face, Unicode);
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
            width = _measure.MeasureString(text, Font(style)).Width;
            _widths[key] = width;
        }
        return width;
    }

    public void Dispose() => _measure.Dispose();
}
