using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TheoryAI.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TheoryAI.BrowserTests.Journeys;

/// <summary>
/// An attendee's journeys: adding a talk from a speaker page, the event's morning and the days after it (each on a
/// site of its own whose clock reads that moment), a far time zone, and a phone with a very long title.
/// Screenshots go to screenshots/journey-*.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class JourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Talk2 = "Scaling Limits for Learning: Dynamics and Statics";
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    // Thursday 10 April 2025, 09:40 in Toronto (UTC-4).
    private static readonly DateTimeOffset ThursdayMorning = new(2025, 4, 10, 13, 40, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WeekAfter = new(2025, 4, 17, 12, 0, 0, TimeSpan.Zero);

    private static Task<string?> StoredAsync(IPage page) =>
        page.EvaluateAsync<string?>("() => window.localStorage.getItem('agenda.talks')");

    private async Task ShootAsync(BrowserFixture site, string path, string name, Func<IPage, Task>? before = null, string? timezone = null)
    {
        foreach (var (width, viewport) in new[] { ("phone", Phone), ("desktop", Desktop) })
        {
            await using var tab = await site.OpenAsync(new BrowserNewContextOptions { ViewportSize = viewport, DeviceScaleFactor = 1, TimezoneId = timezone });
            await tab.GoAsync(path);
            if (before is not null)
            {
                await before(tab.Page);
            }
            var file = Path.Combine(BrowserFixture.ArtefactsDirectory, $"journey-{name}-{width}.png");
            await tab.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = width == "phone" });
            output.WriteLine($"screenshot: {file}");
        }
    }

    /// <summary>The states only these journeys reach (now/next, Watch links, local times) pass axe too: a tab of its
    /// own (axe is injected, so the site's CSP is bypassed there), with the browser storage the journey left.</summary>
    private static async Task ExpectAccessibleAsync(BrowserFixture site, string path, string? timezone = null, string? storage = null)
    {
        await using var tab = await site.OpenAsync(new BrowserNewContextOptions { BypassCSP = true, TimezoneId = timezone });
        if (storage is not null)
        {
            await tab.Context.AddInitScriptAsync($"(() => {{ const s = {storage}; for (const k in s) window.localStorage.setItem(k, s[k]); }})()");
        }
        await tab.GoAsync(path);
        var violations = await Axe.CheckAsync(tab.Page);
        Assert.True(violations.Count == 0, Axe.Report(path, violations));
    }

    [Fact]
    public async Task A_talk_added_from_a_speaker_page_is_in_the_agenda_and_removed_there()
    {
        await using var tab = await browser.OpenAsync();
        var page = tab.Page;
        await tab.GoAsync("/speakers/blake-bordelon");
        await Expect(page.Locator(".entry__day")).ToHaveTextAsync("Wed 9 Apr");

        var add = page.GetByRole(AriaRole.Button, new() { Name = $"Add to my agenda: {Talk2}", Exact = true });
        await add.ClickAsync();
        await Expect(page.Locator("button.agenda-toggle[data-talk='2']")).ToHaveAccessibleNameAsync($"Remove from my agenda: {Talk2}");
        Assert.Equal("2", await StoredAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "My agenda" }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/agenda\?talks=2$"));
        await Expect(page.Locator("li.agenda-item")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-agenda-adopt]")).ToBeHiddenAsync();
        await Expect(page.Locator("a.agenda-booklet")).ToHaveAttributeAsync("href", "/booklet.pdf?talks=2");
        await ExpectAccessibleAsync(browser, "/agenda?talks=2", storage: "{ 'agenda.talks': '2' }");
        await ExpectAccessibleAsync(browser, "/speakers/blake-bordelon", storage: "{ 'agenda.talks': '2' }");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Remove from my agenda: {Talk2}" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/agenda$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose your talks" })).ToBeVisibleAsync();
        Assert.Null(await StoredAsync(page));
        Assert.Empty(tab.Problems);
        Assert.Empty(await tab.CspViolationsAsync());

        await ShootAsync(browser, "/speakers/blake-bordelon", "speaker");
        await ShootAsync(browser, "/agenda?talks=2,3,5", "agenda", async p =>
        {
            await p.EvaluateAsync("() => window.localStorage.setItem('agenda.talks', '2,3,5')");
            await p.ReloadAsync();
        });
    }

    [Fact]
    public async Task On_the_events_morning_home_says_what_is_on_and_the_programme_opens_on_thursday()
    {
        await using var site = new BrowserFixture(ThursdayMorning);
        await site.InitializeAsync();
        await using var tab = await site.OpenAsync();
        var page = tab.Page;

        await tab.GoAsync("/");
        var box = page.Locator(".now-next");
        await Expect(box.Locator(".now-next__item--now")).ToContainTextAsync("Solvable models of scaling and emergence in deep learning");
        await Expect(box.Locator(".now-next__item--now")).ToContainTextAsync("until 09:45 (5 min left)");
        await Expect(box.Locator(".now-next__item--next")).ToContainTextAsync("Next, in 5 min");
        await ExpectAccessibleAsync(site, "/");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Programme" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/programme/2025-04-10$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thursday 10 April 2025");
        await Expect(page.Locator("li.entry--now")).ToContainTextAsync("Solvable models of scaling");
        await page.GetByRole(AriaRole.Link, new() { Name = "All days" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/programme\?days=all$"));
        await Expect(page.Locator("section.day")).ToHaveCountAsync(3);

        await tab.GoAsync("/talks/9");
        await Expect(page.Locator(".talk__status")).ToContainTextAsync("Next, in 5 min");
        await ExpectAccessibleAsync(site, "/talks/9");
        await tab.GoAsync("/agenda?talks=8,9");
        await Expect(page.Locator("li.agenda-item--now")).ToHaveCountAsync(1);
        await ExpectAccessibleAsync(site, "/agenda?talks=8,9");
        await ExpectAccessibleAsync(site, "/programme/2025-04-10");
        Assert.Empty(tab.Problems);

        await ShootAsync(site, "/", "morning-home");
        await ShootAsync(site, "/programme", "morning-programme");
    }

    [Fact]
    public async Task After_the_event_home_leads_to_the_recordings()
    {
        await using var site = new BrowserFixture(WeekAfter);
        await site.InitializeAsync();
        await using var tab = await site.OpenAsync();
        var page = tab.Page;

        await tab.GoAsync("/");
        await Expect(page.Locator(".event-over")).ToContainTextAsync("The workshop is over");
        await page.GetByRole(AriaRole.Link, new() { Name = "watch the recordings from the programme" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/programme\?days=all$"));
        var watch = page.GetByRole(AriaRole.Link, new() { Name = $"Watch the recording of {Talk2}" });
        await Expect(watch).ToHaveAttributeAsync("href", "https://pirsa.org/25040085");
        await ExpectAccessibleAsync(site, "/programme?days=all");
        Assert.True(await page.Locator("a.watch-link").CountAsync() >= 10);

        await tab.GoAsync("/agenda?talks=2,3");
        await Expect(page.Locator("li.agenda-item a.watch-link")).ToHaveCountAsync(2);
        await ExpectAccessibleAsync(site, "/agenda?talks=2,3");
        await ExpectAccessibleAsync(site, "/");
        await ExpectAccessibleAsync(site, "/speakers/blake-bordelon");
        Assert.Empty(tab.Problems);

        await ShootAsync(site, "/", "after-home");
        await ShootAsync(site, "/agenda?talks=2,3", "after-agenda");
    }

    [Fact]
    public async Task In_a_far_time_zone_the_choice_is_remembered_and_a_day_is_named_once_per_group()
    {
        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions { TimezoneId = "Asia/Tokyo" });
        var page = tab.Page;
        await tab.GoAsync("/programme/2025-04-09");
        var toggle = page.Locator(".local-time__toggle");
        await Expect(toggle).ToHaveTextAsync("Show times in my time zone (Asia/Tokyo)");
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveTextAsync("Show times in the event's time zone (America/Toronto)");

        // 09:45 in Toronto is 22:45 the same day in Tokyo; 11:00 is midnight of Thursday: named once, on its first time.
        var bordelon = page.Locator("li.entry").Filter(new() { HasText = Talk2 });
        await Expect(bordelon.Locator(".entry__time")).ToHaveTextAsync(new Regex(@"^\s*22:45–23:30\s*$"));
        var times = await page.Locator("ol.timetable time").AllInnerTextsAsync();
        Assert.Single(times, t => t.Contains("(Thu 10 Apr)"));
        Assert.DoesNotContain(times, t => t.Contains("(Wed 9 Apr)"));

        // The next page remembers the choice, My agenda included.
        await tab.GoAsync("/agenda?talks=2,3");
        await Expect(page.Locator(".local-time__toggle")).ToHaveTextAsync("Show times in the event's time zone (America/Toronto)");
        var item = page.Locator("li.agenda-item[data-talk='2'] .agenda-item__when");
        await Expect(item).ToHaveTextAsync(new Regex(@"^\s*22:45 \(Wed 9 Apr\)–23:30\s*$"), new() { UseInnerText = true });
        await ExpectAccessibleAsync(browser, "/agenda?talks=2,3", "Asia/Tokyo", "{ 'times.zone': 'local', 'agenda.talks': '2,3' }");
        await Expect(page.Locator("li.agenda-item[data-talk='3'] .agenda-item__when")).ToHaveTextAsync(new Regex(@"^\s*00:00 \(Thu 10 Apr\)–00:45\s*$"), new() { UseInnerText = true });

        await tab.GoAsync("/speakers/blake-bordelon");
        await Expect(page.Locator("li.entry .entry__time")).ToHaveTextAsync(new Regex(@"^\s*22:45 \(Wed 9 Apr\)–23:30\s*$"), new() { UseInnerText = true });
        // Back to the event's zone, on every page.
        await page.Locator(".local-time__toggle").ClickAsync();
        await tab.GoAsync("/programme/2025-04-09");
        await Expect(bordelon.Locator(".entry__time")).ToHaveTextAsync(new Regex(@"^\s*09:45–10:30\s*$"));
        Assert.Empty(tab.Problems);

        await ShootAsync(browser, "/agenda?talks=2,3,5", "tokyo-agenda", async p =>
        {
            await p.EvaluateAsync("() => window.localStorage.setItem('times.zone', 'local')");
            await p.ReloadAsync();
        }, timezone: "Asia/Tokyo");
    }

    [Fact]
    public async Task On_a_phone_a_five_thousand_character_unbroken_title_never_makes_a_page_scroll_sideways()
    {
        var title = "Unbroken" + new string('x', 4992);
        string? before = null;
        await browser.ChangeProgrammeAsync(async db =>
        {
            var session = (await db.Talks.Include(t => t.Session).SingleAsync(t => t.Number == 2)).Session;
            before = session.Title;
            session.Title = title;
        });
        try
        {
            foreach (var path in new[] { "/programme", "/programme/2025-04-09", "/talks/2", "/speakers/blake-bordelon", "/agenda?talks=2,3", "/venue", "/talks/3" })
            {
                await using var tab = await browser.OpenAsync(new BrowserNewContextOptions { ViewportSize = Phone });
                Assert.Equal(200, await tab.GoAsync(path));
                await Expect(tab.Page.GetByText(title).First).ToBeVisibleAsync();
                var widths = await tab.Page.EvaluateAsync<int[]>(
                    "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
                Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]}px wide in a {widths[1]}px viewport");
            }
            await using var shot = await browser.OpenAsync(new BrowserNewContextOptions { ViewportSize = Phone, DeviceScaleFactor = 1 });
            await shot.GoAsync("/talks/2");
            var file = Path.Combine(BrowserFixture.ArtefactsDirectory, "journey-long-title-phone.png");
            await shot.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
            output.WriteLine($"screenshot: {file}");
        }
        finally
        {
            await browser.ChangeProgrammeAsync(async db =>
            {
                var session = (await db.Talks.Include(t => t.Session).SingleAsync(t => t.Number == 2)).Session;
                session.Title = before!;
            });
        }
    }

    [Fact]
    public async Task The_venue_lists_the_main_room_first_with_a_map_link()
    {
        await ShootAsync(browser, "/venue", "venue");
        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions { ViewportSize = Phone });
        await tab.GoAsync("/venue");
        await Expect(tab.Page.Locator("section.room h3").First).ToContainTextAsync("Space Room");
        await ExpectAccessibleAsync(browser, "/venue");
        await Expect(tab.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Show on a map") })).ToHaveAttributeAsync("href", new Regex("^https://www\\.openstreetmap\\.org/search\\?query="));
        // Each time range stays on one line in the narrow column.
        var lines = await tab.Page.Locator("td.room-uses__when span.nowrap").EvaluateAllAsync<double[]>(
            "spans => spans.map(s => s.getBoundingClientRect().height / parseFloat(getComputedStyle(s.parentElement).lineHeight))");
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.True(l < 1.5, $"{l:0.0} lines"));
    }
}
