using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace TheoryAI.Web.Export.Booklet;

/// <summary>
/// The booklet's typefaces: Noto Sans in four faces (SIL Open Font License, see Fonts/OFL.txt), shipped inside the
/// assembly. PDFsharp takes one resolver for the whole process, set before the first font is used; <see cref="Register"/>
/// sets it once, from any thread.
/// </summary>
public sealed class BookletFonts : IFontResolver
{
    public const string Family = "Noto Sans";

    private static readonly Lazy<BookletFonts> Instance = new(() =>
    {
        var fonts = new BookletFonts();
        GlobalFontSettings.FontResolver = fonts;
        return fonts;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    private BookletFonts()
    {
    }

    /// <summary>Makes PDFsharp resolve fonts from the booklet's own files. Safe to call any number of times.</summary>
    public static void Register() => _ = Instance.Value;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        // Every family name maps to Noto Sans: the booklet asks only for it, and nothing may fall back to host fonts.
        var face = (bold, italic) switch
        {
            (true, true) => "NotoSans-BoldItalic",
            (true, false) => "NotoSans-Bold",
            (false, true) => "NotoSans-Italic",
            _ => "NotoSans-Regular",
        };
        return new FontResolverInfo(face);
    }

    public byte[]? GetFont(string faceName) => _faces.GetOrAdd(faceName, static name =>
    {
        var resource = $"TheoryAI.Web.Export.Booklet.Fonts.{name}.ttf";
        using var stream = typeof(BookletFonts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The booklet font '{resource}' is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });
}
