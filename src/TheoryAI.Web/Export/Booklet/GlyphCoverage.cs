using System.Buffers.Binary;

namespace TheoryAI.Web.Export.Booklet;

/// <summary>
/// Which Unicode code points a TrueType/OpenType font maps to a glyph, read from its <c>cmap</c> table (formats 4 and
/// 12, the Unicode subtables every Noto font carries). The booklet uses it to pick, character by character, the first
/// shipped face that can draw it.
/// </summary>
public sealed class GlyphCoverage
{
    private readonly (int First, int Last)[] _ranges;

    private GlyphCoverage((int First, int Last)[] ranges) => _ranges = ranges;

    public bool Contains(int codePoint)
    {
        int low = 0, high = _ranges.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var (first, last) = _ranges[middle];
            if (codePoint < first)
            {
                high = middle - 1;
            }
            else if (codePoint > last)
            {
                low = middle + 1;
            }
            else
            {
                return true;
            }
        }
        return false;
    }

    public static GlyphCoverage FromFont(ReadOnlySpan<byte> font)
    {
        var cmap = FindTable(font, "cmap") ?? throw new InvalidDataException("The font has no cmap table.");
        var table = font[cmap..];
        var count = BinaryPrimitives.ReadUInt16BigEndian(table[2..]);
        var ranges = new List<(int First, int Last)>();
        for (var i = 0; i < count; i++)
        {
            var record = table[(4 + 8 * i)..];
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(record[2..]);
            var unicode = platform == 0 || (platform == 3 && encoding is 1 or 10);
            if (!unicode)
            {
                continue;
            }
            var subtable = table[(int)BinaryPrimitives.ReadUInt32BigEndian(record[4..])..];
            switch (BinaryPrimitives.ReadUInt16BigEndian(subtable))
            {
                case 4:
                    ReadFormat4(subtable, ranges);
                    break;
                case 12:
                    ReadFormat12(subtable, ranges);
                    break;
            }
        }
        return new GlyphCoverage(Merge(ranges));
    }

    private static int? FindTable(ReadOnlySpan<byte> font, string tag)
    {
        var tables = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        for (var i = 0; i < tables; i++)
        {
            var entry = font[(12 + 16 * i)..];
            if (entry[0] == tag[0] && entry[1] == tag[1] && entry[2] == tag[2] && entry[3] == tag[3])
            {
                return (int)BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
            }
        }
        return null;
    }

    /// <summary>Segments of 16-bit code points; a segment maps to glyphs unless its glyph ids resolve to 0 (checked
    /// for id-range-offset segments, where fonts leave holes).</summary>
    private static void ReadFormat4(ReadOnlySpan<byte> table, List<(int, int)> ranges)
    {
        var segments = BinaryPrimitives.ReadUInt16BigEndian(table[6..]) / 2;
        var ends = 14;
        var starts = ends + 2 * segments + 2;
        var offsets = starts + 4 * segments;
        for (var s = 0; s < segments; s++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(table[(ends + 2 * s)..]);
            int start = BinaryPrimitives.ReadUInt16BigEndian(table[(starts + 2 * s)..]);
            int rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(table[(offsets + 2 * s)..]);
            if (start == 0xFFFF)
            {
                continue;
            }
            if (rangeOffset == 0)
            {
                ranges.Add((start, end));
                continue;
            }
            for (var c = start; c <= end; c++)
            {
                var at = offsets + 2 * s + rangeOffset + 2 * (c - start);
                if (at + 2 <= table.Length && BinaryPrimitives.ReadUInt16BigEndian(table[at..]) != 0)
                {
                    ranges.Add((c, c));
                }
            }
        }
    }

    private static void ReadFormat12(ReadOnlySpan<byte> table, List<(int, int)> ranges)
    {
        var groups = (int)BinaryPrimitives.ReadUInt32BigEndian(table[12..]);
        for (var g = 0; g < groups; g++)
        {
            var group = table[(16 + 12 * g)..];
            ranges.Add(((int)BinaryPrimitives.ReadUInt32BigEndian(group), (int)BinaryPrimitives.ReadUInt32BigEndian(group[4..])));
        }
    }

    private static (int First, int Last)[] Merge(List<(int First, int Last)> ranges)
    {
        var merged = new List<(int First, int Last)>();
        foreach (var range in ranges.OrderBy(r => r.First))
        {
            if (merged.Count > 0 && range.First <= merged[^1].Last + 1)
            {
                merged[^1] = (merged[^1].First, Math.Max(merged[^1].Last, range.Last));
            }
            else
            {
                merged.Add(range);
            }
        }
        return [.. merged];
    }
}
