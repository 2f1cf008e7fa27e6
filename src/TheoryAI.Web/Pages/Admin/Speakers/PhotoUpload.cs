using System.Security.Cryptography;
using SkiaSharp;

namespace TheoryAI.Web.Pages.Admin.Speakers;

/// <summary>A photo ready to store: decoded, turned upright, scaled down and encoded afresh as JPEG, so nothing of
/// the uploaded file but its pixels survives (no EXIF, GPS, camera or editing metadata).</summary>
public sealed record ProcessedPhoto(byte[] Content, string ContentType, int Width, int Height, string Hash);

/// <summary>Checks and converts an organizer's upload. Every refusal is a sentence for the form, never an exception.</summary>
public static class PhotoUpload
{
    public const long MaxBytes = 5 * 1024 * 1024;
    /// <summary>The longest side of a stored photo, in pixels: twice the largest size a page shows it at.</summary>
    public const int MaxSide = 640;
    private const int MaxSourcePixels = 40_000_000;

    public static readonly IReadOnlyList<string> AcceptedTypes = ["image/jpeg", "image/png", "image/webp"];

    /// <summary>The processed photo, or the message for the form.</summary>
    public static (ProcessedPhoto? Photo, string? Problem) Process(IFormFile file)
    {
        if (file.Length == 0)
        {
            return (null, "Photo: the file is empty. Choose a JPEG, PNG or WebP image.");
        }
        if (file.Length > MaxBytes)
        {
            return (null, $"Photo: the file is {file.Length / 1024.0 / 1024.0:0.0} MB; at most {MaxBytes / 1024 / 1024} MB.");
        }
        if (!AcceptedTypes.Contains(file.ContentType, StringComparer.OrdinalIgnoreCase))
        {
            return (null, "Photo: only JPEG, PNG or WebP images are accepted.");
        }
        using var memory = new MemoryStream();
        using (var upload = file.OpenReadStream())
        {
            upload.CopyTo(memory);
        }
        return Process(memory.ToArray());
    }

    public static (ProcessedPhoto? Photo, string? Problem) Process(byte[] bytes)
    {
        const string unreadable = "Photo: the file could not be read as an image. Choose a JPEG, PNG or WebP image.";
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        // The bytes decide, not the name or the declared type.
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
        {
            return (null, unreadable);
        }
        if ((long)codec.Info.Width * codec.Info.Height > MaxSourcePixels)
        {
            return (null, "Photo: the image has too many pixels (at most 40 megapixels).");
        }
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return (null, unreadable);
        }
        if (result == SKCodecResult.IncompleteInput)
        {
            return (null, "Photo: the image file is cut short or damaged. Export it again and upload the new file.");
        }
        using var upright = Upright(decoded, codec.EncodedOrigin);
        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(upright.Width, upright.Height));
        var width = Math.Max(1, (int)Math.Round(upright.Width * scale));
        var height = Math.Max(1, (int)Math.Round(upright.Height * scale));
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        // JPEG has no transparency: a transparent PNG lands on white, not black.
        canvas.Clear(SKColors.White);
        using var source = SKImage.FromBitmap(upright);
        canvas.DrawImage(source, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var image = surface.Snapshot();
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        var content = encoded.ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(content))[..16];
        return (new ProcessedPhoto(content, "image/jpeg", width, height, hash), null);
    }

    /// <summary>Applies the EXIF orientation, which re-encoding would otherwise drop, leaving phone photos on their side.</summary>
    private static SKBitmap Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var w = swap ? bitmap.Height : bitmap.Width;
        var h = swap ? bitmap.Width : bitmap.Height;
        var rotated = new SKBitmap(new SKImageInfo(w, h, bitmap.ColorType, bitmap.AlphaType));
        using var canvas = new SKCanvas(rotated);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, w / 2f, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, w / 2f, h / 2f); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, h / 2f); break;
            case SKEncodedOrigin.LeftTop: canvas.Translate(w, 0); canvas.RotateDegrees(90); canvas.Scale(1, -1, 0, bitmap.Height / 2f); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(w, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(w, 0); canvas.RotateDegrees(90); canvas.Scale(-1, 1, bitmap.Width / 2f, 0); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, h); canvas.RotateDegrees(270); break;
        }
        canvas.DrawBitmap(bitmap, 0, 0);
        return rotated;
    }
}
