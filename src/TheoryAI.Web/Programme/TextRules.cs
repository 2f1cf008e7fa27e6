using System.Globalization;
using System.Text;

namespace TheoryAI.Web.Programme;

/// <summary>
/// What text may be stored, for the admin forms and the seed alike. Line breaks as word processors and other systems
/// paste them (CR LF, CR, U+000B, U+000C, U+0085, U+2028, U+2029) become "\n" in multi-line text and a space in a
/// one-line field; any other control character (and a lone surrogate or a non-character) is refused, because the
/// feeds and the calendar cannot carry it.
/// </summary>
public static class TextRules
{
    public static string Normalise(string value, bool multiLine)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\r' && i + 1 < value.Length && value[i + 1] == '\n')
            {
                continue;
            }
            if (c is '\r' or '\n' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029')
            {
                text.Append(multiLine ? '\n' : ' ');
            }
            else if (c == '\t' && !multiLine)
            {
                text.Append(' ');
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }

    /// <summary>Why <paramref name="value"/> (already normalised) cannot be stored, or null when it can.</summary>
    public static string? Problem(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var pairedSurrogate = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            if (pairedSurrogate)
            {
                i++;
                continue;
            }
            if ((char.IsControl(c) && c is not ('\n' or '\t')) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                return $"contains an invisible control character (U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}) at position {i + 1}; remove it (retype the text around it) and save again";
            }
        }
        return null;
    }
}
