using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TheoryAI.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TheoryAI.BrowserTests.Layout;

/// <summary>
/// The programme read at a glance: the first entry on a phone's first screen, rooms side by side on a laptop with
/// heights proportional to duration, what is on now in view during the event, and no add actions on a cancelled talk.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgrammeAtAGlanceTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly ViewportSize Laptop = new() { Width = 1366, Height = 900 };
    /// <summary>Thursday 10 April 2025, 15:40 in Waterloo: the afternoon discussion is on.</summary>
    private static readonly DateTimeOffset ThursdayAfternoon = new(2025, 4, 10, 19, 40, 0, TimeSpan.Zero);

    /// <summary>The element's box inside the viewport and inside every box that scrolls around it.</summary>
    private const string FullyInView = """
        el => {
            const box = el.getBoundingClientRect();
            const inside = (outer) => box.top >= outer.top - 0.5 && box.bottom <= outer.bottom + 0.5
                && box.left >= outer.left - 0.5 && box.right <= outer.right + 0.5;
            if (!inside({ top: 0, left: 0, bottom: innerHeight, right: innerWidth })) return false;
            for (let p = el.parentElement; p; p = p.parentElement) {
                const style = getComputedStyle(p);
                if (/(auto|scroll)/.test(style.overflowX + style.overflowY) && !inside(p.getBoundingClientRect())) return false;
            }
            return true;
        }
        """;

    public static TheoryData<string> ProgrammePages() => new() { "/programme", "/programme/2025-04-09", "/programme/2025-04-10", "/programme/2025-04-11" };

    [Theory]
    [MemberData(nameof(ProgrammePages))]
    public async Task On_a_phone_the_first_entry_is_on_the_first_screen(string path)
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await using var tab = await browser.OpenAsync(new BrowserNewContextOptions { ViewportSize = Phone, ColorScheme = scheme });
            await tab.GoAsync(path);

            var first = tab.Page.Locator("li.entry").First;
            var box = (await first.BoundingBoxAsync())!;
            output.WriteLine($"{path} ({scheme}): first entry from {box.Y:0} to {box.Y + box.Height:0} px");
            Assert.True(await first.EvaluateAsync<bool>(FullyInView), $"{path}: the first entry ends at {box.Y + box.Height:0} px, below the {Phone.Height} px screen");
            // The header is one line: the event's name and the menu, each a line high.
            var header = (await tab.Page.Locator(".site-header").BoundingBoxAsync())!;
            var menu = (await tab.Page.Locator(".site-menu > summary").BoundingBoxAsync())!;
            Assert.True(header.Height <= 64, $"the header is {header.Height:0} px tall");
            Assert.True(menu.Height <= 48, $"the menu button is {menu.Height:0} px tall: its word is broken");
        }
    }

    [Fact]
    public async Task On_a_phone_the_day_tabs_stay_at_the_top_and_the_menu_opens_without_javascript()
    {
        await using (var scrolling = await browser.OpenAsync(new BrowserNewContextOptions { ViewportSize = Phone }))
        {
            await scrolling.GoAsync("/programme/2025-04-09");
            await scrolling.Page.EvaluateAsync("() => window.scrollTo(0, 1500)");
            var tabs = (await scrolling.Page.GetByRole(AriaRole.Navigation, new() { Name = "Days" }).BoundingBoxAsync())!;
            Assert.InRange(tabs.Y, -0.5, 0.5);
        }

        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions { ViewportSize = Phone, JavaScriptEnabled = false });
        await tab.GoAsync("/programme");
        var main = tab.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(main).ToBeHiddenAsync();
        await tab.Page.GetByText("Menu", new() { Exact = true }).ClickAsync();
        await Expect(main.GetByRole(AriaRole.Link, new() { Name = "Speakers" })).ToBeVisibleAsync();

        var links = tab.Page.Locator(".disclosure__panel");
        await Expect(links).ToBeHiddenAsync();
        await tab.Page.GetByText("Subscribe and download", new() { Exact = true }).ClickAsync();
        await Expect(links.GetByRole(AriaRole.Link, new() { Name = "Download the programme booklet (PDF)" })).ToBeVisibleAsync();
        await Expect(links.GetByRole(AriaRole.Link, new() { Name = "schedule.xml" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_laptop_rooms_are_side_by_side_and_heights_follow_duration()
    {
        await using var site = new BrowserFixture(null, ParallelProgrammeSeed());
        await site.InitializeAsync();
        await using var tab = await site.OpenAsync(new BrowserNewContextOptions { ViewportSize = Laptop });
        await tab.GoAsync("/programme/2025-04-10");

        var first = await BoxAsync(tab.Page, "Opening of room A");
        var beside = await BoxAsync(tab.Page, "Opening of room B");
        Assert.Equal(first.Y, beside.Y, 1.0);
        Assert.True(beside.X >= first.X + first.Width, $"room B's entry starts at x={beside.X:0}, inside room A's column ({first.X:0}-{first.X + first.Width:0})");

        var ninety = await BoxAsync(tab.Page, "Ninety minutes in room A");
        var fortyFive = await BoxAsync(tab.Page, "Forty-five minutes in room B");
        output.WriteLine($"90 min: {ninety.Height:0.0} px, 45 min: {fortyFive.Height:0.0} px");
        // Each entry keeps a pixel of margin above and below inside its rows.
        Assert.Equal(2 * (fortyFive.Height + 2), ninety.Height + 2, 1.0);

        // The coffee break runs across both rooms.
        var coffee = await BoxAsync(tab.Page, "Coffee for everyone");
        Assert.True(coffee.X <= first.X + 1 && coffee.X + coffee.Width >= beside.X + beside.Width - 1);

        // The room headers stay in view while the grid scrolls.
        await tab.Page.Locator(".day-grid").EvaluateAsync("grid => grid.scrollTop = 600");
        var header = tab.Page.Locator(".day-grid__room").First;
        Assert.True(await header.EvaluateAsync<bool>(FullyInView), "the room header scrolled away");
        await ShootAsync(tab.Page, "programme-grid-laptop");

        // No accessibility violation of any impact on the grid, light and dark.
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await using var checking = await site.OpenAsync(new BrowserNewContextOptions { ViewportSize = Laptop, ColorScheme = scheme, BypassCSP = true });
            await checking.GoAsync("/programme/2025-04-10");
            var violations = await Axe.CheckAsync(checking.Page);
            Assert.True(violations.Count == 0, Axe.Report($"the day grid ({scheme})", violations));
        }

        // A phone keeps the list: one column, every entry as wide as the page.
        await using var phone = await site.OpenAsync(new BrowserNewContextOptions { ViewportSize = Phone });
        await phone.GoAsync("/programme/2025-04-10");
        var lefts = await phone.Page.Locator("li.entry").EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().left)");
        Assert.Single(lefts.Distinct());
    }

    [Fact]
    public async Task During_the_event_the_programme_opens_at_what_is_on_now_and_jump_to_now_brings_it_back()
    {
        await using var site = new BrowserFixture(ThursdayAfternoon);
        await site.InitializeAsync();
        await using var tab = await site.OpenAsync(new BrowserNewContextOptions { ViewportSize = Phone, TimezoneId = "America/Toronto" });
        // The page's script reads the browser's clock: the same moment as the site's.
        await tab.Context.Clock.InstallAsync(new() { TimeDate = ThursdayAfternoon.UtcDateTime });
        await tab.GoAsync("/programme");
        await tab.Page.WaitForURLAsync("**/programme/2025-04-10");

        var now = tab.Page.Locator("li.entry--now");
        await Expect(now).ToContainTextAsync("Discussion");
        await tab.Page.WaitForFunctionAsync($"() => ({FullyInView})(document.querySelector('li.entry--now'))");

        await tab.Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await tab.Page.WaitForFunctionAsync($"() => !({FullyInView})(document.querySelector('li.entry--now'))");
        var jump = tab.Page.GetByRole(AriaRole.Link, new() { Name = "Jump to now" });
        await Expect(jump).ToBeVisibleAsync();
        await jump.ClickAsync();
        await tab.Page.WaitForFunctionAsync($"() => ({FullyInView})(document.querySelector('li.entry--now'))");
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task During_the_event_the_grid_has_a_now_line_in_view()
    {
        await using var site = new BrowserFixture(ThursdayAfternoon, ParallelProgrammeSeed());
        await site.InitializeAsync();
        await using var tab = await site.OpenAsync(new BrowserNewContextOptions { ViewportSize = Laptop, TimezoneId = "America/Toronto" });
        // The page's script reads the browser's clock: the same moment as the site's.
        await tab.Context.Clock.InstallAsync(new() { TimeDate = ThursdayAfternoon.UtcDateTime });
        await tab.GoAsync("/programme/2025-04-10");

        var line = tab.Page.Locator("[data-now-line]");
        await Expect(line).ToBeVisibleAsync();
        var nowEntry = tab.Page.Locator("li.entry--now").First;
        await tab.Page.WaitForFunctionAsync($"() => ({FullyInView})(document.querySelector('li.entry--now'))");
        // The line crosses the current entries: below their tops, above their bottoms.
        var lineBox = (await line.BoundingBoxAsync())!;
        var entryBox = (await nowEntry.BoundingBoxAsync())!;
        Assert.InRange(lineBox.Y, entryBox.Y, entryBox.Y + entryBox.Height);
        await ShootAsync(tab.Page, "programme-grid-now");

        await tab.Page.Locator(".day-grid").EvaluateAsync("grid => grid.scrollTop = 0");
        await tab.Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await tab.Page.WaitForFunctionAsync($"() => !({FullyInView})(document.querySelector('li.entry--now'))");
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Jump to now" }).ClickAsync();
        await tab.Page.WaitForFunctionAsync($"() => ({FullyInView})(document.querySelector('li.entry--now'))");
    }

    [Fact]
    public async Task The_events_accent_is_the_theme_colour_and_marks_the_sign_in_page()
    {
        const string Accent = "#0f5e6e"; // seed-data/programme.yaml
        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions { ViewportSize = Laptop });
        await tab.GoAsync("/programme");
        Assert.Equal(Accent, await tab.Page.Locator("meta[name='theme-color']:not([media*='dark'])").GetAttributeAsync("content"));

        await tab.GoAsync("/account/login");
        await Expect(tab.Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Theory \\+ AI Workshop"));
        Assert.Equal(Accent, await tab.Page.Locator("meta[name='theme-color']:not([media*='dark'])").GetAttributeAsync("content"));
        // The accent is drawn on the page: the header's rule and the sign-in button.
        var colours = await tab.Page.EvaluateAsync<string[]>(
            "() => [getComputedStyle(document.querySelector('.site-header')).borderTopColor, getComputedStyle(document.querySelector('main button[type=submit]')).backgroundColor]");
        Assert.All(colours, c => Assert.Equal("rgb(15, 94, 110)", c));
    }

    [Fact]
    public async Task A_cancelled_talk_offers_nothing_to_add()
    {
        await using var site = new BrowserFixture(null);
        await site.InitializeAsync();
        await site.ChangeProgrammeAsync(async db =>
        {
            var talk = await db.Talks.Include(t => t.Session).SingleAsync(t => t.Number == 2);
            talk.Session.Cancelled = true;
        });
        await using var tab = await site.OpenAsync(new BrowserNewContextOptions { ViewportSize = Laptop });

        await tab.GoAsync("/talks/2");
        await Expect(tab.Page.Locator(".mark--cancelled").First).ToBeVisibleAsync();
        foreach (var name in new[] { "Add to my agenda", "Add to calendar", "Add to Google Calendar" })
        {
            await Expect(tab.Page.GetByRole(AriaRole.Main).GetByText(name)).ToHaveCountAsync(0);
        }
        // Its neighbour still offers them.
        await tab.GoAsync("/talks/3");
        await Expect(tab.Page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Add to my agenda") })).ToHaveCountAsync(1);

        await tab.GoAsync("/programme/2025-04-09");
        var row = tab.Page.Locator("li.entry--cancelled");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator(".agenda-toggle")).ToHaveCountAsync(0);
    }

    private static async Task<LocatorBoundingBoxResult> BoxAsync(IPage page, string title) =>
        (await page.Locator("li.entry").Filter(new() { HasText = title }).BoundingBoxAsync())
        ?? throw new InvalidOperationException($"'{title}' is not drawn");

    private async Task ShootAsync(IPage page, string name)
    {
        var file = Path.Combine(BrowserFixture.ArtefactsDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
        output.WriteLine($"screenshot: {file}");
    }

    /// <summary>Two rooms in parallel all Thursday (45- and 90-minute talks), a coffee break across both.</summary>
    private static string ParallelProgrammeSeed()
    {
        var yaml = new StringBuilder("""
            event:
              name: "Parallel Test Conference"
              startDate: 2025-04-09
              endDate: 2025-04-11
              timeZone: America/Toronto
              venue: Test Campus
            rooms:
              - code: A
                name: "Room A"
                capacity: 100
              - code: B
                name: "Room B"
                capacity: 50
              - code: C
                name: "Foyer"
            speakers:

            """);
        var talks = new List<(string Title, string Room, TimeOnly Start, int Minutes)>
        {
            ("Opening of room A", "A", new(9, 0), 45),
            ("Opening of room B", "B", new(9, 0), 45),
            ("Ninety minutes in room A", "A", new(9, 45), 90),
            ("Forty-five minutes in room B", "B", new(9, 45), 45),
            ("Second forty-five in room B", "B", new(10, 30), 45),
        };
        for (var start = new TimeOnly(11, 45); start < new TimeOnly(17, 0); start = start.AddMinutes(45))
        {
            talks.Add(($"Afternoon talk in room A at {start:HH\\:mm}", "A", start, 45));
            talks.Add(($"Afternoon talk in room B at {start:HH\\:mm}", "B", start, 45));
        }
        for (var i = 1; i <= talks.Count; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - slug: speaker-{i}\n    name: \"Speaker Number{i}\"\n");
        }
        yaml.Append("days:\n  - date: 2025-04-10\n    entries:\n");
        yaml.Append("      - kind: break\n        title: \"Coffee for everyone\"\n        start: \"11:15\"\n        end: \"11:45\"\n        room: C\n");
        for (var i = 0; i < talks.Count; i++)
        {
            var (title, room, start, minutes) = talks[i];
            yaml.Append(CultureInfo.InvariantCulture, $"""
                      - number: {i + 1}
                        kind: talk
                        title: "{title}"
                        start: "{start:HH\:mm}"
                        end: "{start.AddMinutes(minutes):HH\:mm}"
                        room: {room}
                        speakers: [speaker-{i + 1}]

                """);
        }
        var path = Path.Combine(Path.GetTempPath(), "theoryai-browser-tests", $"parallel-{Guid.NewGuid():N}.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml.ToString());
        return path;
    }
}
