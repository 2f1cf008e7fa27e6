using AngleSharp.Html.Parser;
using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Programme;

/// <summary>What the one Markdown pipeline makes of abstracts and bios: no script links, headings below the page's,
/// maths kept for KaTeX, and readable maths where it cannot be typeset.</summary>
public sealed class MarkdownSafetyAndMathsTests
{
    private static AngleSharp.Html.Dom.IHtmlDocument Render(string markdown)
    {
        using var writer = new StringWriter();
        MarkdownRenderer.ToHtml(markdown).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return new HtmlParser().ParseDocument($"<body>{writer}</body>");
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[x](jav&#x61;script:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x]( javascript:alert(1))")]
    [InlineData("[x](<java\tscript:alert(1)>)")]
    [InlineData("[x][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<data:text/html,hi>")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    public void A_script_or_data_link_is_no_link_at_all(string markdown)
    {
        var page = Render(markdown);
        Assert.DoesNotContain(page.QuerySelectorAll("[href], [src]"), e => !MarkdownRenderer.IsSafeDestination(e.GetAttribute("href") ?? e.GetAttribute("src")));
        Assert.DoesNotContain(page.QuerySelectorAll("a[href*=':']"), a => !a.GetAttribute("href")!.StartsWith("http", StringComparison.Ordinal) && !a.GetAttribute("href")!.StartsWith("mailto:", StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("img"));
    }

    [Fact]
    public void Web_and_mail_links_stay_links()
    {
        var page = Render("[notes](https://example.org/n) <https://example.org/a> <someone@example.org> [rel](/talks/2)");
        var hrefs = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["https://example.org/n", "https://example.org/a", "mailto:someone@example.org", "/talks/2"], hrefs);
    }

    [Fact]
    public void Every_heading_level_sits_below_the_pages_own()
    {
        var page = Render("# One\n\n## Two\n\n### Three\n\n###### Six");
        Assert.Empty(page.QuerySelectorAll("h1, h2"));
        Assert.Equal(["H3", "H4", "H5", "H6"], page.QuerySelectorAll("h3, h4, h5, h6").Select(h => h.TagName).ToList());
    }

    [Fact]
    public void Inline_and_display_maths_are_kept_as_tex_for_katex()
    {
        var page = Render("The Hamiltonian $\\hat{H}$ acts, and $$\\sum_i x_i^2$$ is minimised.\n\n$$\nE = mc^2\n$$");
        var inline = page.QuerySelector("span.math");
        Assert.NotNull(inline);
        Assert.Equal("\\(\\hat{H}\\)", inline.TextContent);
        var display = page.QuerySelector("div.math");
        Assert.NotNull(display);
        Assert.Contains("E = mc^2", display.TextContent);
        Assert.DoesNotContain("$", page.Body!.TextContent);
    }

    [Fact]
    public void Prices_with_dollar_signs_are_not_maths()
    {
        var page = Render("Tickets cost $5 and $10.");
        Assert.Empty(page.QuerySelectorAll(".math"));
        Assert.False(MarkdownRenderer.HasMaths("Tickets cost $5 and $10."));
        Assert.True(MarkdownRenderer.HasMaths("The state $|\\psi\\rangle$."));
    }

    [Theory]
    [InlineData("\\hat{H}", "H\u0302")]
    [InlineData("\\alpha^2 + \\beta_1", "α² + β₁")]
    [InlineData("\\frac{a}{b}", "a/b")]
    [InlineData("\\frac{1}{\\sqrt{2}}", "1/(√2)")]
    [InlineData("\\langle \\psi | \\hat{O} | \\psi \\rangle", "⟨ ψ | O\u0302 | ψ ⟩")]
    [InlineData("\\mathbb{R}^{n}", "ℝⁿ")]
    [InlineData("e^{i\\pi} = -1", "e^(iπ) = -1")]
    [InlineData("\\nabla \\cdot \\vec{E} = \\rho / \\epsilon_0", "∇ · E\u20D7 = ρ / ϵ₀")]
    [InlineData("\\unknown{x}", "unknownx")]
    public void Tex_reads_as_unicode_text_where_it_cannot_be_typeset(string tex, string expected) =>
        Assert.Equal(expected, TexText.ToReadable(tex));
}
