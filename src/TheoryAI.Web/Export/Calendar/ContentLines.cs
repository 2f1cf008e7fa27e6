using System.Text;

namespace TheoryAI.Web.Export.Calendar;

/// <summary>
/// Folding of iCalendar content lines (RFC 5545 3.1): at most 75 octets per line, continuation lines start with one
/// space. A fold falls only between characters (never inside a UTF-8 sequence or a surrogate pair) and never inside
/// an escape sequence (<c>\n</c>, <c>\,</c>, <c>\;</c>, <c>\\</c>): RFC 5545 allows both, but Google Calendar is
/// reported to drop, and SOGo to misread, an event whose escape is cut in two. Ical.Net folds by octets and can cut
/// both, so the writer unfolds its output and folds it again here.
/// <para>Control characters (RFC 5545 forbids all but HTAB in a value) never reach the output: a writer encodes what
/// it is given and must not fail on stored text, so any that reach the folder are dropped.</para>
/// </summary>
public static class ContentLines
{
    public const int MaxOctets = 75;

    /// <summary>Undoes any folding: CRLF followed by one space or tab joins the lines.</summary>
    public static string Unfold(string text) =>
        text.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);

    /// <summary>Folds every line of <paramref name="text"/> (CRLF-separated) at <see cref="MaxOctets"/> octets of
    /// UTF-8, between characters and outside escape sequences; the result ends with CRLF.</summary>
    public static string Fold(string text)
    {
        var output = new StringBuilder(text.Length + text.Length / 70 * 3);
        foreach (var line in Unfold(text).Split("\r\n"))
        {
            if (line.Length == 0)
            {
                continue;
            }
            var octets = 0;
            var unit = new StringBuilder(4);
            var escaping = false;
            foreach (var rune in line.EnumerateRunes())
            {
                if (IsForbiddenControl(rune))
                {
                    continue;
                }
                unit.Append(rune.ToString());
                // A backslash and the character after it are one unit: the fold goes before or after both.
                if (!escaping && rune.Value == '\\')
                {
                    escaping = true;
                    continue;
                }
                escaping = false;
                var size = Encoding.UTF8.GetByteCount(unit.ToString());
                if (octets + size > MaxOctets)
                {
                    output.Append("\r\n ");
                    octets = 1;
                }
                output.Append(unit);
                octets += size;
                unit.Clear();
            }
            // A trailing lone backslash (not valid in a value, but never lose it).
            if (unit.Length > 0)
            {
                if (octets + unit.Length > MaxOctets)
                {
                    output.Append("\r\n ");
                }
                output.Append(unit);
            }
            output.Append("\r\n");
        }
        return output.ToString();
    }

    /// <summary>U+0000 to U+001F except HTAB, and U+007F: not allowed anywhere in a content line.</summary>
    public static bool IsForbiddenControl(Rune rune) =>
        (rune.Value < 0x20 && rune.Value != '\t') || rune.Value == 0x7F;
}
