using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TheoryAI.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TheoryAI.BrowserTests.Agenda;

/// <summary>
/// My agenda remembers, beside the picks, the release the visitor last saw it in: after organizers publish a release
/// that changes a picked talk, opening My agenda (the plain address) lists what changed for them, once.
/// </summary>
[Collection(OrganizerCollection.Name)]
public sealed class AgendaChangesSinceTests(OrganizerBrowser organizer)
{
    private const string Talk8 = "Solvable models of scaling and emergence in deep learning";

    private static Task<string?> SeenAsync(IPage page) =>
        page.EvaluateAsync<string?>("() => localStorage.getItem('agenda.seen')");

    private static async Task<int> ReleaseOfAsync(IPage page) =>
        int.Parse(await page.Locator("html").GetAttributeAsync("data-release") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task After_a_release_that_moves_a_picked_talk_my_agenda_says_what_changed_once()
    {
        await using var visitor = await organizer.Browser.OpenAsync();
        var page = visitor.Page;

        // Pick two talks on the programme and open My agenda: nothing to report yet, this release is remembered.
        await visitor.GoAsync("/programme?days=all");
        await page.Locator("button.agenda-toggle[data-talk='8']").ClickAsync();
        await page.Locator("button.agenda-toggle[data-talk='9']").ClickAsync();
        await visitor.GoAsync("/agenda");
        await page.WaitForURLAsync(new Regex(@"/agenda\?talks=8,9$"));
        var seen = await ReleaseOfAsync(page);
        Assert.True(seen >= 1);
        Assert.Equal(seen.ToString(System.Globalization.CultureInfo.InvariantCulture), await SeenAsync(page));
        await Expect(page.Locator(".agenda__changes")).ToHaveCountAsync(0);

        // An organizer moves talk 8 to early Friday and publishes.
        await using (var desk = await organizer.OpenSignedInAsync())
        {
            await desk.GoAsync($"/admin/talks/edit/{organizer.SessionOfTalk(8)}");
            var form = desk.Page.Locator("#edit-form");
            await form.Locator("select#Input_Date").SelectOptionAsync("2025-04-11");
            await form.Locator("#Input_StartTime").FillAsync("07:00");
            await form.Locator("#Input_EndTime").FillAsync("07:45");
            await form.Locator("button[type=submit]:not([formaction])").ClickAsync();
            await desk.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin");
            await desk.GoAsync("/admin/publish");
            await desk.Page.Locator("#publish-form button[type=submit]").ClickAsync();
            await desk.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin");
            Assert.Contains("Published release", await desk.Page.Locator(".notice").InnerTextAsync());
        }

        // The visitor types the plain address: the agenda lists the change since the release last seen.
        await visitor.GoAsync("/agenda");
        await page.WaitForURLAsync(new Regex($@"/agenda\?talks=8,9&since={seen}$"));
        var changes = page.Locator(".agenda__changes");
        await Expect(changes.Locator("h2")).ToHaveTextAsync($"What changed for you since release {seen}");
        await Expect(changes.Locator("li")).ToHaveCountAsync(1);
        Assert.StartsWith($"Moved: talk 8, “{Talk8}”:", (await changes.Locator("li").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        var current = await ReleaseOfAsync(page);
        Assert.True(current > seen);
        Assert.Equal(current.ToString(System.Globalization.CultureInfo.InvariantCulture), await SeenAsync(page));

        // Dismiss hides the list and takes since= out of the address.
        await page.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Expect(changes).ToBeHiddenAsync();
        Assert.EndsWith("/agenda?talks=8,9", page.Url, StringComparison.Ordinal);

        // Next time it is quiet: the agenda opens without the list.
        await visitor.GoAsync("/agenda");
        await page.WaitForURLAsync(new Regex(@"/agenda\?talks=8,9$"));
        await Expect(page.Locator("ol.agenda-list > li.agenda-item")).ToHaveCountAsync(2);
        await Expect(page.Locator(".agenda__changes")).ToHaveCountAsync(0);
        Assert.True(visitor.Problems.Count == 0, string.Join("\n", visitor.Problems));
        Assert.Empty(await visitor.CspViolationsAsync());
    }
}
