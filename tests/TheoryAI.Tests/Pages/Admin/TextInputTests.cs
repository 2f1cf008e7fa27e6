using System.Net;
using TheoryAI.Tests.Infrastructure;

namespace TheoryAI.Tests.Pages.Admin;

/// <summary>The admin forms normalise pasted line breaks and refuse other control characters at the field.</summary>
public sealed class TextInputTests(OrganizerSite site) : IClassFixture<OrganizerSite>
{
    [Fact]
    public async Task A_control_character_in_a_title_is_refused_at_the_field_and_nothing_is_saved()
    {
        var organizer = await site.SignedInOrganizerAsync("bell@example.org");
        var sessionId = site.SessionOfTalk(5);
        var form = await HtmlForm.LoadAsync(organizer, $"/admin/talks/edit/{sessionId}", "#edit-form");
        var before = form["Input.Title"];

        var response = await form.Set("Input.Title", "Ring the\u0007bell").SubmitAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForm.ParseAsync(response);
        Assert.Contains("Title: contains an invisible control character (U+0007) at position 9",
            page.QuerySelector("[data-valmsg-for='Input.Title']")!.TextContent);
        using var db = site.CreateDb();
        Assert.Equal(before, db.Sessions.Single(s => s.Id == sessionId).Title);
    }

    [Fact]
    public async Task Line_breaks_pasted_from_a_word_processor_are_stored_as_plain_line_breaks()
    {
        var organizer = await site.SignedInOrganizerAsync("paste@example.org");
        var sessionId = site.SessionOfTalk(6);
        var form = await HtmlForm.LoadAsync(organizer, $"/admin/talks/edit/{sessionId}", "#edit-form");

        var response = await form.Set("Input.AbstractMarkdown", "First paragraph.\v\vSecond paragraph.").SubmitAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using (var db = site.CreateDb())
        {
            Assert.Equal("First paragraph.\n\nSecond paragraph.", db.Talks.Single(t => t.SessionId == sessionId).AbstractMarkdown);
        }
        var feed = await site.NewClient().GetAsync("/changes.atom");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
    }

    [Fact]
    public async Task The_form_says_a_fields_maximum_length_and_the_input_enforces_it()
    {
        var organizer = await site.SignedInOrganizerAsync("hint@example.org");
        var page = await HtmlForm.GetDocumentAsync(organizer, "/admin/rooms/edit");
        var code = page.QuerySelector("#Input_Code")!;
        // The limit travels to the field's script, not as maxlength, which would cut pasted text without a word.
        Assert.Equal("40", code.GetAttribute("data-maxlength"));
        Assert.Null(code.GetAttribute("maxlength"));
        Assert.Equal("at most 40 characters", page.QuerySelector($"#{code.GetAttribute("aria-describedby")}")!.TextContent);
    }

    [Fact]
    public async Task An_over_long_title_is_refused_at_the_field_never_cut()
    {
        var organizer = await site.SignedInOrganizerAsync("long@example.org");
        var sessionId = site.SessionOfTalk(4);
        var form = await HtmlForm.LoadAsync(organizer, $"/admin/talks/edit/{sessionId}", "#edit-form");
        var before = form["Input.Title"];
        var title = new string('x', 5000);

        var response = await form.Set("Input.Title", title).SubmitAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForm.ParseAsync(response);
        Assert.Contains("Title: at most 300 characters", page.QuerySelector("[data-valmsg-for='Input.Title']")!.TextContent);
        // What was typed is kept whole, to be shortened by the organizer.
        Assert.Equal(title, page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        using var db = site.CreateDb();
        Assert.Equal(before, db.Sessions.Single(s => s.Id == sessionId).Title);
    }
}
