using System.Text;

namespace TheoryAI.Web.Export.Calendar;

/// <summary>
/// Folding of iCalendar content lines (RFC 5545 3.1): at most 75 octets per line, continuation lines start with one
/// space, and a fold never falls inside a character. Ical.Net folds by octets too but can cut a surrogate pair in
/// two (an emoji in a title comes out as two U+FFFD), so the writer unfolds its output and folds it again here.
/// </summary>
public static class ContentLines
{
    public const int MaxOctets = 75;

    /// <summary>Undoes any folding: CRLF followed by one space or tab joins the lines.</summary>
    public static string Unfold(string text) =>
        text.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);

    /// <summary>Folds every line of <paramref name="text"/> (CRLF-separated) at <see cref="MaxOctets"/> octets of
    /// UTF-8, between characters; the result ends with CRLF.</summary>
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
            foreach (var rune in line.EnumerateRunes())
            {
                var size = rune.Utf8SequenceLength;
                if (octets + size > MaxOctets)
                {
                    output.Append("\r\n ");
                    octets = 1;
                }
                output.Append(rune.ToString());
                octets += size;
            }
            output.Append("\r\n");
        }
        return output.ToString();
    }
}
