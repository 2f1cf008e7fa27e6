using System.Globalization;

namespace TheoryAI.Web.Programme;

/// <summary>
/// The event's accent colour and the contrast rule it must pass (WCAG 2.x relative luminance). The accent is link text
/// on the page (white) and on the header's grey, and the background of buttons under white text: below 4.5:1 against
/// any of them it is refused. Dark mode gets its own accent, mixed towards white until it reads on the dark background
/// and its soft surface and under the dark text of buttons.
/// </summary>
public static class AccentColour
{
    /// <summary>The site's accent when organizers have not chosen one.</summary>
    public const string Default = "#1d4f91";

    /// <summary>WCAG 2.x AA for normal text.</summary>
    public const double MinimumContrast = 4.5;

    /// <summary>What the accent is read against in the light scheme, as the messages name them.</summary>
    public static readonly IReadOnlyList<(string Name, string Colour)> LightBackgrounds =
    [
        ("white", "#ffffff"),
        ("the header's grey #f3f5f8", "#f3f5f8"),
    ];

    /// <summary>The dark scheme's background, its soft surface, and the dark text it puts on accent-coloured buttons.</summary>
    public static readonly IReadOnlyList<string> DarkSurroundings = ["#14171c", "#1e232a", "#0b1220"];

    /// <summary>The text colour of accent-coloured buttons in the dark scheme.</summary>
    public const string DarkForeground = "#0b1220";

    /// <summary>The colour as lower-case #rrggbb, or null when <paramref name="text"/> is not one.</summary>
    public static string? Normalise(string? text)
    {
        var value = text?.Trim();
        if (value is not { Length: 7 } || value[0] != '#' || !value.Skip(1).All(char.IsAsciiHexDigit))
        {
            return null;
        }
        return value.ToLowerInvariant();
    }

    /// <summary>Why the text is not an acceptable accent (no field name: the caller puts its own in front), or null.</summary>
    public static string? Problem(string? text)
    {
        var colour = Normalise(text);
        if (colour is null)
        {
            return $"'{text?.Trim()}' is not a colour in the form #rrggbb (e.g. #0f5e6e)";
        }
        var failing = LightBackgrounds
            .Select(b => (b.Name, Ratio: Contrast(colour, b.Colour)))
            .Where(b => b.Ratio < MinimumContrast)
            .Select(b => $"{Ratio(b.Ratio)} against {b.Name}")
            .ToList();
        return failing.Count == 0 ? null
            : $"{colour} has a contrast of {string.Join(" and ", failing)} (WCAG AA needs 4.5:1); choose a darker colour";
    }

    /// <summary>"3.1:1": cut, not rounded, so a ratio just under 4.5 never reads as 4.5.</summary>
    public static string Ratio(double ratio) =>
        (Math.Floor(ratio * 10) / 10).ToString("0.0", CultureInfo.InvariantCulture) + ":1";

    /// <summary>The WCAG contrast ratio of two #rrggbb colours, 1 to 21.</summary>
    public static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>WCAG 2.x relative luminance of a #rrggbb colour.</summary>
    public static double Luminance(string colour)
    {
        var (r, g, b) = Channels(colour);
        return 0.2126 * Linear(r) + 0.7152 * Linear(g) + 0.0722 * Linear(b);
    }

    /// <summary>
    /// The accent for the dark scheme: <paramref name="accent"/> mixed towards white in steps of 1% until it has 4.5:1
    /// against the dark background, its soft surface and the buttons' dark text (white has 15:1 or more against each).
    /// </summary>
    public static string OnDark(string accent)
    {
        var (r, g, b) = Channels(accent);
        for (var step = 0; step <= 100; step++)
        {
            var t = step / 100.0;
            var mixed = Hex(Mix(r, t), Mix(g, t), Mix(b, t));
            if (DarkSurroundings.All(d => Contrast(mixed, d) >= MinimumContrast))
            {
                return mixed;
            }
        }
        return "#ffffff";
    }

    private static int Mix(int channel, double towardsWhite) => (int)Math.Round(channel + (255 - channel) * towardsWhite);

    private static string Hex(int r, int g, int b) => $"#{r:x2}{g:x2}{b:x2}";

    private static (int R, int G, int B) Channels(string colour)
    {
        var value = Normalise(colour) ?? throw new ArgumentException($"'{colour}' is not a #rrggbb colour.", nameof(colour));
        return (Convert.ToInt32(value[1..3], 16), Convert.ToInt32(value[3..5], 16), Convert.ToInt32(value[5..7], 16));
    }

    private static double Linear(int channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
