using System.Globalization;

namespace TheoryAI.Web.Export.Booklet.Layout;

/// <summary>A stretch of one style on a line, at <see cref="X"/> from the line's start.</summary>
public sealed record Fragment(string Text, TextStyle Style, Link? Link, double X, double Width);

/// <summary>One laid-out line: its fragments, the width they use, its height and where its baseline sits.</summary>
public sealed record Line(IReadOnlyList<Fragment> Fragments, double Width, double Height, double Baseline);

/// <summary>
/// Greedy line breaking of styled runs. Breaks at spaces; a word wider than the line (a long URL, a formula) is broken
/// between characters, so nothing ever runs past the right edge.
/// </summary>
public static class LineBreaker
{
    private const double Tolerance = 0.01;

    private abstract record Item;
    private sealed record Word(List<Piece> Pieces) : Item;
    private sealed record Space(TextStyle Style, Link? Link) : Item;
    private sealed record HardBreak(TextStyle Style) : Item;
    private sealed record Piece(string Text, TextStyle Style, Link? Link);

    public static IReadOnlyList<Line> Break(IReadOnlyList<Run> runs, FontBook fonts, double width, double lineSpacing)
    {
        var fallback = runs.Count > 0 ? runs[0].Style : new TextStyle(10);
        var builder = new LineBuilder(fonts, lineSpacing, fallback);
        var items = Tokenize(runs);
        Space? pendingSpace = null;
        foreach (var item in items)
        {
            switch (item)
            {
                case HardBreak hard:
                    builder.Finish(hard.Style);
                    pendingSpace = null;
                    break;
                case Space space:
                    if (!builder.IsEmpty)
                    {
                        pendingSpace = space;
                    }
                    break;
                case Word word:
                    var wordWidth = word.Pieces.Sum(p => fonts.Width(p.Text, p.Style));
                    var spaceWidth = pendingSpace is not null && !builder.IsEmpty ? fonts.Width(" ", pendingSpace.Style) : 0;
                    if (builder.X + spaceWidth + wordWidth <= width + Tolerance)
                    {
                        if (spaceWidth > 0)
                        {
                            var link = pendingSpace!.Link is not null && pendingSpace.Link == word.Pieces[0].Link ? pendingSpace.Link : null;
                            builder.Add(" ", pendingSpace.Style, link, spaceWidth);
                        }
                        AddPieces(builder, word.Pieces, fonts);
                    }
                    else if (!builder.IsEmpty && wordWidth <= width + Tolerance)
                    {
                        builder.Finish(fallback);
                        AddPieces(builder, word.Pieces, fonts);
                    }
                    else
                    {
                        if (!builder.IsEmpty)
                        {
                            builder.Finish(fallback);
                        }
                        AddBrokenWord(builder, word.Pieces, fonts, width);
                    }
                    pendingSpace = null;
                    break;
            }
        }
        if (!builder.IsEmpty || builder.Lines.Count == 0)
        {
            builder.Finish(fallback);
        }
        return builder.Lines;
    }

    private static void AddPieces(LineBuilder builder, List<Piece> pieces, FontBook fonts)
    {
        foreach (var piece in pieces)
        {
            builder.Add(piece.Text, piece.Style, piece.Link, fonts.Width(piece.Text, piece.Style));
        }
    }

    /// <summary>Places a word too long for any line, character by character, starting new lines as they fill.</summary>
    private static void AddBrokenWord(LineBuilder builder, List<Piece> pieces, FontBook fonts, double width)
    {
        foreach (var piece in pieces)
        {
            var elements = StringInfo.GetTextElementEnumerator(piece.Text);
            while (elements.MoveNext())
            {
                var element = elements.GetTextElement();
                var elementWidth = fonts.Width(element, piece.Style);
                if (!builder.IsEmpty && builder.X + elementWidth > width + Tolerance)
                {
                    builder.Finish(piece.Style);
                }
                builder.Add(element, piece.Style, piece.Link, elementWidth);
            }
        }
    }

    private static List<Item> Tokenize(IReadOnlyList<Run> runs)
    {
        var items = new List<Item>();
        List<Piece>? word = null;
        foreach (var run in runs)
        {
            var text = run.Text.Replace("\r\n", "\n", StringComparison.Ordinal);
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                var atEnd = i == text.Length;
                var c = atEnd ? '\0' : text[i];
                var isSpace = !atEnd && (c == ' ' || c == '\t' || c == '\r');
                // Every kind of line break ends the line: a word processor pastes U+000B (VT) for one.
                var isBreak = !atEnd && c is '\n' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029';
                if (!atEnd && !isSpace && !isBreak)
                {
                    continue;
                }
                if (i > start)
                {
                    word ??= [];
                    word.Add(new Piece(text[start..i], run.Style, run.Link));
                }
                if (isSpace || isBreak)
                {
                    if (word is not null)
                    {
                        items.Add(new Word(word));
                        word = null;
                    }
                    items.Add(isBreak ? new HardBreak(run.Style) : new Space(run.Style, run.Link));
                }
                start = i + 1;
            }
        }
        if (word is not null)
        {
            items.Add(new Word(word));
        }
        return items;
    }

    private sealed class LineBuilder(FontBook fonts, double lineSpacing, TextStyle fallback)
    {
        private List<Fragment> _fragments = [];

        public List<Line> Lines { get; } = [];
        public double X { get; private set; }
        public bool IsEmpty => _fragments.Count == 0;

        public void Add(string text, TextStyle style, Link? link, double width)
        {
            if (_fragments.Count > 0 && _fragments[^1] is var last && last.Style == style && last.Link == link)
            {
                _fragments[^1] = last with { Text = last.Text + text, Width = last.Width + width };
            }
            else
            {
                _fragments.Add(new Fragment(text, style, link, X, width));
            }
            X += width;
        }

        public void Finish(TextStyle emptyStyle)
        {
            var sizes = _fragments.Count > 0 ? _fragments.Select(f => f.Style.Size).ToList() : [_fragments.Count == 0 ? emptyStyle.Size : fallback.Size];
            var size = sizes.Max();
            var height = size * lineSpacing;
            var glyphs = size * (fonts.AscentRatio + fonts.DescentRatio);
            var baseline = (height - glyphs) / 2 + size * fonts.AscentRatio;
            Lines.Add(new Line(_fragments, X, height, baseline));
            _fragments = [];
            X = 0;
        }
    }
}
