using System.Text;
using SkiaSharp;

namespace TheoryAI.Tests.Pages.Speakers;

/// <summary>Images made for the upload tests: real encodings from SkiaSharp, with EXIF spliced in where a test needs it.</summary>
public static class TestImages
{
    public const string CameraModel = "SecretCam 9000 serial 42";

    public static byte[] Encode(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(SKColors.SteelBlue);
        using var paint = new SKPaint { Color = SKColors.Orange };
        // An orange block in the top-left corner shows which way up the result is.
        surface.Canvas.DrawRect(0, 0, width / 4f, height / 4f, paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A JPEG carrying an EXIF block with a camera model and an orientation (6: the camera was turned a quarter).</summary>
    public static byte[] JpegWithExif(int width, int height, ushort orientation = 6)
    {
        var jpeg = Encode(width, height);
        var model = Encoding.ASCII.GetBytes(CameraModel + "\0");
        var tiff = new List<byte> { 0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, 0x00, 0x02 };
        // Model (0x0110), ASCII, its text after the IFD (offset 38).
        tiff.AddRange([0x01, 0x10, 0x00, 0x02, .. BigEndian32(model.Length), .. BigEndian32(38)]);
        // Orientation (0x0112), SHORT, one value.
        tiff.AddRange([0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, (byte)(orientation >> 8), (byte)orientation, 0x00, 0x00]);
        tiff.AddRange([0x00, 0x00, 0x00, 0x00]);
        tiff.AddRange(model);
        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff).ToArray();
        var length = payload.Length + 2;
        var app1 = new byte[] { 0xFF, 0xE1, (byte)(length >> 8), (byte)length }.Concat(payload);
        return jpeg.Take(2).Concat(app1).Concat(jpeg.Skip(2)).ToArray();
    }

    private static byte[] BigEndian32(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    public static bool Contains(byte[] haystack, string text)
    {
        var needle = Encoding.ASCII.GetBytes(text);
        return haystack.AsSpan().IndexOf(needle) >= 0;
    }
}
