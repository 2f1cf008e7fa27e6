using System.Text.Json;
using Microsoft.Playwright;
using TheoryAI.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TheoryAI.BrowserTests.Pages;

/// <summary>What a first-time attendee looks for: a search box with and without JavaScript, maths that reads as
/// maths, a speaker's face and bio, and pages that describe themselves to search engines.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DiscoveryJourneysTests(BrowserFixture browser)
{
    private const string Talk2 = "Scaling Limits for Learning: Dynamics and Statics";

    private static async Task NoProblemsAsync(BrowserTab tab)
    {
        Assert.Empty(await tab.CspViolationsAsync());
        Assert.Empty(tab.Problems);
    }

    private static async Task ScreenshotsAsync(BrowserFixture browser, string path, string name)
    {
        foreach (var (label, width, height) in new[] { ("phone", 390, 844), ("desktop", 1280, 900) })
        {
            await using var tab = await browser.OpenAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
            await tab.GoAsync(path);
            await tab.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await tab.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtefactsDirectory, $"{name}-{label}.png"), FullPage = true });
            // Nothing scrolls sideways on a phone.
            Assert.True(await tab.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} is wider than the {label} screen");
        }
    }

    [Fact]
    public async Task Search_works_without_javascript_by_submitting_the_form()
    {
        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = tab.Page;
        await tab.GoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.GetByLabel("Titles, speakers, affiliations and abstracts").FillAsync("bordelon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/search\?q=bordelon"));
        await Expect(page.Locator(".search-entries")).ToContainTextAsync(Talk2);
        await Expect(page.Locator(".search-speakers")).ToContainTextAsync("Blake Bordelon");

        // The kind filter is part of the same form.
        await page.GetByLabel("Breaks and meals").CheckAsync();
        await page.GetByLabel("Titles, speakers, affiliations and abstracts").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page.Locator(".search-entry").First).ToBeVisibleAsync();
        var kinds = await page.Locator(".search-entry .entry__kind").AllTextContentsAsync();
        Assert.All(kinds, k => Assert.Contains(k, new[] { "Break", "Meal", "Registration", "Social" }));
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task Search_narrows_as_you_type_with_javascript_without_leaving_the_page()
    {
        await using var tab = await browser.OpenAsync();
        var page = tab.Page;
        await tab.GoAsync("/search");
        await page.EvaluateAsync("() => { window.__samePage = true; }");
        var box = page.GetByLabel("Titles, speakers, affiliations and abstracts");
        await box.PressSequentiallyAsync("scal");
        await Expect(page.Locator(".search-entries")).ToContainTextAsync(Talk2);
        var broad = await page.Locator(".search-entry").CountAsync();

        await box.PressSequentiallyAsync("ing limits");
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("for “scaling limits”");
        var narrow = await page.Locator(".search-entry").CountAsync();
        Assert.True(narrow <= broad && narrow >= 1, $"{broad} results narrowed to {narrow}");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/search\?q=scaling\+limits$"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.__samePage === true"), "typing reloaded the page");

        await box.PressSequentiallyAsync(" zzzyzzx");
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Nothing in the programme matches");
        await Expect(page.Locator(".search-entry")).ToHaveCountAsync(0);
        await NoProblemsAsync(tab);
        await ScreenshotsAsync(browser, "/search?q=learning", "search");
    }

    [Fact]
    public async Task Maths_in_an_abstract_is_typeset_by_katex_from_the_site_within_the_csp()
    {
        await SpeakerProfiles.ArrangeAsync(browser);
        await using var tab = await browser.OpenAsync();
        var page = tab.Page;
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await tab.GoAsync($"/talks/{SpeakerProfiles.MathsTalk}");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var inline = page.Locator("section.prose span.math .katex");
        await Expect(inline.First).ToBeVisibleAsync();
        Assert.Contains("\\hat{H}", await page.Locator("span.math annotation").First.TextContentAsync());
        await Expect(page.Locator("div.math .katex-display")).ToBeVisibleAsync();
        await Expect(page.Locator("section.prose")).ToContainTextAsync("Prices such as $5 stay text.");
        // The font KaTeX needs came from the site, like every other request.
        Assert.True(await page.EvaluateAsync<bool>("() => document.fonts.check('1em KaTeX_Main')"));
        Assert.All(requests, r => Assert.StartsWith(browser.BaseAddress.GetLeftPart(UriPartial.Authority), r));
        Assert.Contains(requests, r => r.Contains("/lib/katex/fonts/", StringComparison.Ordinal));
        await NoProblemsAsync(tab);
        await ScreenshotsAsync(browser, $"/talks/{SpeakerProfiles.MathsTalk}", "talk-maths");
    }

    [Fact]
    public async Task A_speaker_page_shows_the_photo_with_alt_text_and_the_bio()
    {
        await SpeakerProfiles.ArrangeAsync(browser);
        await using var tab = await browser.OpenAsync();
        var page = tab.Page;
        await tab.GoAsync(SpeakerProfiles.PhotoPage);
        var photo = page.GetByRole(AriaRole.Img, new() { Name = "Photo of Blake Bordelon" });
        await Expect(photo).ToBeVisibleAsync();
        Assert.True(await photo.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the photo did not load");
        await Expect(page.Locator(".speaker-bio")).ToContainTextAsync("theory of deep learning");
        await Expect(page.Locator(".speaker-bio em")).ToHaveTextAsync("theory of deep learning");
        // The bio's maths is typeset too.
        await Expect(page.Locator(".speaker-bio .katex").First).ToBeVisibleAsync();

        await tab.GoAsync("/talks/2");
        await Expect(page.Locator(".talk__speakers img[alt='Photo of Blake Bordelon']")).ToBeVisibleAsync();
        await NoProblemsAsync(tab);
        await ScreenshotsAsync(browser, SpeakerProfiles.PhotoPage, "speaker-photo");
    }

    [Fact]
    public async Task The_json_ld_of_a_talk_is_a_data_block_the_csp_lets_through_and_parses()
    {
        await using var tab = await browser.OpenAsync();
        var page = tab.Page;
        await tab.GoAsync("/talks/2");
        var text = await page.Locator("script[type='application/ld+json']").TextContentAsync();
        using var json = JsonDocument.Parse(text!);
        Assert.Equal("Event", json.RootElement.GetProperty("@type").GetString());
        Assert.Equal(Talk2, json.RootElement.GetProperty("name").GetString());
        await NoProblemsAsync(tab);
    }
}
