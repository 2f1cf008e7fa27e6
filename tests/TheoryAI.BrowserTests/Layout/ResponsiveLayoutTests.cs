using System.Text.Json;
using Microsoft.Playwright;
using TheoryAI.BrowserTests.Infrastructure;

namespace TheoryAI.BrowserTests.Layout;

/// <summary>
/// The pages at a phone's and a laptop's width. Full-page screenshots go to screenshots/ for people to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ResponsiveLayoutTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    public static TheoryData<string, string> PagesAtBothWidths()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in new[] { "/", "/programme", "/talks/2", "/agenda", "/agenda?talks=2,3,5" })
        {
            data.Add(path, "phone");
            data.Add(path, "desktop");
        }
        data.Add("/programme", "phone-dark");
        data.Add("/talks/2", "desktop-dark");
        return data;
    }

    public static TheoryData<string> Pages() => PublicPages.Data();

    [Theory]
    [MemberData(nameof(PagesAtBothWidths))]
    public async Task Page_is_captured_at_phone_and_desktop_width(string path, string width)
    {
        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions
        {
            ViewportSize = width.StartsWith("phone") ? Phone : Desktop,
            ColorScheme = width.EndsWith("dark") ? ColorScheme.Dark : ColorScheme.Light,
            DeviceScaleFactor = 1,
        });
        Assert.Equal(200, await tab.GoAsync(path));

        var file = Path.Combine(BrowserFixture.ArtefactsDirectory, $"{Name(path)}-{width}.png");
        await tab.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        // What a visitor sees first, before scrolling.
        await tab.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.ChangeExtension(file, ".first-screen.png") });
        output.WriteLine($"screenshot: {file}");
        Assert.True(new FileInfo(file).Length > 1000);
        Assert.Empty(await OverflowingAsync(tab.Page));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Phone_width_never_scrolls_sideways(string path)
    {
        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions { ViewportSize = Phone });
        await tab.GoAsync(path);

        var widths = await tab.Page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1],
            $"{path} is {widths[0]}px wide in a {widths[1]}px viewport; too wide: {string.Join("; ", await OverflowingAsync(tab.Page))}");
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task Every_timetable_entry_shows_its_time_and_title_readably(string width)
    {
        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions { ViewportSize = width == "phone" ? Phone : Desktop });
        await tab.GoAsync("/programme");

        var entries = await tab.Page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('li.entry')].map(li => {
                const part = sel => {
                    const el = li.querySelector(sel), box = el.getBoundingClientRect(), style = getComputedStyle(el);
                    return { text: el.innerText.trim(), left: box.left, right: box.right, height: box.height,
                             size: parseFloat(style.fontSize), hidden: style.visibility === 'hidden' || style.display === 'none' };
                };
                return { time: part('.entry__time time'), title: part('.entry__title') };
            })
            """);
        var viewport = width == "phone" ? Phone.Width : Desktop.Width;
        Assert.Equal(29, entries.GetArrayLength());
        foreach (var entry in entries.EnumerateArray())
        {
            foreach (var part in new[] { entry.GetProperty("time"), entry.GetProperty("title") })
            {
                var text = part.GetProperty("text").GetString();
                Assert.False(string.IsNullOrEmpty(text));
                Assert.False(part.GetProperty("hidden").GetBoolean(), $"'{text}' is hidden");
                Assert.True(part.GetProperty("height").GetDouble() > 0, $"'{text}' has no height");
                Assert.True(part.GetProperty("left").GetDouble() >= 0 && part.GetProperty("right").GetDouble() <= viewport,
                    $"'{text}' runs outside the {viewport}px viewport");
                Assert.True(part.GetProperty("size").GetDouble() >= 14, $"'{text}' is set in {part.GetProperty("size")}px type");
            }
        }
    }

    /// <summary>Elements whose right edge passes the viewport, to say what makes a page too wide.</summary>
    private static async Task<string[]> OverflowingAsync(IPage page) => await page.EvaluateAsync<string[]>("""
        () => [...document.body.querySelectorAll('*')]
            .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .slice(0, 10)
            .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' ' + Math.round(el.getBoundingClientRect().right) + 'px')
        """);

    private static string Name(string path) =>
        path == "/" ? "home" : path.Trim('/').Replace('/', '-').Replace("?talks=", "-talks-").Replace(',', '-');
}
