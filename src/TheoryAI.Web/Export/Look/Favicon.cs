using System.Globalization;
using System.Security;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Look;

/// <summary>/favicon.svg: a rounded square in the accent colour with the short name's initials in white (no logo in
/// it: a logo rarely reads at 16 pixels, and an uploaded SVG is never copied into another document).</summary>
public static class Favicon
{
    public const string MediaType = "image/svg+xml";

    public static string Svg(EventLook look)
    {
        var initials = look.Initials;
        // Fewer letters, larger type: legible at 16 pixels.
        var size = initials.Length switch { 1 => 20, 2 => 16, 3 => 13, _ => 11 };
        var baseline = 16 + size * 0.36;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">"
            + $"<rect width=\"32\" height=\"32\" rx=\"6\" fill=\"{look.Accent}\"/>"
            + $"<text x=\"16\" y=\"{baseline.ToString("0.#", CultureInfo.InvariantCulture)}\" font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\" "
            + $"font-size=\"{size}\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#ffffff\">{SecurityElement.Escape(initials)}</text>"
            + "</svg>\n";
    }
}
