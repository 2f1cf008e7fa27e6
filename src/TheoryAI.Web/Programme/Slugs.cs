using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TheoryAI.Web.Programme;

/// <summary>The one way names become address parts (speaker pages, calendar UIDs, frab slugs).</summary>
public static partial class Slugs
{
    /// <summary>Lower-case ASCII letters and digits, accents dropped, runs of anything else as one hyphen:
    /// "Léa Müller-Ortiz" becomes "lea-muller-ortiz".</summary>
    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        return builder.ToString().TrimEnd('-');
    }

    /// <summary>Whether <paramref name="slug"/> is one <see cref="From"/> could make.</summary>
    public static bool IsValid(string slug) => Pattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();
}
