using System.Net;
using TheoryAI.Tests.Infrastructure;

namespace TheoryAI.Tests.Pages.Admin;

/// <summary>Two organizers edit the same thing: the later save never silently overwrites the earlier one.</summary>
public sealed class ConcurrentEditTests(OrganizerSite site) : IClassFixture<OrganizerSite>
{
    private int SessionOfTalk(int number)
    {
        using var db = site.CreateDb();
        return db.Talks.Where(t => t.Number == number).Select(t => t.SessionId).Single();
    }

    [Fact]
    public async Task The_later_save_sees_both_versions_and_chooses()
    {
        var alice = await site.SignedInOrganizerAsync("alice@example.org");
        var bob = await site.SignedInOrganizerAsync("bob@example.org");
        var url = $"/admin/talks/edit/{SessionOfTalk(10)}";
        var alicesForm = await HtmlForm.LoadAsync(alice, url, "#edit-form");
        var bobsForm = await HtmlForm.LoadAsync(bob, url, "#edit-form");

        Assert.Equal(HttpStatusCode.Redirect, (await alicesForm.Set("Input.Title", "Statistical physics of learning (corrected)").SubmitAsync()).StatusCode);

        var conflict = await bobsForm.Set("Input.StartTime", "10:55").Set("Input.EndTime", "11:40").SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await HtmlForm.ParseAsync(conflict);
        Assert.Contains("Someone else saved this talk after you opened it. Nothing was overwritten", page.QuerySelector(".form-errors")!.TextContent);
        var rows = page.QuerySelectorAll(".conflict tbody tr").ToDictionary(
            r => r.QuerySelector("th")!.TextContent, r => (Mine: r.QuerySelector(".mine")!.TextContent, Theirs: r.QuerySelector(".theirs")!.TextContent));
        Assert.Equal(("Statistical physics of learning with two-layer neural networks", "Statistical physics of learning (corrected)"), (rows["Title"].Mine[..62], rows["Title"].Theirs));
        Assert.Equal(("10:55", "11:00"), rows["Start"]);
        Assert.Equal($"{url}", page.QuerySelector(".conflict a")!.GetAttribute("href"));
        using (var db = site.CreateDb())
        {
            var stored = db.Sessions.Single(s => s.Talk!.Number == 10);
            Assert.Equal("Statistical physics of learning (corrected)", stored.Title);
            Assert.Equal(new TimeOnly(11, 0), TimeOnly.FromDateTime(stored.Start));
        }

        // Saving again with the stale version is still refused: only the explicit "keep mine" overwrites.
        var again = await HtmlForm.From(bob, new Uri(bob.BaseAddress!, url), page, "#edit-form").SubmitAsync();
        Assert.Contains("Someone else saved this talk", (await HtmlForm.ParseAsync(again)).QuerySelector(".form-errors")!.TextContent);

        var keepMine = await HtmlForm.From(bob, new Uri(bob.BaseAddress!, url), page, "#edit-form").SubmitAsync(".conflict button[formaction*='handler=KeepMine']");
        Assert.Equal(HttpStatusCode.Redirect, keepMine.StatusCode);
        using (var db = site.CreateDb())
        {
            var stored = db.Sessions.Single(s => s.Talk!.Number == 10);
            Assert.StartsWith("Statistical physics of learning with two", stored.Title);
            Assert.Equal(new TimeOnly(10, 55), TimeOnly.FromDateTime(stored.Start));
            var history = db.Changes.Where(c => c.SessionId == stored.Id).OrderBy(c => c.Id).Select(c => c.ChangedBy).ToList();
            Assert.Equal(["alice@example.org", "bob@example.org"], history);
        }
    }

    [Fact]
    public async Task Taking_theirs_reloads_the_stored_version()
    {
        var alice = await site.SignedInOrganizerAsync("alice2@example.org");
        var bob = await site.SignedInOrganizerAsync("bob2@example.org");
        var url = $"/admin/talks/edit/{SessionOfTalk(8)}";
        var alicesForm = await HtmlForm.LoadAsync(alice, url, "#edit-form");
        var bobsForm = await HtmlForm.LoadAsync(bob, url, "#edit-form");
        await alicesForm.Set("Input.Type", "Keynote").SubmitAsync();
        var page = await HtmlForm.ParseAsync(await bobsForm.Set("Input.Type", "Invited Talk").SubmitAsync());
        var reload = await HtmlForm.LoadAsync(bob, page.QuerySelector(".conflict a")!.GetAttribute("href")!, "#edit-form");
        Assert.Equal("Keynote", reload["Input.Type"]);
        Assert.Equal(HttpStatusCode.Redirect, (await reload.Set("Input.Type", "Keynote talk").SubmitAsync()).StatusCode);
    }

    [Fact]
    public async Task A_delete_of_something_changed_meanwhile_does_not_go_through()
    {
        var alice = await site.SignedInOrganizerAsync("alice3@example.org");
        var bob = await site.SignedInOrganizerAsync("bob3@example.org");
        var sessionId = await UnpublishedTalkAsync(alice, 91, "Architectural bias");
        var confirm = await HtmlForm.LoadAsync(alice, $"/admin/talks/edit/{sessionId}?handler=Delete", "form[action*='handler=Delete']");
        var edit = await HtmlForm.LoadAsync(bob, $"/admin/talks/edit/{sessionId}", "#edit-form");
        Assert.Equal(HttpStatusCode.Redirect, (await edit.Set("Input.Title", "Architectural bias (new title)").SubmitAsync()).StatusCode);

        var refused = await confirm.SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await HtmlForm.ParseAsync(refused);
        Assert.Contains("so it was not deleted", page.QuerySelector(".form-errors")!.TextContent);
        Assert.Contains("Architectural bias (new title)", page.QuerySelector("h2")!.TextContent);
        using (var db = site.CreateDb())
        {
            Assert.True(db.Sessions.Any(s => s.Id == sessionId));
        }

        var second = await HtmlForm.From(alice, new Uri(alice.BaseAddress!, $"/admin/talks/edit/{sessionId}?handler=Delete"), page, "form[action*='handler=Delete']").SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        using (var db = site.CreateDb())
        {
            Assert.False(db.Sessions.Any(s => s.Id == sessionId));
        }
    }

    /// <summary>Only what was never published can be deleted: a new talk in the draft.</summary>
    private async Task<int> UnpublishedTalkAsync(HttpClient organizer, int number, string title)
    {
        var created = await (await HtmlForm.LoadAsync(organizer, "/admin/talks/edit", "#edit-form"))
            .Set("Input.Number", number.ToString(System.Globalization.CultureInfo.InvariantCulture)).Set("Input.Title", title)
            .Set("Input.StartTime", "07:00").Set("Input.EndTime", "07:20").Set("Input.RoomId", "").SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return SessionOfTalk(number);
    }

    [Fact]
    public async Task Editing_something_deleted_meanwhile_says_so()
    {
        var alice = await site.SignedInOrganizerAsync("alice4@example.org");
        var bob = await site.SignedInOrganizerAsync("bob4@example.org");
        var sessionId = await UnpublishedTalkAsync(alice, 92, "Discussion");
        var edit = await HtmlForm.LoadAsync(bob, $"/admin/talks/edit/{sessionId}", "#edit-form");
        var confirm = await HtmlForm.LoadAsync(alice, $"/admin/talks/edit/{sessionId}?handler=Delete", "form[action*='handler=Delete']");
        Assert.Equal(HttpStatusCode.Redirect, (await confirm.SubmitAsync()).StatusCode);
        var response = await edit.Set("Input.Title", "Discussion (extended)").SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("deleted by someone else", (await HtmlForm.ParseAsync(response)).QuerySelector(".form-errors")!.TextContent);
    }

    [Fact]
    public async Task Rooms_are_protected_the_same_way()
    {
        var alice = await site.SignedInOrganizerAsync("alice5@example.org");
        var bob = await site.SignedInOrganizerAsync("bob5@example.org");
        int roomId;
        using (var db = site.CreateDb())
        {
            roomId = db.Rooms.Single(r => r.Code == "PI/1-124").Id;
        }
        var a = await HtmlForm.LoadAsync(alice, $"/admin/rooms/edit/{roomId}", "#edit-form");
        var b = await HtmlForm.LoadAsync(bob, $"/admin/rooms/edit/{roomId}", "#edit-form");
        Assert.Equal(HttpStatusCode.Redirect, (await a.Set("Input.Capacity", "100").SubmitAsync()).StatusCode);
        var page = await HtmlForm.ParseAsync(await b.Set("Input.Capacity", "140").SubmitAsync());
        var row = page.QuerySelectorAll(".conflict tbody tr").Single();
        Assert.Equal("140", row.QuerySelector(".mine")!.TextContent);
        Assert.Equal("100", row.QuerySelector(".theirs")!.TextContent);
    }
}
