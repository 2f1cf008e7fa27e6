using System.Collections.Concurrent;
using System.Text;
using PdfSharp.Fonts;

namespace TheoryAI.Web.Export.Booklet;

/// <summary>
/// The booklet's typefaces (SIL Open Font License, see Fonts/OFL.txt), shipped inside the assembly: Noto Sans in four
/// faces for the text, and two fallbacks used character by character where Noto Sans has no glyph: Noto Sans Math
/// (∞ ≈ ≤ → ∑ ∫ ∇ ⟨ ⟩ ⊗ ...) and Noto Sans Symbols 2 (arrows, shapes, technical symbols). The fallbacks exist in
/// Regular only, so such characters stay upright and regular inside bold or italic text. PDFsharp takes one resolver
/// for the whole process, set before the first font is used; <see cref="Register"/> sets it once, from any thread.
/// </summary>
public sealed class BookletFonts : IFontResolver
{
    public const string Family = "Noto Sans";
    public const string MathFamily = "Noto Sans Math";
    public const string SymbolsFamily = "Noto Sans Symbols 2";

    /// <summary>The families tried for a character, in order.</summary>
    public static readonly IReadOnlyList<string> Families = [Family, MathFamily, SymbolsFamily];

    private static readonly Lazy<BookletFonts> Instance = new(() =>
    {
        var fonts = new BookletFonts();
        GlobalFontSettings.FontResolver = fonts;
        return fonts;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly ConcurrentDictionary<string, byte[]> Faces = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, GlyphCoverage> Coverage = new(StringComparer.Ordinal);

    private BookletFonts()
    {
    }

    /// <summary>Makes PDFsharp resolve fonts from the booklet's own files. Safe to call any number of times.</summary>
    public static void Register() => _ = Instance.Value;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(FaceName(familyName, bold, italic));

    /// <summary>The file (without extension) that draws <paramref name="family"/> in this weight and slant. Any family
    /// but the fallbacks maps to Noto Sans: nothing may fall back to host fonts.</summary>
    public static string FaceName(string family, bool bold, bool italic) => family switch
    {
        MathFamily => "NotoSansMath-Regular",
        SymbolsFamily => "NotoSansSymbols2-Regular",
        _ => (bold, italic) switch
        {
            (true, true) => "NotoSans-BoldItalic",
            (true, false) => "NotoSans-Bold",
            (false, true) => "NotoSans-Italic",
            _ => "NotoSans-Regular",
        },
    };

    public byte[]? GetFont(string faceName) => Face(faceName);

    private static byte[] Face(string faceName) => Faces.GetOrAdd(faceName, static name =>
    {
        var resource = $"TheoryAI.Web.Export.Booklet.Fonts.{name}.ttf";
        using var stream = typeof(BookletFonts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The booklet font '{resource}' is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    private static GlyphCoverage CoverageOf(string faceName) =>
        Coverage.GetOrAdd(faceName, static name => GlyphCoverage.FromFont(Face(name)));

    /// <summary>Whether the face of <paramref name="family"/> in this weight and slant has a glyph for the character.</summary>
    public static bool Covers(string family, bool bold, bool italic, Rune rune) =>
        CoverageOf(FaceName(family, bold, italic)).Contains(rune.Value);

    /// <summary>The family that draws <paramref name="rune"/>: Noto Sans if it can, else the first fallback that can,
    /// else Noto Sans (which prints its "missing glyph" box; <see cref="MissingCharacters"/> reports such characters).</summary>
    public static string FamilyFor(Rune rune, bool bold, bool italic)
    {
        if (rune.Value < 0x80 || Rune.IsWhiteSpace(rune) || Covers(Family, bold, italic, rune))
        {
            return Family;
        }
        foreach (var fallback in Families.Skip(1))
        {
            if (Covers(fallback, false, false, rune))
            {
                return fallback;
            }
        }
        return Family;
    }

    /// <summary>Characters of <paramref name="text"/> that no shipped font can print (in order of first appearance, each
    /// once), for a warning to the organizer who saves the text: they would print as empty boxes. White space and
    /// control characters are not counted, and neither are zero-width joiners and variation selectors
    /// that only modify the character before them.</summary>
    public static IReadOnlyList<string> MissingCharacters(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        var missing = new List<string>();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune) || IsModifier(rune))
            {
                continue;
            }
            if (Families.Any(f => Covers(f, false, false, rune)))
            {
                continue;
            }
            var character = rune.ToString();
            if (!missing.Contains(character))
            {
                missing.Add(character);
            }
        }
        return missing;
    }

    private static bool IsModifier(Rune rune) =>
        rune.Value is 0x200C or 0x200D or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF)
        || Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.Format;
}
