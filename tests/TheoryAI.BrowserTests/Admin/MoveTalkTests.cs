using System.Text.RegularExpressions;
using Ical.Net.CalendarComponents;
using Microsoft.Playwright;
using TheoryAI.BrowserTests.Infrastructure;

namespace TheoryAI.BrowserTests.Admin;

/// <summary>
/// An organizer moves a talk in the browser (the draft), previews it, publishes it, and then every public view of the
/// programme shows the new time: the timetable, the changes page, an attendee's agenda ("what changed for you") and
/// the calendar feed (with a higher SEQUENCE, so calendar apps take the update).
/// </summary>
[Collection(OrganizerCollection.Name)]
public sealed partial class MoveTalkTests(OrganizerBrowser organizer)
{
    [Fact]
    public async Task Moving_talk_2_then_previewing_and_publishing_shows_the_new_time_on_the_programme_the_changes_the_agenda_and_the_calendar()
    {
        var sessionId = organizer.SessionOfTalk(2);
        await using var tab = await organizer.Browser.OpenAsync();
        var page = tab.Page;

        // Before: the public views as they are (and as the output cache now holds them).
        await tab.GoAsync("/programme");
        Assert.Equal("09:45–10:30", await EntryTimeAsync(page, sessionId));
        await tab.GoAsync("/changes");
        Assert.Equal(0, await page.Locator("li.change", new() { HasText = "Scaling Limits for Learning" }).CountAsync());
        var seenRelease = await page.Locator("li.release").First.GetAttributeAsync("id");
        var before = await TalkEventAsync(tab);
        Assert.Equal(new DateTime(2025, 4, 9, 13, 45, 0, DateTimeKind.Utc), before.DtStart!.AsUtc);

        // Sign in and move the talk to Thursday 17:15–18:00 in its room (free after the 15:30–17:00 discussion;
        // its speaker gives no other talk).
        await OrganizerBrowser.SignInAsync(page);
        await tab.GoAsync("/admin");
        await page.ClickAsync($"#entry-{sessionId} a");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/admin/talks/edit/{sessionId}");
        var form = page.Locator("#edit-form");
        await form.Locator("select#Input_Date").SelectOptionAsync("2025-04-10");
        await form.Locator("#Input_StartTime").FillAsync("17:15");
        await form.Locator("#Input_EndTime").FillAsync("18:00");
        await form.Locator("button[type=submit]:not([formaction])").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin");
        Assert.Contains("17:15–18:00", await page.Locator($"#entry-{sessionId}").InnerTextAsync());
        Assert.True(tab.Problems.Count == 0, string.Join("\n", tab.Problems));

        // Saved in the draft only: anyone else still sees the published time (a fresh context without the cookie).
        await using var visitor = await organizer.Browser.OpenAsync();
        await visitor.GoAsync("/programme");
        Assert.Equal("09:45–10:30", await EntryTimeAsync(visitor.Page, sessionId));

        // The organizer previews the draft, then publishes it with a note.
        await page.ClickAsync("a:text('Preview the draft')");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/preview");
        Assert.Contains("Draft preview, not public", await page.Locator(".draft-banner").InnerTextAsync());
        Assert.Equal("17:15–18:00", await EntryTimeAsync(page, sessionId));
        await page.ClickAsync(".draft-banner a");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/publish");
        Assert.Contains("Moved: talk 2", await page.Locator("#unpublished-heading + ul").InnerTextAsync());
        await page.Locator("#Input_Note").FillAsync("Talk 2 moves to Thursday afternoon.");
        await page.Locator("#publish-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin");
        Assert.Contains("Published release", await page.Locator(".notice").InnerTextAsync());
        Assert.True(tab.Problems.Count == 0, string.Join("\n", tab.Problems));

        // After, as anyone sees it.
        await visitor.GoAsync("/programme");
        Assert.Equal("17:15–18:00", await EntryTimeAsync(visitor.Page, sessionId));
        Assert.Contains("Thursday", await visitor.Page.Locator($"section:has(#entry-{sessionId}) h2").First.InnerTextAsync());

        await visitor.GoAsync("/changes");
        var change = visitor.Page.Locator("li.change", new() { HasText = "Scaling Limits for Learning" });
        Assert.Equal(1, await change.CountAsync());
        Assert.Equal("Moved: talk 2, “Scaling Limits for Learning: Dynamics and Statics”: Wednesday 9 April 2025, 09:45 -> Thursday 10 April 2025, 17:15, Toronto time.",
            (await change.InnerTextAsync()).Trim());
        Assert.Equal("/talks/2", await change.Locator("a").GetAttributeAsync("href"));
        Assert.Contains("Talk 2 moves to Thursday afternoon.", await visitor.Page.Locator("li.release").First.InnerTextAsync());

        // An attendee who picked talk 2 and last saw the earlier release is told what changed for them.
        var since = seenRelease!["release-".Length..];
        await visitor.GoAsync($"/agenda?talks=2&since={since}");
        Assert.Contains("Moved: talk 2", await visitor.Page.Locator(".agenda__changes").InnerTextAsync());

        var after = await TalkEventAsync(visitor);
        Assert.True(after.Sequence > before.Sequence, $"SEQUENCE went from {before.Sequence} to {after.Sequence}");
        Assert.Equal(new DateTime(2025, 4, 10, 21, 15, 0, DateTimeKind.Utc), after.DtStart!.AsUtc);
        Assert.Equal("America/Toronto", after.DtStart.TzId);
        Assert.Equal(new DateTime(2025, 4, 10, 22, 0, 0, DateTimeKind.Utc), after.DtEnd!.AsUtc);
    }

    /// <summary>The entry's time range as shown (dashes and spaces normalised).</summary>
    private static async Task<string> EntryTimeAsync(IPage page, int sessionId)
    {
        var text = await page.Locator($"#entry-{sessionId} .entry__time").InnerTextAsync();
        var match = TimeRange().Match(text);
        Assert.True(match.Success, $"No time range in '{text}'");
        return $"{match.Groups[1].Value}–{match.Groups[2].Value}";
    }

    /// <summary>The whole programme's feed, fetched with the tab's own request context, and talk 2's event in it.</summary>
    private static async Task<CalendarEvent> TalkEventAsync(BrowserTab tab)
    {
        var response = await tab.Context.APIRequest.GetAsync("/calendar.ics");
        Assert.Equal(200, response.Status);
        var calendar = Ical.Net.Calendar.Load(await response.TextAsync())
            ?? throw new InvalidOperationException("The feed did not parse.");
        return Assert.Single(calendar.Events, e => e.Uid!.StartsWith("talk-2@", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"(\d\d:\d\d)\s*[–-]\s*(\d\d:\d\d)")]
    private static partial Regex TimeRange();
}
