using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Xml;
using SkiaSharp;

namespace TheoryAI.Web.Programme;

/// <summary>Which image of the event: the logo (SVG or PNG) or the header image (JPEG, PNG or WebP).</summary>
public enum EventImageKind
{
    Logo,
    HeaderImage,
}

/// <summary>An image that passed <see cref="EventImageRules"/>: its bytes as given, their media type and hash.</summary>
public sealed record CheckedImage(byte[] Content, string MediaType, string Hash);

/// <summary>
/// The rules for the event's images, applied alike to the seed file and the admin form. The bytes decide the type, not
/// the file name or the declared type (as for speakers' photos, <c>Pages/Admin/Speakers/PhotoUpload.cs</c>): PNG, JPEG
/// and WebP must decode completely; an SVG must be well-formed XML with an &lt;svg&gt; root, no DTD, no
/// &lt;script&gt;, no on* event attributes and no reference outside itself. The bytes are kept as given, so a seed
/// file exported and imported again holds the same images.
/// </summary>
public static partial class EventImageRules
{
    public const string Svg = "image/svg+xml";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string WebP = "image/webp";

    public const long MaxLogoBytes = 1024 * 1024;
    public const long MaxHeaderImageBytes = 5 * 1024 * 1024;
    private const long MaxPixels = 40_000_000;

    public static long MaxBytes(EventImageKind kind) => kind == EventImageKind.Logo ? MaxLogoBytes : MaxHeaderImageBytes;

    /// <summary>"an SVG or PNG image", as the messages say what is accepted.</summary>
    public static string Accepted(EventImageKind kind) => kind == EventImageKind.Logo ? "an SVG or PNG image" : "a JPEG, PNG or WebP image";

    /// <summary>The types a file input offers.</summary>
    public static string AcceptAttribute(EventImageKind kind) =>
        kind == EventImageKind.Logo ? ".svg,.png,image/svg+xml,image/png" : "image/jpeg,image/png,image/webp";

    public static string ExtensionOf(string mediaType) => mediaType switch
    {
        Svg => "svg",
        Png => "png",
        Jpeg => "jpg",
        WebP => "webp",
        _ => "bin",
    };

    /// <summary>The image, or why it is refused (a sentence without the field's name; the caller puts it in front).</summary>
    public static (CheckedImage? Image, string? Problem) Check(EventImageKind kind, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return (null, $"the file is empty; choose {Accepted(kind)}");
        }
        var max = MaxBytes(kind);
        if (bytes.Length > max)
        {
            return (null, $"the file is {bytes.Length / 1024.0 / 1024.0:0.0} MB; at most {max / 1024 / 1024} MB");
        }
        var raster = RasterType(bytes);
        string? problem;
        string mediaType;
        if (raster is not null)
        {
            mediaType = raster;
            problem = kind == EventImageKind.Logo && raster != Png
                ? $"the file is a {ExtensionOf(raster).ToUpperInvariant()} image; the logo must be an SVG or PNG image"
                : RasterProblem(bytes);
        }
        else if (LooksLikeXml(bytes))
        {
            mediaType = Svg;
            problem = kind == EventImageKind.Logo ? SvgProblem(bytes) : "the header image must be a JPEG, PNG or WebP image, not SVG";
        }
        else
        {
            return (null, $"the file is not {Accepted(kind)}");
        }
        return problem is null ? (new CheckedImage(bytes, mediaType, HashOf(bytes)), null) : (null, problem);
    }

    /// <summary>A content hash: the image's key in the store and the version in its address.</summary>
    public static string HashOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];

    /// <summary>PNG, JPEG or WebP as the bytes say (Skia's codec, as for speakers' photos), else null.</summary>
    public static string? RasterType(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        return codec?.EncodedFormat switch
        {
            SKEncodedImageFormat.Png => Png,
            SKEncodedImageFormat.Jpeg => Jpeg,
            SKEncodedImageFormat.Webp => WebP,
            _ => null,
        };
    }

    private static string? RasterProblem(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return "the file could not be read as an image";
        }
        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            return "the image has too many pixels (at most 40 megapixels)";
        }
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        return codec.GetPixels(info, bitmap.GetPixels()) == SKCodecResult.Success
            ? null
            : "the image file is cut short or damaged; export it again";
    }

    private static bool LooksLikeXml(byte[] bytes)
    {
        var start = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 512)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return start.StartsWith('<');
    }

    /// <summary>Why an SVG is refused, or null. Shown in an &lt;img&gt; an SVG can do no harm, but it is also served at
    /// its own address, so whatever could run or fetch is refused outright.</summary>
    public static string? SvgProblem(byte[] bytes)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            var root = true;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    if (root)
                    {
                        if (reader.LocalName != "svg")
                        {
                            return $"the file is XML with a <{reader.LocalName}> root, not an SVG image (<svg> root)";
                        }
                        if (reader.NamespaceURI != "http://www.w3.org/2000/svg")
                        {
                            return "the <svg> root needs xmlns=\"http://www.w3.org/2000/svg\"";
                        }
                        root = false;
                    }
                    if (reader.LocalName.Equals("script", StringComparison.OrdinalIgnoreCase))
                    {
                        return "the SVG holds a <script> element; remove it";
                    }
                    if (reader.LocalName.Equals("foreignObject", StringComparison.OrdinalIgnoreCase))
                    {
                        return "the SVG holds a <foreignObject> element (HTML inside the image); remove it";
                    }
                    var element = reader.LocalName;
                    while (reader.MoveToNextAttribute())
                    {
                        if (reader.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase) && reader.Prefix != "xmlns")
                        {
                            return $"the SVG has an event attribute '{reader.LocalName}' on <{element}>; remove it";
                        }
                        if (reader.LocalName == "href" && !IsInternalReference(reader.Value))
                        {
                            return $"the SVG refers to '{Shorten(reader.Value)}' outside itself (on <{element}>); embed what it needs";
                        }
                        if (ExternalUrl().IsMatch(reader.Value))
                        {
                            return $"the SVG refers to a file outside itself with url(...) (on <{element}>); embed what it needs";
                        }
                    }
                    reader.MoveToElement();
                }
                else if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && (ExternalUrl().IsMatch(reader.Value) || reader.Value.Contains("@import", StringComparison.OrdinalIgnoreCase)))
                {
                    return "the SVG's style refers to a file outside itself (url(...) or @import); embed what it needs";
                }
            }
            return root ? "the file holds no <svg> element" : null;
        }
        catch (XmlException e)
        {
            return $"the file is not well-formed SVG (XML): {e.Message}";
        }
    }

    /// <summary>A fragment of the same file ("#gradient") or an embedded raster image; nothing fetched from elsewhere.</summary>
    private static bool IsInternalReference(string value)
    {
        var v = value.Trim();
        return v.StartsWith('#') || DataImage().IsMatch(v);
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";

    [GeneratedRegex(@"^data:image/(png|jpeg|webp|gif);base64,", RegexOptions.IgnoreCase)]
    private static partial Regex DataImage();

    /// <summary>url(...) with anything but a fragment inside.</summary>
    [GeneratedRegex(@"url\(\s*['""]?\s*(?!#)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();
}
