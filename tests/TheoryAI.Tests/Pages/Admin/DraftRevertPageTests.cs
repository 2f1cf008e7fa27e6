using System.Net;
using AngleSharp.Html.Dom;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Pages.Admin;

/// <summary>Discard all draft changes and Revert, through the Publish page's real forms.</summary>
public sealed class DraftRevertPageTests
{
    private static async Task SavedAsync(HtmlForm form)
    {
        var response = await form.SubmitAsync();
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            Assert.Fail(await OrganizerSite.ErrorsOf(response));
        }
    }

    private static Task<HtmlForm> TalkFormAsync(OrganizerSite site, HttpClient organizer, int number) =>
        HtmlForm.LoadAsync(organizer, $"/admin/talks/edit/{site.SessionOfTalk(number)}", "#edit-form");

    private static async Task MoveAsync(OrganizerSite site, HttpClient organizer, int number, string start, string end) =>
        await SavedAsync((await TalkFormAsync(site, organizer, number)).Set("Input.StartTime", start).Set("Input.EndTime", end));

    private static IReadOnlyList<string> UnpublishedOf(IHtmlDocument page) =>
        page.QuerySelectorAll("#unpublished-heading ~ ul.changes > li").Select(li => li.TextContent.Trim()).ToList();

    /// <summary>Follows a form's answer: a redirect to the Publish page (with its notice), else the page shown.</summary>
    private static async Task<IHtmlDocument> FollowAsync(HttpClient organizer, HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await HtmlForm.ParseAsync(response);
        }
        Assert.Equal("/admin/publish", response.Headers.Location!.OriginalString);
        return await HtmlForm.GetDocumentAsync(organizer, "/admin/publish");
    }

    private static async Task<string> DraftContentAsync(OrganizerSite site)
    {
        using var db = site.CreateDb();
        return TheoryAI.Tests.Programme.DraftRevertsTests.Content(await ProgrammeReader.LoadAsync(db));
    }

    private static async Task<string> ReleaseContentAsync(OrganizerSite site)
    {
        using var db = site.CreateDb();
        return TheoryAI.Tests.Programme.DraftRevertsTests.Content((await ProgrammeReader.LoadReleaseAsync(db, db.Releases.Max(r => r.Number)))!);
    }

    [Fact]
    public async Task Discarding_all_draft_changes_after_a_confirmation_leaves_no_unpublished_change_and_public_pages_as_they_were()
    {
        using var site = new OrganizerSite();
        var organizer = await site.SignedInOrganizerAsync("discarder@example.org");
        var publicTalk = await site.CreateClient().GetStringAsync("/talks/2");
        await MoveAsync(site, organizer, 2, "07:00", "07:45");
        await SavedAsync((await HtmlForm.LoadAsync(organizer, "/admin/event", "#edit-form")).Set("Input.Name", "A renamed workshop"));

        var publish = await HtmlForm.GetDocumentAsync(organizer, "/admin/publish");
        Assert.Contains(UnpublishedOf(publish), c => c.StartsWith("Moved: talk 2,", StringComparison.Ordinal));
        Assert.Contains("Also edited in the draft (not part of the timetable's changes): the event's details.", publish.Body!.TextContent);
        Assert.Null(publish.QuerySelector("#discard-form"));
        var confirmUrl = publish.QuerySelector("#discard-link")!.GetAttribute("href")!;
        var confirm = await HtmlForm.LoadAsync(organizer, confirmUrl, "#discard-form");
        Assert.Contains("Discard all draft changes?", confirm.Element.Owner!.QuerySelector("#confirm-heading")!.TextContent);

        var after = await FollowAsync(organizer, await confirm.SubmitAsync());

        Assert.Equal("Discarded all draft changes: the draft is release 1 again.", after.QuerySelector(".notice[role=status]")!.TextContent.Trim());
        Assert.Empty(UnpublishedOf(after));
        Assert.Contains("The draft is the same as the latest release.", after.Body!.TextContent);
        Assert.Null(after.QuerySelector("#discard-link"));
        Assert.Equal(await ReleaseContentAsync(site), await DraftContentAsync(site));
        Assert.Equal(publicTalk, await site.CreateClient().GetStringAsync("/talks/2"));
        var history = await HtmlForm.GetDocumentAsync(organizer, "/admin");
        Assert.Contains("Discarded all draft changes: the draft is release 1 again", history.QuerySelector(".history")!.TextContent);
    }

    [Fact]
    public async Task A_stale_discard_confirmation_changes_nothing_and_says_why()
    {
        using var site = new OrganizerSite();
        var organizer = await site.SignedInOrganizerAsync("stale@example.org");
        await MoveAsync(site, organizer, 2, "07:00", "07:45");
        var confirm = await HtmlForm.LoadAsync(organizer, "/admin/publish?handler=Discard", "#discard-form");
        await MoveAsync(site, organizer, 3, "07:00", "07:45");
        var draft = await DraftContentAsync(site);

        var page = await FollowAsync(organizer, await confirm.SubmitAsync());

        Assert.Contains("Nothing was discarded: the draft changed after you opened the confirmation", page.QuerySelector(".form-errors")!.TextContent);
        Assert.Equal(draft, await DraftContentAsync(site));
    }

    [Fact]
    public async Task Reverting_one_of_two_edited_talks_leaves_only_the_other_listed()
    {
        using var site = new OrganizerSite();
        var organizer = await site.SignedInOrganizerAsync("reverter@example.org");
        await MoveAsync(site, organizer, 2, "07:00", "07:45");
        await SavedAsync((await TalkFormAsync(site, organizer, 3)).Set("Input.Title", "A new title for talk 3").Set("Input.AbstractMarkdown", "Rewritten."));
        var session3 = site.SessionOfTalk(3);

        var publish = await HtmlForm.GetDocumentAsync(organizer, "/admin/publish");
        Assert.Equal(3, UnpublishedOf(publish).Count);
        // One Revert per block, however many of its fields changed.
        Assert.Single(publish.QuerySelectorAll($"form.revert-form[data-session='{session3}']"));
        var revert = HtmlForm.From(organizer, new Uri(organizer.BaseAddress!, "/admin/publish"), publish, $"form.revert-form[data-session='{session3}']");

        var after = await FollowAsync(organizer, await revert.SubmitAsync());

        Assert.Equal("Reverted “Causal Inference Meets Quantum Physics” to release 1.", after.QuerySelector(".notice[role=status]")!.TextContent.Trim());
        var left = Assert.Single(UnpublishedOf(after));
        Assert.StartsWith("Moved: talk 2,", left, StringComparison.Ordinal);
        var talk3 = await HtmlForm.LoadAsync(organizer, $"/admin/talks/edit/{session3}", "#edit-form");
        Assert.Equal("Causal Inference Meets Quantum Physics", talk3["Input.Title"]);
        Assert.NotEqual("Rewritten.", talk3["Input.AbstractMarkdown"]);
    }

    [Fact]
    public async Task Reverting_a_talk_new_in_the_draft_deletes_it()
    {
        using var site = new OrganizerSite();
        var organizer = await site.SignedInOrganizerAsync("undo-new@example.org");
        await SavedAsync((await HtmlForm.LoadAsync(organizer, "/admin/talks/edit", "#edit-form"))
            .Set("Input.Title", "Lightning talks").Set("Input.Date", "2025-04-10").Set("Input.StartTime", "17:00").Set("Input.EndTime", "17:30")
            .Set("Input.RoomId", site.RoomId("PI/4-400").ToString()).Set("Input.NewSpeakerName", "Ada Example"));
        var session = site.SessionOfTalk(19);
        var publish = await HtmlForm.GetDocumentAsync(organizer, "/admin/publish");
        Assert.Contains(UnpublishedOf(publish), c => c.StartsWith("New: talk 19, “Lightning talks”", StringComparison.Ordinal));

        var after = await FollowAsync(organizer, await HtmlForm.From(organizer, new Uri(organizer.BaseAddress!, "/admin/publish"), publish,
            $"form.revert-form[data-session='{session}']").SubmitAsync());

        Assert.Equal("Reverted “Lightning talks”: it was never published, so it was deleted from the draft.", after.QuerySelector(".notice[role=status]")!.TextContent.Trim());
        Assert.Empty(UnpublishedOf(after));
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.GetAsync($"/admin/talks/edit/{session}")).StatusCode);
        // The speaker made with it stays, as a deleted talk's speakers do: only the block was new in the release's terms.
        Assert.Contains("speaker Ada Example", after.Body!.TextContent);
    }

    [Fact]
    public async Task Someone_without_the_organizer_role_cannot_discard_or_revert()
    {
        using var site = new OrganizerSite();
        var organizer = await site.SignedInOrganizerAsync("owner@example.org");
        await MoveAsync(site, organizer, 2, "07:00", "07:45");
        var publish = await HtmlForm.GetDocumentAsync(organizer, "/admin/publish");
        var revert = HtmlForm.From(organizer, new Uri(organizer.BaseAddress!, "/admin/publish"), publish, "form.revert-form");
        var discard = await HtmlForm.LoadAsync(organizer, "/admin/publish?handler=Discard", "#discard-form");
        var draft = await DraftContentAsync(site);

        var attendee = site.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await OrganizerSite.SignInAsync(attendee, await site.AddPlainUserAsync("attendee@example.org"))).StatusCode);
        foreach (var (form, handler) in new[] { (revert, "Revert"), (discard, "Discard") })
        {
            foreach (var client in new[] { attendee, site.NewClient() })
            {
                var response = await client.PostAsync($"/admin/publish?handler={handler}", new FormUrlEncodedContent(form.Fields));
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.BadRequest,
                    $"{handler}: {(int)response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    Assert.Matches("^/account/(login|access-denied)", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString);
                }
            }
        }
        Assert.Equal(draft, await DraftContentAsync(site));
    }
}
