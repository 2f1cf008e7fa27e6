using System.Text.Json;
using Microsoft.Playwright;
using TheoryAI.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TheoryAI.BrowserTests.Pages;

/// <summary>Small things people expect of a site: favicon, titles, link previews, dark mode, their own time zone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SiteBasicsTests(BrowserFixture browser)
{
    private const string EventName = "Theory + AI Workshop: Theoretical Physics for AI";

    [Theory]
    [InlineData("/", EventName)]
    [InlineData("/programme", "Programme · " + EventName)]
    [InlineData("/programme/2025-04-09", "Programme, Wednesday 9 April 2025 · " + EventName)]
    [InlineData("/talks/2", "Scaling Limits for Learning: Dynamics and Statics · " + EventName)]
    [InlineData("/speakers", "Speakers · " + EventName)]
    [InlineData("/speakers/robert-spekkens", "Robert Spekkens · " + EventName)]
    [InlineData("/venue", "Venue · " + EventName)]
    [InlineData(PublicPages.NotFound, "Page not found · " + EventName)]
    public async Task Title_names_the_page_and_the_event(string path, string title)
    {
        await using var tab = await browser.OpenAsync();
        await tab.GoAsync(path);
        Assert.Equal(title, await tab.Page.TitleAsync());
    }

    [Fact]
    public async Task Favicon_and_link_preview_metadata_are_served()
    {
        await using var tab = await browser.OpenAsync();
        await tab.GoAsync("/talks/2");
        var page = tab.Page;

        var icon = await page.GetAttributeAsync("link[rel=icon]", "href");
        Assert.StartsWith("/favicon.svg?v=", icon);
        var response = await page.APIRequest.GetAsync(icon!);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("image/svg+xml", response.Headers["content-type"]);

        Assert.Equal("Scaling Limits for Learning: Dynamics and Statics · " + EventName,
            await page.GetAttributeAsync("meta[property='og:title']", "content"));
        Assert.Contains("Wednesday 9 April 2025", await page.GetAttributeAsync("meta[property='og:description']", "content"));
        Assert.Equal(new Uri(browser.BaseAddress, "/talks/2").ToString(), await page.GetAttributeAsync("meta[property='og:url']", "content"));
    }

    [Fact]
    public async Task Dark_mode_follows_the_system_setting()
    {
        async Task<JsonElement> ColoursAsync(ColorScheme scheme)
        {
            await using var tab = await browser.OpenAsync(new BrowserNewContextOptions { ColorScheme = scheme });
            await tab.GoAsync("/programme");
            return await tab.Page.EvaluateAsync<JsonElement>("""
                () => {
                    const lum = c => { const [r, g, b] = c.match(/\d+/g).map(Number); return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255; };
                    const body = getComputedStyle(document.body);
                    return { background: lum(body.backgroundColor), text: lum(body.color) };
                }
                """);
        }

        var light = await ColoursAsync(ColorScheme.Light);
        var dark = await ColoursAsync(ColorScheme.Dark);
        Assert.True(light.GetProperty("background").GetDouble() > 0.9 && light.GetProperty("text").GetDouble() < 0.2);
        Assert.True(dark.GetProperty("background").GetDouble() < 0.15 && dark.GetProperty("text").GetDouble() > 0.8);
    }

    [Fact]
    public async Task Times_can_be_shown_in_the_visitors_time_zone()
    {
        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions { TimezoneId = "Europe/Paris" });
        await tab.GoAsync("/programme");
        var page = tab.Page;
        var bordelon = page.Locator("li.entry").Filter(new() { HasText = "Scaling Limits for Learning" });
        var note = page.Locator(".zone-note");
        Assert.Equal("09:45–10:30", (await bordelon.Locator(".entry__time").InnerTextAsync()).Trim());
        Assert.Contains("Eastern Daylight Time (America/Toronto)", await note.InnerTextAsync());

        var toggle = page.Locator(".local-time__toggle");
        await Expect(toggle).ToHaveAccessibleNameAsync("Show times in my time zone (Europe/Paris)");
        await toggle.ClickAsync();

        // The label says the state: pressing again goes back to the event's zone.
        await Expect(toggle).ToHaveAccessibleNameAsync("Show times in the event's time zone (America/Toronto)");
        Assert.Equal("15:45–16:30", (await bordelon.Locator(".entry__time").InnerTextAsync()).Trim());
        Assert.Equal("Times are in your time zone, Europe/Paris (CEST).", (await note.InnerTextAsync()).Trim());
        Assert.Contains("your time zone, Europe/Paris", await page.Locator("footer").InnerTextAsync());
        // The social at 18:00 in Toronto is past midnight in Paris: the day is named, once.
        var social = page.Locator("li.entry").Filter(new() { HasText = "Banquet" });
        Assert.Equal("00:00 (Thu 10 Apr)–03:00", (await social.Locator(".entry__time").InnerTextAsync()).Trim());

        await toggle.ClickAsync();
        Assert.Equal("09:45–10:30", (await bordelon.Locator(".entry__time").InnerTextAsync()).Trim());
        Assert.Contains("Eastern Daylight Time (America/Toronto)", await note.InnerTextAsync());
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task Talk_page_offers_the_visitors_time_zone_too()
    {
        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions { TimezoneId = "Asia/Tokyo" });
        await tab.GoAsync("/talks/2");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Show times in my time zone (Asia/Tokyo)" }).ClickAsync();
        var when = await tab.Page.Locator(".facts dd").First.InnerTextAsync();
        Assert.Contains("22:45–23:30", when);
        Assert.Contains("your time zone, Asia/Tokyo", when);
    }

    [Fact]
    public async Task Without_javascript_the_event_times_stand_and_no_toggle_shows()
    {
        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, TimezoneId = "Europe/Paris" });
        await tab.GoAsync("/programme");
        Assert.Equal(0, await tab.Page.GetByRole(AriaRole.Button).CountAsync());
        Assert.Contains("09:45–10:30", await tab.Page.Locator("main").InnerTextAsync());
    }

    [Fact]
    public async Task Visitors_in_the_events_zone_get_no_toggle()
    {
        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions { TimezoneId = "America/Toronto" });
        await tab.GoAsync("/programme");
        Assert.Equal(0, await tab.Page.Locator(".local-time__toggle").CountAsync());
        Assert.True(await tab.Page.Locator("[data-local-time-toggle]").IsHiddenAsync());
    }
}
