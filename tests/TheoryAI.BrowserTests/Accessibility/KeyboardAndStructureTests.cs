using System.Text.Json;
using Microsoft.Playwright;
using TheoryAI.BrowserTests.Infrastructure;

namespace TheoryAI.BrowserTests.Accessibility;

[Collection(BrowserCollection.Name)]
public sealed class KeyboardAndStructureTests(BrowserFixture browser)
{
    public static TheoryData<string> Pages() => PublicPages.Data();

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Skip_link_is_the_first_stop_and_moves_focus_to_main(string path)
    {
        await using var tab = await browser.OpenAsync();
        await tab.GoAsync(path);
        var page = tab.Page;

        await page.Keyboard.PressAsync("Tab");
        var first = await page.EvaluateAsync<string>("() => document.activeElement.className + '|' + document.activeElement.textContent.trim()");
        Assert.Equal("skip-link|Skip to content", first);
        // Shown when focused: inside the viewport, not parked off-screen.
        var box = await page.Locator(".skip-link").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.Y >= 0 && box.Width > 0, $"skip link focused at {box.X},{box.Y}");

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("MAIN", await page.EvaluateAsync<string>("() => document.activeElement.tagName"));
        // The next Tab continues inside the content, not back in the header.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
            "After skipping, Tab should reach the first link of the main content.");
    }

    [Theory]
    [InlineData("/", "light")]
    [InlineData("/programme", "light")]
    [InlineData("/programme", "dark")]
    [InlineData("/talks/2", "dark")]
    public async Task Keyboard_focus_is_visible_on_every_stop(string path, string scheme)
    {
        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions
        {
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });
        await tab.GoAsync(path);

        for (var stop = 0; stop < 12; stop++)
        {
            await tab.Page.Keyboard.PressAsync("Tab");
            var focus = await tab.Page.EvaluateAsync<JsonElement>("""
                () => {
                    const el = document.activeElement, style = getComputedStyle(el);
                    return { what: el.outerHTML.slice(0, 80), visible: el.matches(':focus-visible'),
                             outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
                }
                """);
            var what = focus.GetProperty("what").GetString();
            Assert.True(focus.GetProperty("visible").GetBoolean(), $"stop {stop} ({what}) does not match :focus-visible");
            Assert.NotEqual("none", focus.GetProperty("outline").GetString());
            Assert.True(focus.GetProperty("width").GetDouble() >= 2, $"stop {stop} ({what}) has a thin outline");
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_has_language_landmarks_and_headings_in_order(string path)
    {
        await using var tab = await browser.OpenAsync();
        await tab.GoAsync(path);
        var page = tab.Page;

        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(1, await page.GetByRole(AriaRole.Banner).CountAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Navigation, new() { Name = "Main", Exact = true }).CountAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Main).CountAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Contentinfo).CountAsync());

        var levels = await page.EvaluateAsync<int[]>(
            "() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => Number(h.tagName[1]))");
        Assert.Equal(1, levels[0]);
        Assert.Single(levels, l => l == 1);
        for (var i = 1; i < levels.Length; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1,
                $"heading {i} jumps from h{levels[i - 1]} to h{levels[i]} ({string.Join(",", levels)})");
        }
    }

    [Fact]
    public async Task Breaks_and_talks_are_told_apart_by_visible_text_not_colour_alone()
    {
        await using var tab = await browser.OpenAsync();
        await tab.GoAsync("/programme/2025-04-09");
        var entries = tab.Page.Locator("li.entry");
        var count = await entries.CountAsync();
        Assert.True(count > 5);

        var labels = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var kind = entries.Nth(i).Locator(".entry__kind");
            Assert.True(await kind.IsVisibleAsync(), $"entry {i} has no visible kind label");
            labels.Add((await kind.InnerTextAsync()).Trim().ToLowerInvariant());
        }
        Assert.Contains("talk", labels);
        Assert.Contains("break", labels);

        var bordelon = entries.Filter(new() { HasText = "Scaling Limits for Learning" });
        Assert.Equal("talk", (await bordelon.Locator(".entry__kind").InnerTextAsync()).Trim().ToLowerInvariant());
        var coffee = entries.Filter(new() { HasText = "Break - Coffee Station" }).First;
        Assert.Equal("break", (await coffee.Locator(".entry__kind").InnerTextAsync()).Trim().ToLowerInvariant());
    }
}
