using System.Net;
using TheoryAI.Tests.Infrastructure;

namespace TheoryAI.Tests.Pages.Admin;

/// <summary>
/// Two organizers save at the same moment: the rule check and the save are one serialized unit, so the race ends as a
/// sequential save would, with the rule's message on the kept form, never two "Saved" and never a 500.
/// </summary>
public sealed class ConcurrentSaveTests(OrganizerSite site) : IClassFixture<OrganizerSite>
{
    private const int Rounds = 6;

    /// <summary>Posts both forms at once and returns the two answers, the successful one first.</summary>
    private static async Task<(HttpResponseMessage Saved, HttpResponseMessage Refused)> RaceAsync(HtmlForm first, HtmlForm second)
    {
        var answers = await Task.WhenAll(first.SubmitAsync(), second.SubmitAsync());
        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.Redirect],
            answers.Select(a => a.StatusCode).Order().ToArray());
        return answers[0].StatusCode == HttpStatusCode.Redirect ? (answers[0], answers[1]) : (answers[1], answers[0]);
    }

    [Fact]
    public async Task Two_blocks_saved_into_one_room_at_one_time_at_once_are_both_saved_and_one_is_warned_of_the_clash()
    {
        var alice = await site.SignedInOrganizerAsync("race-alice@example.org");
        var bob = await site.SignedInOrganizerAsync("race-bob@example.org");
        var room = site.RoomId("PI/1-119").ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var round = 0; round < Rounds; round++)
        {
            var start = new TimeOnly(20, 0).AddMinutes(10 * round);
            var times = (Start: start.ToString("HH:mm"), End: start.AddMinutes(10).ToString("HH:mm"));
            var alicesForm = (await HtmlForm.LoadAsync(alice, "/admin/sessions/edit", "#edit-form"))
                .Set("Input.Title", $"Alice's block {round}").Set("Input.Kind", "Social").Set("Input.RoomId", room)
                .Set("Input.StartTime", times.Start).Set("Input.EndTime", times.End);
            var bobsForm = (await HtmlForm.LoadAsync(bob, "/admin/sessions/edit", "#edit-form"))
                .Set("Input.Title", $"Bob's block {round}").Set("Input.Kind", "Social").Set("Input.RoomId", room)
                .Set("Input.StartTime", times.Start).Set("Input.EndTime", times.End);

            // A clash is allowed in the draft, with a warning; the save that comes second sees the first (one write
            // transaction around check and save), so exactly one of the two is warned.
            var saved = await Task.WhenAll(alicesForm.SubmitAsync(), bobsForm.SubmitAsync());
            Assert.All(saved, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
            var notices = await Task.WhenAll(new[] { alice, bob }.Select(async c =>
                (await HtmlForm.GetDocumentAsync(c, "/admin")).QuerySelector(".notice")?.TextContent ?? ""));
            Assert.Single(notices, n => n.Contains("Warning: saved in the draft with a clash. Room: PI/1-119", StringComparison.Ordinal));
            using var db = site.CreateDb();
            Assert.Equal(2, db.Sessions.Count(s => s.Title.EndsWith($"block {round}")));
        }
    }

    [Fact]
    public async Task Two_rooms_created_with_one_code_at_once_get_one_saved_and_the_code_message_on_the_kept_form()
    {
        var alice = await site.SignedInOrganizerAsync("code-alice@example.org");
        var bob = await site.SignedInOrganizerAsync("code-bob@example.org");
        for (var round = 0; round < Rounds; round++)
        {
            var code = $"RACE/{round}";
            var alicesForm = (await HtmlForm.LoadAsync(alice, "/admin/rooms/edit", "#edit-form")).Set("Input.Code", code).Set("Input.Name", "Alice's room");
            var bobsForm = (await HtmlForm.LoadAsync(bob, "/admin/rooms/edit", "#edit-form")).Set("Input.Code", code).Set("Input.Name", "Bob's room");

            var (_, refused) = await RaceAsync(alicesForm, bobsForm);

            Assert.Contains($"Code: another room already has the code “{code}”", await OrganizerSite.ErrorsOf(refused));
            var kept = HtmlForm.From(alice, new Uri("http://localhost/"), await HtmlForm.ParseAsync(refused), "#edit-form");
            Assert.Equal(code, kept["Input.Code"]);
        }
    }

    [Fact]
    public async Task Two_talks_created_with_one_number_at_once_get_one_saved_and_the_number_message()
    {
        var alice = await site.SignedInOrganizerAsync("number-alice@example.org");
        var bob = await site.SignedInOrganizerAsync("number-bob@example.org");
        for (var round = 0; round < Rounds; round++)
        {
            var number = (900 + round).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var start = new TimeOnly(7, 0).AddMinutes(10 * round);
            HtmlForm Fill(HtmlForm form, string who) => form.Set("Input.Number", number).Set("Input.Title", $"{who}'s talk {number}")
                .Set("Input.StartTime", start.ToString("HH:mm")).Set("Input.EndTime", start.AddMinutes(5).ToString("HH:mm")).Set("Input.RoomId", "");
            var alicesForm = Fill(await HtmlForm.LoadAsync(alice, "/admin/talks/edit", "#edit-form"), "Alice");
            var bobsForm = Fill(await HtmlForm.LoadAsync(bob, "/admin/talks/edit", "#edit-form"), "Bob");

            var (_, refused) = await RaceAsync(alicesForm, bobsForm);

            Assert.Contains($"Number: {number} is already used by another talk", await OrganizerSite.ErrorsOf(refused));
        }
    }
}
