using System.Security.Cryptography;
using System.Text;
using SkiaSharp;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Look;

/// <summary>
/// The event's raster images, drawn with SkiaSharp in the booklet's fonts (Noto Sans, inside the assembly): the 1200x630
/// share image (/og-image.png: the accent, the name, the tagline, the dates and the place, the logo when it is a PNG)
/// and the 180x180 touch icon (/favicon.png: the favicon's initials, or the PNG logo). An SVG logo is left out of both:
/// the SVG renderer for SkiaSharp (Svg.Skia 5) needs a newer SkiaSharp than the site uses.
/// </summary>
public static class ShareImage
{
    public const int Width = 1200;
    public const int Height = 630;
    public const int IconSize = 180;
    public const string MediaType = "image/png";

    private static readonly Lazy<SKTypeface> Regular = new(() => Typeface("NotoSans-Regular"));
    private static readonly Lazy<SKTypeface> Bold = new(() => Typeface("NotoSans-Bold"));

    /// <summary>What the share image shows, hashed: the version in its address.</summary>
    public static string Version(EventInfo ev) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{ev.Name}|{ev.StartDate:O}|{ev.EndDate:O}|{ev.Venue}|{ev.Look.Version}")))[..16];

    /// <param name="ev">The event.</param>
    /// <param name="logoPng">The logo's bytes when it is a PNG; otherwise null.</param>
    public static byte[] Render(EventInfo ev, byte[]? logoPng)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColor.Parse(ev.Look.Accent));
        const float margin = 80;
        const float textWidth = Width - 2 * margin;
        var y = margin;

        using (var logo = Decode(logoPng))
        {
            if (logo is not null)
            {
                var scale = Math.Min(Math.Min(110f / logo.Height, 360f / logo.Width), 1f);
                var rect = SKRect.Create(margin, y, logo.Width * scale, logo.Height * scale);
                canvas.DrawImage(logo, rect, new SKSamplingOptions(SKCubicResampler.Mitchell));
                y += rect.Height + 36;
            }
        }

        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var soft = new SKPaint { Color = SKColors.White.WithAlpha(230), IsAntialias = true };
        // The name as large as fits in three lines.
        var nameSize = 68f;
        List<string> nameLines;
        while (true)
        {
            using var probe = new SKFont(Bold.Value, nameSize);
            nameLines = Wrap(ev.Name, probe, textWidth);
            if (nameLines.Count <= 3 || nameSize <= 40)
            {
                break;
            }
            nameSize -= 6;
        }
        using (var nameFont = new SKFont(Bold.Value, nameSize) { Subpixel = true })
        {
            y = DrawLines(canvas, nameLines.Take(3).ToList(), nameFont, white, margin, y, 1.15f);
        }
        if (ev.Look.Tagline is { } tagline)
        {
            using var taglineFont = new SKFont(Regular.Value, 32) { Subpixel = true };
            y = DrawLines(canvas, Wrap(tagline, taglineFont, textWidth).Take(2).ToList(), taglineFont, soft, margin, y + 18, 1.3f);
        }
        using (var footFont = new SKFont(Regular.Value, 28) { Subpixel = true })
        {
            var foot = Wrap($"{Display.DateRange(ev.StartDate, ev.EndDate)} · {ev.Venue}", footFont, textWidth);
            var lines = foot.Take(2).ToList();
            var top = Height - margin - lines.Count * 28 * 1.3f + 28 * 0.3f;
            DrawLines(canvas, lines, footFont, white, margin, Math.Max(top, y + 24), 1.3f);
        }
        return Encode(surface);
    }

    /// <summary>The 180x180 touch icon: the PNG logo centred on white, else the accent with the initials.</summary>
    public static byte[] TouchIcon(EventLook look, byte[]? logoPng)
    {
        using var surface = SKSurface.Create(new SKImageInfo(IconSize, IconSize, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        using var logo = Decode(logoPng);
        if (logo is not null)
        {
            canvas.Clear(SKColors.White);
            var scale = Math.Min(150f / logo.Width, 150f / logo.Height);
            var (w, h) = (logo.Width * scale, logo.Height * scale);
            canvas.DrawImage(logo, SKRect.Create((IconSize - w) / 2, (IconSize - h) / 2, w, h), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
        else
        {
            // Home screens round the corners themselves: a full square.
            canvas.Clear(SKColor.Parse(look.Accent));
            var initials = look.Initials;
            using var font = new SKFont(Bold.Value, initials.Length switch { 1 => 110, 2 => 88, 3 => 68, _ => 54 }) { Subpixel = true };
            using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
            var width = font.MeasureText(initials);
            font.GetFontMetrics(out var metrics);
            var baseline = IconSize / 2f - (metrics.Ascent + metrics.Descent) / 2f;
            canvas.DrawText(initials, (IconSize - width) / 2, baseline, SKTextAlign.Left, font, white);
        }
        return Encode(surface);
    }

    private static float DrawLines(SKCanvas canvas, List<string> lines, SKFont font, SKPaint paint, float x, float top, float spacing)
    {
        var y = top;
        foreach (var line in lines)
        {
            y += font.Size;
            canvas.DrawText(line, x, y, SKTextAlign.Left, font, paint);
            y += font.Size * (spacing - 1);
        }
        return y;
    }

    /// <summary>Greedy word wrap; a word longer than the line is cut with an ellipsis.</summary>
    private static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (font.MeasureText(candidate) <= width)
            {
                line = candidate;
                continue;
            }
            if (line.Length > 0)
            {
                lines.Add(line);
            }
            line = word;
            while (font.MeasureText(line) > width && line.Length > 1)
            {
                line = line[..^2] + "…";
            }
        }
        if (line.Length > 0)
        {
            lines.Add(line);
        }
        return lines;
    }

    private static SKImage? Decode(byte[]? png) => png is null ? null : SKImage.FromEncodedData(png);

    private static byte[] Encode(SKSurface surface)
    {
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static SKTypeface Typeface(string name)
    {
        var resource = $"TheoryAI.Web.Export.Booklet.Fonts.{name}.ttf";
        using var stream = typeof(ShareImage).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The font '{resource}' is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return SKTypeface.FromData(SKData.CreateCopy(copy.ToArray()))
            ?? throw new InvalidOperationException($"The font '{resource}' could not be read.");
    }
}
