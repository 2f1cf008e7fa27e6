using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TheoryAI.BrowserTests.Infrastructure;
using UglyToad.PdfPig;

namespace TheoryAI.BrowserTests.Print;

/// <summary>The programme printed from Chromium to PDF (print media), read back as text.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PrintTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly string[] Days = ["Wednesday 9 April 2025", "Thursday 10 April 2025", "Friday 11 April 2025"];

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Programme_prints_every_title_without_navigation_one_day_per_page(string scheme)
    {
        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions
        {
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });
        await tab.GoAsync("/programme");
        var titles = await tab.Page.Locator("li.entry .entry__title").AllInnerTextsAsync();
        Assert.Equal(29, titles.Count);

        var pdf = await tab.Page.PdfAsync(new PagePdfOptions { Format = "A4" });
        await File.WriteAllBytesAsync(Path.Combine(BrowserFixture.ArtefactsDirectory, $"programme-print-{scheme}.pdf"), pdf);
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => Normalize(string.Join(" ", p.GetWords().Select(w => w.Text)))).ToList();
        output.WriteLine($"{pages.Count} printed pages");
        for (var i = 0; i < pages.Count; i++)
        {
            output.WriteLine($"page {i + 1}: {pages[i][..Math.Min(160, pages[i].Length)]}");
        }
        var all = string.Join(" ", pages);

        foreach (var title in titles)
        {
            Assert.Contains(Normalize(title), all);
        }
        foreach (var chrome in new[] { "Skip to content", "All days", "Wed 9 Apr", "Speakers", "Venue", "Home" })
        {
            Assert.DoesNotContain(chrome, all);
        }

        // Each day begins a page: its heading is the first thing on it, and no page holds two days.
        var firstPages = Days.Select(day => pages.FindIndex(p => p.Contains(day))).ToList();
        Assert.All(firstPages, index => Assert.True(index >= 0));
        Assert.Equal(firstPages.Distinct().Count(), firstPages.Count);
        Assert.True(firstPages.SequenceEqual(firstPages.Order()));
        foreach (var (day, index) in Days.Zip(firstPages).Skip(1))
        {
            Assert.StartsWith(day, pages[index].Replace("Theory + AI Workshop: Theoretical Physics for AI", "").TrimStart());
        }
    }

    [Fact]
    public async Task Printed_links_read_as_plain_text()
    {
        await using var tab = await browser.OpenAsync();
        await tab.GoAsync("/programme");
        await tab.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        var styles = await tab.Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main a')].filter(a => a.getClientRects().length > 0).map(a => {
                const s = getComputedStyle(a), body = getComputedStyle(document.body);
                return `${a.textContent.trim()}: ${s.textDecorationLine} ${s.color === body.color ? 'body-colour' : s.color}`;
            })
            """);
        Assert.NotEmpty(styles);
        Assert.All(styles, s => Assert.EndsWith(": none body-colour", s));
    }

    /// <summary>One space between words; ligatures (the font's "ff") and curly quotes as plain letters.</summary>
    private static string Normalize(string text) =>
        Spaces().Replace(text.Normalize(System.Text.NormalizationForm.FormKC).Replace('“', '"').Replace('”', '"'), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
