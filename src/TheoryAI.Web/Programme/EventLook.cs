using System.Security.Cryptography;
using System.Text;

namespace TheoryAI.Web.Programme;

/// <summary>
/// The event's identity as every view shows it: the accent colour (and the one derived for dark mode), the tagline,
/// the short name for narrow places, and the logo and header image by their content hash (the bytes stay in the
/// store; addresses carry the hash so a new image is a new address).
/// </summary>
public sealed record EventLook
{
    private EventLook(string accent, string? tagline, string shortName, string? configuredShortName, EventImageInfo? logo, EventImageInfo? headerImage)
    {
        Accent = accent;
        AccentOnDark = AccentColour.OnDark(accent);
        Tagline = tagline;
        ShortName = shortName;
        ConfiguredShortName = configuredShortName;
        Logo = logo;
        HeaderImage = headerImage;
        Version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{Accent}|{Tagline}|{ShortName}|{Logo?.Hash}|{HeaderImage?.Hash}")))[..16];
    }

    /// <summary>The look of an event named <paramref name="eventName"/>; what is not set falls back to the defaults.</summary>
    public static EventLook Create(string eventName, string? accent = null, string? tagline = null, string? shortName = null,
        EventImageInfo? logo = null, EventImageInfo? headerImage = null)
    {
        var configured = string.IsNullOrWhiteSpace(shortName) ? null : shortName.Trim();
        return new EventLook(AccentColour.Normalise(accent) ?? AccentColour.Default, string.IsNullOrWhiteSpace(tagline) ? null : tagline.Trim(),
            configured ?? DefaultShortName(eventName), configured, logo, headerImage);
    }

    /// <summary>"#0f5e6e": links, buttons, the favicon and the share image.</summary>
    public string Accent { get; }

    /// <summary>The accent for dark mode (<see cref="AccentColour.OnDark"/>).</summary>
    public string AccentOnDark { get; }

    public string? Tagline { get; }

    /// <summary>The name where the full one does not fit (a phone's header): the configured one, or the name up to a colon.</summary>
    public string ShortName { get; }

    /// <summary>The short name organizers set, or null when it is made from the name.</summary>
    public string? ConfiguredShortName { get; }

    public EventImageInfo? Logo { get; }

    public EventImageInfo? HeaderImage { get; }

    /// <summary>The logo's file address ("/event/logo.svg", what the static output writes), or null.</summary>
    public string? LogoFile => Logo is null ? null : $"/event/logo.{Logo.Extension}";

    /// <summary>The header image's file address ("/event/header-image.jpg"), or null.</summary>
    public string? HeaderImageFile => HeaderImage is null ? null : $"/event/header-image.{HeaderImage.Extension}";

    /// <summary>The logo's address, versioned by its hash (for an &lt;img&gt;), or null.</summary>
    public string? LogoPath => Logo is null ? null : $"{LogoFile}?v={Logo.Hash}";

    /// <summary>The header image's address, versioned by its hash, or null (the home page places it).</summary>
    public string? HeaderImagePath => HeaderImage is null ? null : $"{HeaderImageFile}?v={HeaderImage.Hash}";

    /// <summary>A hash of everything above: the version in the addresses of theme.css, the favicon and the share image.</summary>
    public string Version { get; }

    /// <summary>"Theory + AI Workshop" from "Theory + AI Workshop: Theoretical Physics for AI".</summary>
    public static string DefaultShortName(string eventName)
    {
        var colon = eventName.IndexOf(':', StringComparison.Ordinal);
        var head = colon > 0 ? eventName[..colon].Trim() : eventName.Trim();
        return head.Length == 0 ? eventName.Trim() : head;
    }

    /// <summary>
    /// The favicon's letters: from the short name, generic words (Workshop, Conference…) and small words left out, an
    /// acronym ("AI") or a sign ("+") kept whole, any other word by its initial; at most four characters, so they stay
    /// legible at 16 pixels. "Theory + AI Workshop" gives "T+AI".
    /// </summary>
    public string Initials
    {
        get
        {
            var words = ShortName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var kept = words.Where(w => !Generic.Contains(w.Trim(',', '.', ';', ':'))).ToList();
            if (kept.Count == 0)
            {
                kept = words.ToList();
            }
            var letters = new StringBuilder();
            foreach (var word in kept)
            {
                var text = word.Trim(',', '.', ';', ':', '(', ')', '"', '\'');
                if (text.Length == 0)
                {
                    continue;
                }
                var isAcronym = text.Length <= 4 && text.Any(char.IsLetterOrDigit) && text.All(c => char.IsUpper(c) || char.IsDigit(c));
                var isSign = text.Length <= 2 && !text.Any(char.IsLetterOrDigit);
                letters.Append(isAcronym || isSign ? text : char.ToUpperInvariant(text[0]).ToString());
            }
            var result = letters.ToString();
            if (result.Length == 0)
            {
                return "?";
            }
            return result.Length <= 4 ? result : result[..4];
        }
    }

    private static readonly HashSet<string> Generic = new(StringComparer.OrdinalIgnoreCase)
    {
        "workshop", "conference", "symposium", "meeting", "school", "summit", "colloquium", "seminar", "congress",
        "the", "of", "on", "and", "for", "in", "a", "an", "at",
    };
}

/// <summary>A stored image of the event (logo, header image) by its content hash and media type.</summary>
public sealed record EventImageInfo(string Hash, string MediaType)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsSvg => MediaType == EventImageRules.Svg;

    /// <summary>The file extension of the media type: "svg", "png", "jpg", "webp".</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Extension => EventImageRules.ExtensionOf(MediaType);
}
