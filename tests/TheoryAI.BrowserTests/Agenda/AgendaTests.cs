using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TheoryAI.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TheoryAI.BrowserTests.Agenda;

/// <summary>
/// The personal agenda in a real browser: the toggles on the programme and the agenda page with JavaScript (choice
/// kept in localStorage), the checkbox form without it, shared links, clashes and bad input.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AgendaTests(BrowserFixture browser)
{
    private const string Talk2 = "Scaling Limits for Learning: Dynamics and Statics";
    private const string Talk3 = "Causal Inference Meets Quantum Physics";
    private const string Talk5 = "Creativity by Compositionality in Generative Diffusion Models";

    [Fact]
    public async Task Toggles_on_the_programme_build_an_agenda_that_survives_a_reload_and_can_be_shared()
    {
        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions
        {
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        var page = tab.Page;
        await tab.GoAsync("/programme");

        // The accessible name says what the button does (add, or remove once added), and to which talk.
        var two = page.Locator("button.agenda-toggle[data-talk='2']");
        var three = page.Locator("button.agenda-toggle[data-talk='3']");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Add to my agenda: {Talk2}", Exact = true })).ToHaveCountAsync(1);
        await Expect(two).ToHaveAccessibleNameAsync($"Add to my agenda: {Talk2}");
        await Expect(three).ToHaveAccessibleNameAsync($"Add to my agenda: {Talk3}");

        await two.ClickAsync();
        await three.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(two).ToHaveAccessibleNameAsync($"Remove from my agenda: {Talk2}");
        await Expect(three).ToHaveAccessibleNameAsync($"Remove from my agenda: {Talk3}");
        await Expect(two).ToHaveTextAsync("Remove from my agenda");
        Assert.Equal("2,3", await StoredAsync(page));
        await Expect(page.Locator("a[data-agenda-link]").First).ToHaveAttributeAsync("href", "/agenda?talks=2,3");

        // The plain address opens the saved agenda.
        await tab.GoAsync("/agenda");
        await page.WaitForURLAsync(new Regex(@"/agenda\?talks=2,3$"));
        await ExpectAgendaAsync(page, "2", "3");
        var times = await page.Locator("li.agenda-item .agenda-item__when time:first-of-type").EvaluateAllAsync<string[]>(
            "times => times.map(t => t.getAttribute('datetime'))");
        Assert.Equal(times.Order(StringComparer.Ordinal), times);

        var download = await page.Locator("a.agenda-download").GetAttributeAsync("href");
        Assert.Equal("/agenda.ics?talks=2,3", download);
        var subscribe = await page.Locator("a.agenda-subscribe").GetAttributeAsync("href");
        Assert.Equal($"webcal://{browser.BaseAddress.Authority}/agenda.ics?talks=2,3", subscribe);

        var ics = await page.APIRequest.GetAsync(download!);
        Assert.Equal(200, ics.Status);
        Assert.StartsWith("text/calendar", ics.Headers["content-type"]);
        var calendar = (await ics.TextAsync()).Replace("\r\n ", "");
        Assert.Contains($"SUMMARY:{Talk2}\r\n", calendar);
        Assert.Contains($"SUMMARY:{Talk3}\r\n", calendar);
        Assert.DoesNotContain($"SUMMARY:{Talk5}", calendar);

        // The choice survives a reload and a new visit.
        await page.ReloadAsync();
        await ExpectAgendaAsync(page, "2", "3");
        await tab.GoAsync("/programme");
        await Expect(two).ToHaveAccessibleNameAsync($"Remove from my agenda: {Talk2}");
        await Expect(three).ToHaveAccessibleNameAsync($"Remove from my agenda: {Talk3}");

        // Copy a shareable link.
        await tab.GoAsync("/agenda?talks=2,3");
        var copy = page.GetByRole(AriaRole.Button, new() { Name = "Copy link" });
        await Expect(copy).ToBeVisibleAsync();
        await copy.ClickAsync();
        await Expect(page.Locator(".agenda-copied")).ToHaveTextAsync("Link copied.");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(new Uri(browser.BaseAddress, "/agenda?talks=2,3").ToString(), copied);
        await Expect(page.GetByLabel("Shareable link")).ToHaveValueAsync(copied);

        // Remove a talk with the form on the agenda page...
        await page.GetByLabel(Talk3).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show my agenda" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/agenda\?talks=2$"));
        await ExpectAgendaAsync(page, "2");
        Assert.Equal("2", await StoredAsync(page));

        // ...and the last one with its toggle (Space) on the programme.
        await tab.GoAsync("/programme");
        await Expect(three).ToHaveAccessibleNameAsync($"Add to my agenda: {Talk3}");
        await two.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(two).ToHaveAccessibleNameAsync($"Add to my agenda: {Talk2}");
        Assert.Null(await StoredAsync(page));
        await tab.GoAsync("/agenda");
        Assert.EndsWith("/agenda", page.Url);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose your talks" })).ToBeVisibleAsync();

        Assert.Empty(tab.Problems);
        Assert.Empty(await tab.CspViolationsAsync());
    }

    [Fact]
    public async Task Overlapping_talks_are_flagged_as_a_clash_in_words()
    {
        // The seeded programme is a single track; move talk 3 (11:00-11:45) to 10:00-10:45, over talk 2 (09:45-10:30).
        DateTime start = default, end = default;
        await browser.ChangeProgrammeAsync(async db =>
        {
            var session = (await db.Talks.Include(t => t.Session).SingleAsync(t => t.Number == 3)).Session;
            (start, end) = (session.Start, session.End);
            session.Start = start.Date.AddHours(10);
            session.End = start.Date.AddHours(10).AddMinutes(45);
        });
        try
        {
            await using var tab = await browser.OpenAsync();
            var page = tab.Page;
            Assert.Equal(200, await tab.GoAsync("/agenda?talks=2,3,5"));

            await ExpectAgendaAsync(page, "2", "3", "5");
            await Expect(page.Locator(".agenda__summary")).ToContainTextAsync("2 overlap another chosen talk.");
            var clashOf2 = page.Locator("li.agenda-item[data-talk='2'] .clash");
            var clashOf3 = page.Locator("li.agenda-item[data-talk='3'] .clash");
            await Expect(clashOf2).ToBeVisibleAsync();
            await Expect(clashOf2).ToHaveTextAsync(new Regex($@"^\s*Clash:\s+overlaps\s+{Regex.Escape(Talk3)}\s+\(10:00"));
            await Expect(clashOf3).ToHaveTextAsync(new Regex($@"^\s*Clash:\s+overlaps\s+{Regex.Escape(Talk2)}\s+\(09:45"));
            await Expect(page.Locator("li.agenda-item[data-talk='5'] .clash")).ToHaveCountAsync(0);
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(BrowserFixture.ArtefactsDirectory, "agenda-clash-desktop.png"),
                Clip = new Clip { X = 0, Y = 0, Width = 1280, Height = 700 },
            });
            Assert.Empty(tab.Problems);
        }
        finally
        {
            await browser.ChangeProgrammeAsync(async db =>
            {
                var session = (await db.Talks.Include(t => t.Session).SingleAsync(t => t.Number == 3)).Session;
                (session.Start, session.End) = (start, end);
            });
        }
    }

    [Fact]
    public async Task Without_javascript_the_checkbox_form_makes_the_agenda()
    {
        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = tab.Page;

        // The programme's toggles stay links to the agenda page.
        await tab.GoAsync("/programme");
        var link = page.GetByRole(AriaRole.Link, new() { Name = $"Add to my agenda: {Talk2}", Exact = true });
        Assert.Equal("/agenda?talks=2", await link.GetAttributeAsync("href"));

        Assert.Equal(200, await tab.GoAsync("/agenda"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose your talks" })).ToBeVisibleAsync();
        await page.GetByLabel(Talk2).CheckAsync();
        await page.GetByLabel(Talk5).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show my agenda" }).ClickAsync();

        await page.WaitForURLAsync(new Regex(@"/agenda\?talks=2&talks=5$"));
        await ExpectAgendaAsync(page, "2", "5");
        var download = page.GetByRole(AriaRole.Link, new() { Name = "Download the calendar file (.ics)" });
        await Expect(download).ToBeVisibleAsync();
        Assert.Equal("/agenda.ics?talks=2,5", await download.GetAttributeAsync("href"));
        await Expect(page.GetByLabel("Shareable link")).ToHaveValueAsync(new Uri(browser.BaseAddress, "/agenda?talks=2,5").ToString());
        // The copy and print buttons need the script, so they stay hidden.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy link" })).ToBeHiddenAsync();
        await Expect(page.GetByLabel(Talk2)).ToBeCheckedAsync();
        await Expect(page.GetByLabel(Talk3)).Not.ToBeCheckedAsync();
    }

    [Fact]
    public async Task A_shared_link_is_offered_never_saved_over_the_agenda_in_this_browser()
    {
        await using var tab = await browser.OpenAsync();
        var page = tab.Page;
        // A first agenda link in a browser with nothing saved becomes the saved agenda.
        await tab.GoAsync("/agenda?talks=3");
        Assert.Equal("3", await StoredAsync(page));
        var adopt = page.Locator("[data-agenda-adopt]");
        await Expect(adopt).ToBeHiddenAsync();

        await tab.GoAsync("/agenda?talks=2,5");
        await ExpectAgendaAsync(page, "2", "5");
        await Expect(adopt).ToBeVisibleAsync();
        await Expect(adopt).ToContainTextAsync("This agenda is not the one saved in this browser.");
        Assert.Equal("3", await StoredAsync(page));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Show my saved agenda" })).ToHaveAttributeAsync("href", "/agenda?talks=3");

        var makeMine = page.GetByRole(AriaRole.Button, new() { Name = "Make this my agenda" });
        await makeMine.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(adopt.Locator("p")).ToHaveTextAsync("This is now your saved agenda.");
        await Expect(adopt).ToBeVisibleAsync();
        await Expect(makeMine).ToBeHiddenAsync();
        // Focus stays in the notice instead of falling back to the top of the page.
        await Expect(adopt.Locator("p")).ToBeFocusedAsync();
        Assert.Equal("2,5", await StoredAsync(page));
        await Expect(page.Locator("a[data-agenda-link]").First).ToHaveAttributeAsync("href", "/agenda?talks=2,5");
        await tab.GoAsync("/agenda");
        await page.WaitForURLAsync(new Regex(@"/agenda\?talks=2,5$"));
        // An empty selection in the address is no agenda to adopt: the saved one opens.
        await tab.GoAsync("/agenda?talks=");
        await page.WaitForURLAsync(new Regex(@"/agenda\?talks=2,5$"));
        await ExpectAgendaAsync(page, "2", "5");
        await Expect(adopt).ToBeHiddenAsync();
        Assert.Equal("2,5", await StoredAsync(page));
        Assert.Empty(tab.Problems);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_selection_that_is_not_talk_numbers_gets_a_400_page_that_says_so(bool javaScript)
    {
        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions { JavaScriptEnabled = javaScript });
        var page = tab.Page;
        if (javaScript)
        {
            // A saved agenda must not whisk the visitor away from the message.
            await tab.GoAsync("/agenda?talks=2");
        }

        Assert.Equal(400, await tab.GoAsync("/agenda?talks=abc"));
        Assert.EndsWith("/agenda?talks=abc", page.Url);
        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToBeVisibleAsync();
        await Expect(alert).ToContainTextAsync("The talk selection cannot be read");
        await Expect(alert).ToContainTextAsync("\"abc\" is not a talk number.");
        await Expect(page.Locator("li.agenda-item")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show my agenda" })).ToBeVisibleAsync();
        if (javaScript)
        {
            Assert.Equal("2", await StoredAsync(page));
        }
    }

    private static Task<string?> StoredAsync(IPage page) =>
        page.EvaluateAsync<string?>("() => localStorage.getItem('agenda.talks')");

    private static async Task ExpectAgendaAsync(IPage page, params string[] talks)
    {
        var items = page.Locator("ol.agenda-list > li.agenda-item");
        await Expect(items).ToHaveCountAsync(talks.Length);
        Assert.Equal(talks, await items.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.talk)"));
    }
}
