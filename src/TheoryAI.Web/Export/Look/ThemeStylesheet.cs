using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Look;

/// <summary>
/// /theme.css: the event's accent as the custom properties site.css reads. A file of its own, linked after site.css,
/// since the Content-Security-Policy (style-src 'self') allows no inline style.
/// </summary>
public static class ThemeStylesheet
{
    public const string MediaType = "text/css";

    public static string Write(EventLook look) =>
        $$"""
        /* The event's look (admin: Event details). Dark mode's accent is derived for 4.5:1 on the dark background. */
        :root { --accent: {{look.Accent}}; --accent-fg: #ffffff; }
        @media (prefers-color-scheme: dark) {
          :root { --accent: {{look.AccentOnDark}}; --accent-fg: {{AccentColour.DarkForeground}}; }
        }
        @media print {
          :root { --accent: #000; }
        }

        """.ReplaceLineEndings("\n");
}
