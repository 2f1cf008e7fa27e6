using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Data;

namespace TheoryAI.Tests.Pages.Admin;

/// <summary>Organizers edit through the real forms; attendees see the result on the public pages.</summary>
public sealed class AdminEditingTests(OrganizerSite site) : IClassFixture<OrganizerSite>
{
    private int SessionOfTalk(int number)
    {
        using var db = site.CreateDb();
        return db.Talks.Where(t => t.Number == number).Select(t => t.SessionId).Single();
    }

    private int RoomId(string code)
    {
        using var db = site.CreateDb();
        return db.Rooms.Where(r => r.Code == code).Select(r => r.Id).Single();
    }

    private int SpeakerId(string slug)
    {
        using var db = site.CreateDb();
        return db.Speakers.Where(s => s.Slug == slug).Select(s => s.Id).Single();
    }

    private static async Task<string> ErrorsOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForm.ParseAsync(response);
        return string.Join("\n", page.QuerySelectorAll(".field-error, .form-errors li").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));
    }

    [Fact]
    public async Task Moving_a_talk_shows_on_the_programme_the_talk_page_the_changes_page_and_the_feed()
    {
        var organizer = await site.SignedInOrganizerAsync("mover@example.org");
        var sessionId = SessionOfTalk(2);
        int sequenceBefore;
        using (var db = site.CreateDb())
        {
            sequenceBefore = db.Sessions.Single(s => s.Id == sessionId).Sequence;
        }

        var index = await HtmlForm.GetDocumentAsync(organizer, "/admin");
        var editLink = index.QuerySelector($"#entry-{sessionId} a")!.GetAttribute("href");
        Assert.Equal($"/admin/talks/edit/{sessionId}", editLink);
        var form = await HtmlForm.LoadAsync(organizer, editLink!, "#edit-form");
        Assert.Equal("Scaling Limits for Learning: Dynamics and Statics", form["Input.Title"]);
        var response = await form.Set("Input.Date", "2025-04-11").Set("Input.StartTime", "14:00").Set("Input.EndTime", "14:45")
            .Set("Input.RoomId", RoomId("PI/1-119").ToString()).SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin#entry-{sessionId}", response.Headers.Location!.OriginalString);
        await OrganizerSite.PublishedAsync(organizer);

        var anonymous = site.NewClient();
        var friday = await HtmlForm.GetDocumentAsync(anonymous, "/programme/2025-04-11");
        var row = friday.QuerySelector($"#entry-{sessionId}")!;
        Assert.Equal("14:00–14:45", row.QuerySelector(".entry__time")!.TextContent.Trim());
        Assert.Contains("PI/1-119 Atrium", row.TextContent);
        var wednesday = await HtmlForm.GetDocumentAsync(anonymous, "/programme/2025-04-09");
        Assert.Null(wednesday.QuerySelector($"#entry-{sessionId}"));

        var changes = await HtmlForm.GetDocumentAsync(anonymous, "/changes");
        var latest = changes.QuerySelector("li.release")!;
        var change = latest.QuerySelectorAll("li.change").Single(li => li.TextContent.Trim().StartsWith("Moved: talk 2,", StringComparison.Ordinal));
        Assert.Equal("Moved: talk 2, “Scaling Limits for Learning: Dynamics and Statics”: Wednesday 9 April 2025, 09:45 -> Friday 11 April 2025, 14:00, Toronto time.", change.TextContent.Trim());
        Assert.Contains(latest.QuerySelectorAll("li.change"), li => li.TextContent.Trim() == "Room changed: talk 2, “Scaling Limits for Learning: Dynamics and Statics”: PI/4-400 Space Room -> PI/1-119 Atrium.");
        Assert.Equal("/talks/2", change.QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain("mover@example.org", changes.Body!.TextContent);

        var feed = XDocument.Parse(await anonymous.GetStringAsync("/changes.atom"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = feed.Root!.Elements(atom + "entry").First();
        Assert.StartsWith("http://localhost/changes#release-", entry.Element(atom + "link")!.Attribute("href")!.Value);
        Assert.Contains("Moved: talk 2, “Scaling Limits for Learning: Dynamics and Statics”: Wednesday 9 April 2025, 09:45 -> Friday 11 April 2025, 14:00, Toronto time.", entry.Element(atom + "summary")!.Value);

        using var check = site.CreateDb();
        var session = check.Sessions.Single(s => s.Id == sessionId);
        Assert.Equal(sequenceBefore + 1, session.Sequence);
        Assert.Equal(site.Clock.GetUtcNow().UtcDateTime, session.LastModifiedUtc);
        var record = check.Changes.Where(c => c.SessionId == sessionId).OrderByDescending(c => c.Id).First();
        Assert.Equal("mover@example.org", record.ChangedBy);
        Assert.Equal(ChangeKind.TimeChanged, record.Kind);
        Assert.True(record.IsPublic);
        Assert.Equal(2, record.TalkNumber);
        Assert.Contains("\"field\":\"Start\",\"from\":\"2025-04-09 09:45\",\"to\":\"2025-04-11 14:00\"", record.FieldChangesJson);
        Assert.Contains("\"field\":\"Room\",\"from\":\"PI/4-400\",\"to\":\"PI/1-119\"", record.FieldChangesJson);
    }

    [Fact]
    public async Task Saving_an_abstract_with_a_character_the_booklet_cannot_print_warns_naming_the_talk_and_the_character()
    {
        var organizer = await site.SignedInOrganizerAsync("fonts@example.org");
        var sessionId = SessionOfTalk(3);
        var form = await HtmlForm.LoadAsync(organizer, $"/admin/talks/edit/{sessionId}", "#edit-form");
        var response = await form.Set("Input.AbstractMarkdown", "The loss is ≈ ∑ ∂ (maths prints) and 量子 does not.").SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var admin = await HtmlForm.GetDocumentAsync(organizer, "/admin");
        var notice = admin.QuerySelector(".notice")!.TextContent;
        Assert.Contains("Saved talk 3", notice);
        Assert.Contains("no font for “量” (U+91CF) “子” (U+5B50) in talk 3", notice);
        Assert.DoesNotContain("≈", notice);

        // A later save without such characters says nothing of fonts.
        form = await HtmlForm.LoadAsync(organizer, $"/admin/talks/edit/{sessionId}", "#edit-form");
        await form.Set("Input.AbstractMarkdown", "The loss is ≈ ∑ ∂.").SubmitAsync();
        admin = await HtmlForm.GetDocumentAsync(organizer, "/admin");
        Assert.DoesNotContain("no font", admin.QuerySelector(".notice")!.TextContent);
    }

    [Fact]
    public async Task A_room_overlap_is_a_warning_in_the_draft_and_publish_refuses_it_unless_the_organizer_ticks_the_box()
    {
        var organizer = await site.SignedInOrganizerAsync("overlap@example.org");
        var url = $"/admin/talks/edit/{SessionOfTalk(12)}";
        var form = (await HtmlForm.LoadAsync(organizer, url, "#edit-form")).Set("Input.StartTime", "14:00").Set("Input.EndTime", "14:45");
        Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync()).StatusCode);
        var warning = (await HtmlForm.GetDocumentAsync(organizer, "/admin")).QuerySelector(".notice")!.TextContent;
        Assert.Contains("Room: PI/4-400 Space Room is already used by “Aspects of RG flows and Bayesian Updating", warning);
        Assert.Contains("tick “Allow sharing the room”", warning);
        var refused = await OrganizerSite.PublishAsync(organizer);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        // Named once, on the later of the two blocks.
        Assert.Contains("Fix “Aspects of RG flows and Bayesian Updating”: Room: PI/4-400 Space Room is already used by “Renormalization Group Flows",
            (await HtmlForm.ParseAsync(refused)).QuerySelector("ul.clashes")!.TextContent);

        form = (await HtmlForm.LoadAsync(organizer, url, "#edit-form"));
        var retry = await form.Set("Input.AllowRoomOverlap", "true").SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        using var db = site.CreateDb();
        Assert.Equal(new DateTime(2025, 4, 10, 14, 0, 0), db.Sessions.Single(s => s.Talk!.Number == 12).Start);
        await OrganizerSite.PublishedAsync(organizer);
    }

    [Fact]
    public async Task A_speaker_in_two_places_at_once_is_a_warning_in_the_draft_and_never_published()
    {
        var organizer = await site.SignedInOrganizerAsync("clash@example.org");
        var original = await HtmlForm.LoadAsync(organizer, $"/admin/talks/edit/{SessionOfTalk(5)}", "#edit-form");
        var form = (await HtmlForm.LoadAsync(organizer, $"/admin/talks/edit/{SessionOfTalk(5)}", "#edit-form"))
            .Set("Input.Date", "2025-04-10").Set("Input.StartTime", "09:15").Set("Input.EndTime", "09:40")
            .Set("Input.RoomId", RoomId("PI/1-124").ToString())
            .Set("Input.SpeakerIds", SpeakerId("alessandro-favero").ToString(), SpeakerId("cengiz-pehlevan").ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync()).StatusCode);
        var warning = (await HtmlForm.GetDocumentAsync(organizer, "/admin")).QuerySelector(".notice")!.TextContent;
        Assert.Contains("Speakers: Cengiz Pehlevan is also in “Solvable models of scaling and emergence", warning);
        var refused = await OrganizerSite.PublishAsync(organizer);
        Assert.Contains("Speakers: Cengiz Pehlevan is also in “Solvable models of scaling and emergence",
            (await HtmlForm.ParseAsync(refused)).QuerySelector("ul.clashes")!.TextContent);
        var published = await HtmlForm.GetDocumentAsync(site.NewClient(), "/talks/5");
        Assert.Contains("13:30", published.QuerySelector(".time-range")!.TextContent);

        // Put it back, so the draft holds no clash.
        var back = await HtmlForm.LoadAsync(organizer, $"/admin/talks/edit/{SessionOfTalk(5)}", "#edit-form");
        foreach (var name in original.Fields.Select(f => f.Key).Distinct().Where(k => k is not ("Input.ConcurrencyStamp" or "__RequestVerificationToken")))
        {
            back.Set(name, [.. original.Fields.Where(f => f.Key == name).Select(f => f.Value)]);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await back.SubmitAsync()).StatusCode);
        using var db = site.CreateDb();
        Assert.Equal(new DateTime(2025, 4, 9, 13, 30, 0), db.Sessions.Single(s => s.Talk!.Number == 5).Start);
    }

    [Theory]
    [InlineData("Input.EndTime", "08:30", "End: must be after the start (09:00). Set a later end time.")]
    [InlineData("Input.Date", "2025-04-12", "Date: Sat 12 Apr 2025 is not a day of the event.")]
    [InlineData("Input.Number", "16", "Number: 16 is already used by another talk. Choose an unused number.")]
    [InlineData("Input.Title", "", "Title: enter the talk's title.")]
    [InlineData("Input.RecordingUrl", "not a link", "Recording: enter a full address starting with https://.")]
    [InlineData("Input.StartTime", "", "Start: enter a time like 09:45.")]
    public async Task Each_rule_names_the_field_and_the_fix(string field, string value, string message)
    {
        var organizer = await site.SignedInOrganizerAsync("rules@example.org");
        var url = $"/admin/talks/edit/{SessionOfTalk(15)}";
        var form = (await HtmlForm.LoadAsync(organizer, url, "#edit-form")).Set(field, value);
        var response = await form.SubmitAsync();
        var page = await HtmlForm.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fieldError = page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent;
        Assert.Contains(message, fieldError);
        using var db = site.CreateDb();
        var talk = db.Talks.Include(t => t.Session).Single(t => t.SessionId == SessionOfTalk(15));
        Assert.Equal("NN/QFT correspondence", talk.Session.Title);
        Assert.Equal(new DateTime(2025, 4, 11, 9, 0, 0), talk.Session.Start);
    }

    [Fact]
    public async Task The_abstract_preview_renders_markdown_without_saving()
    {
        var organizer = await site.SignedInOrganizerAsync("preview@example.org");
        var url = $"/admin/talks/edit/{SessionOfTalk(13)}";
        var form = (await HtmlForm.LoadAsync(organizer, url, "#edit-form")).Set("Input.AbstractMarkdown", "Some **bold** claim <script>alert(1)</script>");
        var response = await form.SubmitAsync("button[formaction*='handler=Preview']");
        var page = await HtmlForm.ParseAsync(response);
        var preview = page.QuerySelector(".preview")!;
        Assert.Equal("bold", preview.QuerySelector("strong")!.TextContent);
        Assert.Null(preview.QuerySelector("script"));
        using var db = site.CreateDb();
        Assert.DoesNotContain("bold", db.Talks.Single(t => t.Number == 13).AbstractMarkdown ?? "");
    }

    [Fact]
    public async Task A_new_talk_with_a_new_speaker_is_announced_as_added()
    {
        var organizer = await site.SignedInOrganizerAsync("creator@example.org");
        var form = await HtmlForm.LoadAsync(organizer, "/admin/talks/edit", "#edit-form");
        Assert.Equal("19", form["Input.Number"]);
        var response = await form.Set("Input.Title", "Lightning talks").Set("Input.Type", "Workshop Talk")
            .Set("Input.Date", "2025-04-10").Set("Input.StartTime", "17:00").Set("Input.EndTime", "17:30")
            .Set("Input.RoomId", RoomId("PI/4-400").ToString())
            .Set("Input.NewSpeakerName", "Émilie Du Châtelet").Set("Input.NewSpeakerAffiliation", "Cirey")
            .Set("Input.AbstractMarkdown", "Short *talks*.").SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await OrganizerSite.PublishedAsync(organizer);

        var anonymous = site.NewClient();
        var talk = await HtmlForm.GetDocumentAsync(anonymous, "/talks/19");
        Assert.Equal("Lightning talks", talk.QuerySelector("h1")!.TextContent);
        Assert.Contains("Émilie Du Châtelet", talk.Body!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/speakers/emilie-du-chatelet")).StatusCode);
        var changes = await HtmlForm.GetDocumentAsync(anonymous, "/changes");
        var added = changes.QuerySelectorAll("li.change").Single(li => li.TextContent.Contains("Lightning talks"));
        Assert.Equal("New: talk 19, “Lightning talks” on Thursday 10 April 2025, 17:00–17:30, Toronto time, in PI/4-400 Space Room.", added.TextContent.Trim());
    }

    [Fact]
    public async Task A_published_talk_is_cancelled_not_deleted_and_announced_as_cancelled()
    {
        var organizer = await site.SignedInOrganizerAsync("deleter@example.org");
        var sessionId = SessionOfTalk(18);
        var refusal = await HtmlForm.GetDocumentAsync(organizer, $"/admin/talks/edit/{sessionId}?handler=Delete");
        Assert.Contains("is in the published programme, so it cannot be deleted: tick “Cancelled”", refusal.Body!.TextContent);
        Assert.Null(refusal.QuerySelector("form[action*='handler=Delete']"));
        var form = await HtmlForm.LoadAsync(organizer, $"/admin/talks/edit/{sessionId}", "#edit-form");
        Assert.Equal(HttpStatusCode.Redirect, (await form.Set("Input.Cancelled", "true").SubmitAsync()).StatusCode);
        await OrganizerSite.PublishedAsync(organizer);

        var anonymous = site.NewClient();
        var talk = await HtmlForm.GetDocumentAsync(anonymous, "/talks/18");
        Assert.Contains("Cancelled", talk.QuerySelector(".cancelled-notice")!.TextContent);
        var changes = await HtmlForm.GetDocumentAsync(anonymous, "/changes");
        var cancelled = changes.QuerySelectorAll("li.change").Single(li => li.TextContent.Contains("Closing Remarks"));
        Assert.StartsWith("Cancelled: talk 18, “Closing Remarks”, Friday 11 April 2025, ", cancelled.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("/talks/18", cancelled.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_abstract_edit_is_recorded_for_organizers_but_not_announced()
    {
        var organizer = await site.SignedInOrganizerAsync("editor@example.org");
        var sessionId = SessionOfTalk(16);
        var form = await HtmlForm.LoadAsync(organizer, $"/admin/talks/edit/{sessionId}", "#edit-form");
        Assert.Equal(HttpStatusCode.Redirect, (await form.Set("Input.AbstractMarkdown", "A corrected abstract.").SubmitAsync()).StatusCode);
        using var db = site.CreateDb();
        var record = db.Changes.Where(c => c.SessionId == sessionId).OrderByDescending(c => c.Id).First();
        Assert.Equal(ChangeKind.Other, record.Kind);
        Assert.False(record.IsPublic);
        Assert.Contains("\"to\":\"A corrected abstract.\"", record.FieldChangesJson);
        Assert.Equal(0, db.Sessions.Single(s => s.Id == sessionId).Sequence);
        var changes = await HtmlForm.GetDocumentAsync(site.NewClient(), "/changes");
        Assert.DoesNotContain("Explainable AI", changes.Body!.TextContent);
        var admin = await HtmlForm.GetDocumentAsync(organizer, "/admin");
        Assert.Contains("editor@example.org · Other · “Explainable AI in (Astro)physics”: abstractmarkdown edited", admin.QuerySelector(".history")!.TextContent);
    }

    [Fact]
    public async Task Renaming_a_break_is_announced_as_a_new_title()
    {
        var organizer = await site.SignedInOrganizerAsync("breaks@example.org");
        int breakId;
        using (var db = site.CreateDb())
        {
            breakId = db.Sessions.Single(s => s.Kind == SessionKind.Break && s.Start == new DateTime(2025, 4, 10, 15, 0, 0)).Id;
        }
        var form = await HtmlForm.LoadAsync(organizer, $"/admin/sessions/edit/{breakId}", "#edit-form");
        Assert.Equal(HttpStatusCode.Redirect, (await form.Set("Input.Title", "Break - Tea in the Atrium").SubmitAsync()).StatusCode);
        await OrganizerSite.PublishedAsync(organizer);
        var changes = await HtmlForm.GetDocumentAsync(site.NewClient(), "/changes");
        var renamed = changes.QuerySelectorAll("li.change").Single(li => li.TextContent.Contains("Tea in the Atrium"));
        Assert.Equal("Renamed: “Break - Coffee Station” is now “Break - Tea in the Atrium”.", renamed.TextContent.Trim());
        Assert.Equal($"/programme/2025-04-10#entry-{breakId}", renamed.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_room_in_use_is_not_deleted_and_the_page_says_what_uses_it()
    {
        var organizer = await site.SignedInOrganizerAsync("rooms@example.org");
        var roomId = RoomId("PI/2-251");
        var page = await HtmlForm.GetDocumentAsync(organizer, $"/admin/rooms/edit/{roomId}?handler=Delete");
        Assert.Contains("cannot be deleted", page.Body!.TextContent);
        Assert.Equal(3, page.QuerySelectorAll(".depends li").Length);
        Assert.Null(page.QuerySelector("form[action*='handler=Delete']"));

        var edit = await HtmlForm.LoadAsync(organizer, $"/admin/rooms/edit/{roomId}", "#edit-form");
        // The confirmation offers no delete button; a hand-made POST with a valid token is refused all the same.
        var deleteAttempt = await organizer.PostAsync($"/admin/rooms/edit/{roomId}?handler=Delete",
            new FormUrlEncodedContent([.. edit.Fields.Where(f => f.Key is "__RequestVerificationToken" or "Input.ConcurrencyStamp")]));
        Assert.Contains("still used by 3 blocks", await ErrorsOf(deleteAttempt));
        using var db = site.CreateDb();
        Assert.True(db.Rooms.Any(r => r.Id == roomId));
    }

    [Fact]
    public async Task A_speaker_with_talks_is_not_deleted()
    {
        var organizer = await site.SignedInOrganizerAsync("speakers@example.org");
        var page = await HtmlForm.GetDocumentAsync(organizer, $"/admin/speakers/edit/{SpeakerId("hugo-cui")}?handler=Delete");
        Assert.Contains("cannot be deleted", page.Body!.TextContent);
        Assert.Contains("Talk 9: Architectural bias", page.QuerySelector(".depends")!.TextContent);
    }

    [Fact]
    public async Task Room_codes_and_speaker_slugs_stay_unique()
    {
        var organizer = await site.SignedInOrganizerAsync("unique@example.org");
        var room = await HtmlForm.LoadAsync(organizer, "/admin/rooms/edit", "#edit-form");
        var roomErrors = await ErrorsOf(await room.Set("Input.Code", "pi/4-400").Set("Input.Name", "Copy").SubmitAsync());
        Assert.Contains("Code: another room already has the code “pi/4-400”", roomErrors);
        var speaker = await HtmlForm.LoadAsync(organizer, "/admin/speakers/edit", "#edit-form");
        var speakerErrors = await ErrorsOf(await speaker.Set("Input.Name", "Hugo Cui").SubmitAsync());
        Assert.Contains("Slug: “hugo-cui” already belongs to another speaker", speakerErrors);
    }

    [Fact]
    public async Task A_session_is_created_then_cancelled()
    {
        var organizer = await site.SignedInOrganizerAsync("sessions@example.org");
        var form = await HtmlForm.LoadAsync(organizer, "/admin/sessions/edit", "#edit-form");
        var created = await form.Set("Input.Kind", "Social").Set("Input.Title", "Poster session")
            .Set("Input.Date", "2025-04-11").Set("Input.StartTime", "14:00").Set("Input.EndTime", "15:00")
            .Set("Input.RoomId", RoomId("PI/1-124").ToString()).SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        int sessionId;
        using (var db = site.CreateDb())
        {
            sessionId = db.Sessions.Single(s => s.Title == "Poster session").Id;
        }
        await OrganizerSite.PublishedAsync(organizer);
        var friday = await HtmlForm.GetDocumentAsync(site.NewClient(), "/programme/2025-04-11");
        Assert.Contains("Poster session", friday.QuerySelector($"#entry-{sessionId}")!.TextContent);

        var cancel = await HtmlForm.LoadAsync(organizer, $"/admin/sessions/edit/{sessionId}", "#edit-form");
        Assert.Equal(HttpStatusCode.Redirect, (await cancel.Set("Input.Cancelled", "true").SubmitAsync()).StatusCode);
        await OrganizerSite.PublishedAsync(organizer);
        var changes = (await HtmlForm.GetDocumentAsync(site.NewClient(), "/changes")).QuerySelectorAll("li.change")
            .Where(li => li.TextContent.Contains("Poster session")).Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["Cancelled: “Poster session”, Friday 11 April 2025, 14:00, Toronto time.",
            "New: “Poster session” on Friday 11 April 2025, 14:00–15:00, Toronto time, in PI/1-124 Lower Bistro."], changes);
    }

    [Fact]
    public async Task A_change_of_speakers_is_recorded_with_their_names()
    {
        var organizer = await site.SignedInOrganizerAsync("lineup@example.org");
        var sessionId = SessionOfTalk(6);
        var form = await HtmlForm.LoadAsync(organizer, $"/admin/talks/edit/{sessionId}", "#edit-form");
        var response = await form.Set("Input.SpeakerIds", SpeakerId("yonatan-kahn").ToString(), SpeakerId("ro-jefferson").ToString()).SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await OrganizerSite.PublishedAsync(organizer);
        using var db = site.CreateDb();
        var record = db.Changes.Where(c => c.SessionId == sessionId).OrderByDescending(c => c.Id).First();
        Assert.Contains("\"field\":\"Speakers\",\"from\":\"Yonatan Kahn\",\"to\":\"Yonatan Kahn, Ro Jefferson\"", record.FieldChangesJson);
        var talk = await HtmlForm.GetDocumentAsync(site.NewClient(), "/talks/6");
        Assert.Equal(["Yonatan Kahn", "Ro Jefferson"], talk.QuerySelectorAll(".talk__speakers a").Select(a => a.TextContent).ToList());
    }
}
