using TheoryAI.Web.Export.Look;
using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Programme;

public sealed class AccentColourTests
{
    [Theory]
    [InlineData("#0f5e6e")]
    [InlineData("#1D4F91")]
    [InlineData("#000000")]
    public void A_dark_enough_accent_passes(string accent) => Assert.Null(AccentColour.Problem(accent));

    [Fact]
    public void A_light_accent_is_refused_with_its_ratio_against_white_and_the_header_grey()
    {
        var problem = AccentColour.Problem("#4F9BD9");
        Assert.Equal("#4f9bd9 has a contrast of 2.9:1 against white and 2.7:1 against the header's grey #f3f5f8 (WCAG AA needs 4.5:1); choose a darker colour", problem);
    }

    [Fact]
    public void An_accent_that_passes_on_white_but_not_on_the_header_grey_names_only_the_grey()
    {
        // #767676: the classic 4.54:1 on white, but 4.1:1 on the header's grey.
        var problem = AccentColour.Problem("#767676");
        Assert.NotNull(problem);
        Assert.DoesNotContain("against white", problem);
        Assert.Contains("4.1:1 against the header's grey #f3f5f8", problem);
    }

    [Fact]
    public void A_ratio_just_under_the_minimum_never_reads_as_the_minimum() =>
        Assert.Equal("4.4:1", AccentColour.Ratio(4.499));

    [Theory]
    [InlineData("teal")]
    [InlineData("#0f5e6")]
    [InlineData("0f5e6e")]
    [InlineData("#0g5e6e")]
    public void Anything_but_a_hex_colour_is_refused_with_the_form_to_use(string accent) =>
        Assert.Contains("is not a colour in the form #rrggbb", AccentColour.Problem(accent));

    [Fact]
    public void Contrast_follows_wcag_relative_luminance()
    {
        Assert.Equal(21, AccentColour.Contrast("#000000", "#ffffff"), 3);
        Assert.Equal(1, AccentColour.Contrast("#0f5e6e", "#0f5e6e"), 3);
        Assert.Equal(4.54, AccentColour.Contrast("#767676", "#ffffff"), 2);
    }

    [Theory]
    [InlineData("#0f5e6e")]
    [InlineData("#1d4f91")]
    [InlineData("#000000")]
    [InlineData("#5a1020")]
    public void The_dark_mode_accent_reads_on_the_dark_background_its_surface_and_under_dark_button_text(string accent)
    {
        var dark = AccentColour.OnDark(accent);
        Assert.Matches("^#[0-9a-f]{6}$", dark);
        foreach (var surrounding in new[] { "#14171c", "#1e232a", "#0b1220" })
        {
            Assert.True(AccentColour.Contrast(dark, surrounding) >= 4.5, $"{dark} has {AccentColour.Contrast(dark, surrounding):0.00}:1 against {surrounding}");
        }
        // Mixed towards white only as far as needed: not simply white.
        Assert.NotEqual("#ffffff", dark);
    }

    [Fact]
    public void The_short_name_defaults_to_the_name_up_to_a_colon_and_gives_legible_initials()
    {
        var look = EventLook.Create("Theory + AI Workshop: Theoretical Physics for AI");
        Assert.Equal("Theory + AI Workshop", look.ShortName);
        Assert.Null(look.ConfiguredShortName);
        Assert.Equal("T+AI", look.Initials);
        Assert.Equal("QFT", EventLook.Create("Anything", shortName: "QFT School").Initials);
        Assert.Equal(AccentColour.Default, look.Accent);
    }

    [Fact]
    public void The_theme_stylesheet_carries_the_accent_and_the_derived_dark_one()
    {
        var look = EventLook.Create("E", accent: "#0F5E6E");
        var css = ThemeStylesheet.Write(look);
        Assert.Contains(":root { --accent: #0f5e6e;", css);
        Assert.Contains("@media (prefers-color-scheme: dark)", css);
        Assert.Contains($"--accent: {look.AccentOnDark}; --accent-fg: #0b1220", css);
    }
}
