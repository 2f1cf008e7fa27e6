using Microsoft.Extensions.DependencyInjection;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Tests.Pages;
using TheoryAI.Web.Export.Booklet;
using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Export.Booklet;

public sealed class BookletRendererTests(SeededSite site) : IClassFixture<SeededSite>
{
    private readonly BookletRenderer _renderer = new();

    private async Task<ProgrammeSnapshot> SeededProgrammeAsync()
    {
        using var scope = site.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ProgrammeReader>().GetAsync();
    }

    private async Task<BookletPdf> SeededBookletAsync(BookletOptions? options = null) =>
        new(_renderer.Render(await SeededProgrammeAsync(), options ?? new BookletOptions()));

    [Fact]
    public async Task Booklet_holds_every_talk_title_and_speaker_with_affiliation()
    {
        var programme = await SeededProgrammeAsync();
        using var pdf = await SeededBookletAsync();
        var text = pdf.AllText;
        Assert.NotEmpty(programme.Talks);
        foreach (var talk in programme.Talks)
        {
            Assert.Contains(BookletPdf.Normalize(talk.Title), text);
            foreach (var speaker in talk.Talk!.Speakers)
            {
                Assert.Contains(speaker.Name, text);
                Assert.Contains(speaker.Affiliation!, text);
            }
        }
        Assert.Contains("École Polytechnique Fédérale de Lausanne", text);
        Assert.Contains("Towards a “Theoretical Minimum” for Physicists in AI", text);
    }

    [Fact]
    public async Task Cover_names_the_event_dates_venue_and_host()
    {
        using var pdf = await SeededBookletAsync();
        var cover = pdf.PageTexts[0];
        Assert.Contains("Theory + AI Workshop: Theoretical Physics for AI", cover);
        Assert.Contains("9–11 April 2025", cover);
        Assert.Contains("Perimeter Institute for Theoretical Physics", cover);
        Assert.Contains("31 Caroline Street North", cover);
        Assert.Contains("Eastern Daylight Time (America/Toronto)", cover);
    }

    [Fact]
    public async Task Every_page_after_the_cover_is_numbered_n_of_N()
    {
        using var pdf = await SeededBookletAsync();
        var count = pdf.PageTexts.Count;
        Assert.True(count >= 8, $"only {count} pages");
        for (var page = 2; page <= count; page++)
        {
            Assert.Contains($"{page} of {count}", pdf.PageTexts[page - 1]);
        }
        Assert.DoesNotContain($"1 of {count}", pdf.PageTexts[0]);
    }

    [Fact]
    public async Task Each_day_has_its_page_at_a_glance_with_times_rooms_and_breaks()
    {
        var programme = await SeededProgrammeAsync();
        using var pdf = await SeededBookletAsync();
        foreach (var day in programme.Days)
        {
            var page = pdf.PagesWith($"PROGRAMME AT A GLANCE {TheoryAI.Web.Programme.Display.LongDate(day.Date)}").Single();
            var text = pdf.PageTexts[page - 1];
            foreach (var entry in day.Entries)
            {
                Assert.Contains($"{entry.TimeRange} {BookletPdf.Normalize(entry.Title)}", text);
                if (entry.Room is not null)
                {
                    Assert.Contains(entry.Room.DisplayName, text);
                }
            }
        }
        Assert.Contains("12:30–13:30 Lunch - Upper Bistro Dining Room", pdf.AllText);
    }

    [Fact]
    public async Task Breaks_are_printed_lighter_than_talks()
    {
        using var pdf = await SeededBookletAsync();
        var glance = pdf.Document.GetPage(pdf.PagesWith("PROGRAMME AT A GLANCE Wednesday 9 April 2025").Single());
        var words = glance.GetWords().ToList();
        var lunch = words.First(w => w.Text == "Lunch");
        var scaling = words.First(w => w.Text == "Scaling");
        Assert.DoesNotContain("Bold", lunch.Letters[0].FontName);
        Assert.Contains("Bold", scaling.Letters[0].FontName);
        Assert.True(Lightness(lunch.Letters[0].Color.ToRGBValues()) > Lightness(scaling.Letters[0].Color.ToRGBValues()) + 0.3);
    }

    private static double Lightness((double R, double G, double B) c) => (c.R + c.G + c.B) / 3;

    [Fact]
    public async Task Talk_pages_give_time_room_speakers_abstract_and_recording()
    {
        var programme = await SeededProgrammeAsync();
        using var pdf = await SeededBookletAsync();
        var bordelon = programme.Talks.Single(t => t.Title == "Scaling Limits for Learning: Dynamics and Statics");
        var page = pdf.PagesWith("Scaling Limits for Learning: Dynamics and Statics Blake Bordelon, Harvard University").Single();
        var text = pdf.PageTexts[page - 1];
        Assert.Contains("09:45–10:30 Wednesday 9 April · PI/4-400 Space Room", text);
        var abstractWords = BookletPdf.Normalize(Web.Programme.MarkdownRenderer.ToPlainText(bordelon.Talk!.AbstractMarkdown));
        Assert.Contains(abstractWords[..120], text);
        Assert.Contains(abstractWords[^60..], pdf.PageTexts[page - 1] + " " + (page < pdf.PageTexts.Count ? pdf.PageTexts[page] : ""));
        Assert.Contains(pdf.Links(), l => l.Page == page && l.Uri == bordelon.Talk.RecordingUrl);
    }

    [Fact]
    public async Task Speaker_index_links_each_talk_to_the_page_of_its_abstract()
    {
        var programme = await SeededProgrammeAsync();
        using var pdf = await SeededBookletAsync();
        var indexPage = pdf.PagesWith("Speaker index Family name first.").Single();
        var index = pdf.PageTexts[indexPage - 1];
        Assert.Contains("Bordelon, Blake", index);
        var links = pdf.Links().Where(l => l.Page == indexPage && l.TargetPage is not null).ToList();
        var bookmarks = pdf.Bookmarks().OfType<UglyToad.PdfPig.Outline.DocumentBookmarkNode>().ToList();
        foreach (var talk in programme.Talks.Where(t => t.Talk!.Speakers.Count > 0))
        {
            var talkPage = bookmarks.Single(b => b.Title == talk.Title).PageNumber;
            var title = talk.Title.Replace(" ", "", StringComparison.Ordinal);
            Assert.Contains(links, l => l.TargetPage == talkPage && l.Text.Trim() == talkPage.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains(links, l => l.TargetPage == talkPage && l.Text.Length > 3 && title.StartsWith(l.Text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Outline_has_a_bookmark_for_each_day_and_each_talk()
    {
        var programme = await SeededProgrammeAsync();
        using var pdf = await SeededBookletAsync();
        var bookmarks = pdf.Bookmarks();
        var days = bookmarks.Where(b => b.Level == 0).Select(b => b.Title).ToList();
        foreach (var day in programme.Days)
        {
            var node = bookmarks.Single(b => b.Level == 0 && b.Title == TheoryAI.Web.Programme.Display.LongDate(day.Date));
            var talks = day.Entries.Where(e => e.Talk is not null).Select(e => e.Title).ToList();
            Assert.Equal(talks, node.Children.Select(c => c.Title).ToList());
            foreach (var child in node.Children.OfType<UglyToad.PdfPig.Outline.DocumentBookmarkNode>())
            {
                Assert.Contains(BookletPdf.Normalize(child.Title), pdf.PageTexts[child.PageNumber - 1]);
            }
        }
        Assert.Contains("Speaker index", days);
    }

    [Fact]
    public async Task Paper_sizes_are_A4_and_Letter()
    {
        using var a4 = await SeededBookletAsync(new BookletOptions(PaperSize.A4));
        using var letter = await SeededBookletAsync(new BookletOptions(PaperSize.Letter));
        Assert.All(a4.Document.GetPages(), p => Assert.Equal((595, 842), ((int)Math.Round(p.Width), (int)Math.Round(p.Height))));
        Assert.All(letter.Document.GetPages(), p => Assert.Equal((612, 792), ((int)Math.Round(p.Width), (int)Math.Round(p.Height))));
    }

    [Fact]
    public async Task Personal_booklet_holds_only_its_talks()
    {
        var programme = await SeededProgrammeAsync();
        var chosen = programme.Talks.Where(t => t.Kind == Web.Data.SessionKind.Talk).Take(3).ToList();
        using var pdf = await SeededBookletAsync(new BookletOptions(PaperSize.A4, chosen.Select(t => t.Talk!.Number).ToHashSet()));
        var text = pdf.AllText;
        Assert.Contains("PERSONAL PROGRAMME", pdf.PageTexts[0]);
        foreach (var talk in programme.Talks)
        {
            if (chosen.Contains(talk))
            {
                Assert.Contains(BookletPdf.Normalize(talk.Title), text);
            }
            else
            {
                Assert.DoesNotContain(BookletPdf.Normalize(talk.Title), text);
            }
        }
        Assert.Equal(chosen.Select(t => t.Title), pdf.Bookmarks().Where(b => b.Level == 1).Select(b => b.Title));
    }

    [Fact]
    public async Task Metadata_names_the_programme_and_dates_it_by_its_last_change()
    {
        var programme = await SeededProgrammeAsync();
        using var pdf = await SeededBookletAsync();
        var info = pdf.Document.Information;
        Assert.Equal("Theory + AI Workshop: Theoretical Physics for AI: programme", info.Title);
        Assert.Equal("Perimeter Institute for Theoretical Physics", info.Author);
        Assert.Contains("9–11 April 2025", info.Subject);
        var lastChange = programme.Entries.Max(e => e.LastModifiedUtc);
        Assert.Equal(new DateTimeOffset(DateTime.SpecifyKind(lastChange, DateTimeKind.Utc)).ToUnixTimeSeconds(), info.GetCreatedDateTimeOffset()!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task The_same_programme_renders_the_same_bytes()
    {
        var programme = await SeededProgrammeAsync();
        Assert.Equal(_renderer.Render(programme, new BookletOptions()), _renderer.Render(programme, new BookletOptions()));
    }

    [Fact]
    public async Task Booklet_passes_qpdf_check_with_every_font_embedded_and_subset()
    {
        using var pdf = await SeededBookletAsync();
        var (exit, output) = pdf.RunTool("qpdf", "--check");
        Assert.True(exit == 0, output);
        Assert.Contains("No syntax or stream encoding errors found", output);

        var (fontsExit, fonts) = pdf.RunTool("pdffonts", "");
        Assert.Equal(0, fontsExit);
        var rows = fonts.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            // name type encoding emb sub uni object ID: the three yes/no columns come just before the object number.
            var columns = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(columns[^5] == "yes" && columns[^4] == "yes", $"font not embedded and subset: {row}");
            Assert.Matches("^[A-Z]{6}\\+Noto Sans", row);
        }
    }

    [Fact]
    public async Task Room_counts_in_the_booklet_count_talks_as_the_site_does()
    {
        var programme = await SeededProgrammeAsync();
        using var pdf = await SeededBookletAsync();
        var venuePage = pdf.PageTexts[pdf.PagesWith("Venue and rooms").Last() - 1];
        var main = programme.Rooms.Single(r => r.Code == "PI/4-400");
        var inRoom = programme.Entries.Where(e => e.Room?.Id == main.Id).ToList();
        var talks = inRoom.Count(e => e.Kind == TheoryAI.Web.Data.SessionKind.Talk);
        // The seed has discussions and remarks in the main room: counting every numbered contribution gives more.
        Assert.True(inRoom.Count(e => e.Talk is not null) > talks);
        Assert.Contains($"{inRoom.Count} sessions, {talks} talks", venuePage);

        // The home page counts the same way, day by day.
        var home = await site.Client.GetStringAsync("/");
        foreach (var day in programme.Days.Where(d => d.Entries.Count > 0))
        {
            var onDay = day.Entries.Count(e => e.Kind == TheoryAI.Web.Data.SessionKind.Talk);
            Assert.Contains($"· {onDay} {(onDay == 1 ? "talk" : "talks")}", home);
        }
    }

    [Fact]
    public async Task Booklet_is_tagged_in_english_with_its_title_shown_and_described_links()
    {
        var programme = await SeededProgrammeAsync();
        using var pdf = await SeededBookletAsync();
        var (infoExit, info) = pdf.RunTool("pdfinfo", "");
        Assert.Equal(0, infoExit);
        Assert.Matches(@"Tagged:\s+yes", info);

        // The catalog as qpdf reads it: language, marked content, a structure tree, the title shown by viewers.
        var (jsonExit, json) = pdf.RunTool("qpdf", "--json=2 --json-key=qpdf");
        Assert.True(jsonExit == 0, json);
        using var parsed = System.Text.Json.JsonDocument.Parse(json);
        var objects = parsed.RootElement.GetProperty("qpdf")[1];
        System.Text.Json.JsonElement Resolve(System.Text.Json.JsonElement value) =>
            value.ValueKind == System.Text.Json.JsonValueKind.String && value.GetString()!.EndsWith(" R", StringComparison.Ordinal)
                ? objects.GetProperty($"obj:{value.GetString()}").GetProperty("value")
                : value;
        var catalog = objects.EnumerateObject()
            .Where(o => o.Value.TryGetProperty("value", out _))
            .Select(o => o.Value.GetProperty("value"))
            .Single(v => v.ValueKind == System.Text.Json.JsonValueKind.Object && v.TryGetProperty("/Type", out var type) && type.GetString() == "/Catalog");
        Assert.Equal("u:en", catalog.GetProperty("/Lang").GetString());
        Assert.True(Resolve(catalog.GetProperty("/MarkInfo")).GetProperty("/Marked").GetBoolean());
        Assert.True(Resolve(catalog.GetProperty("/ViewerPreferences")).GetProperty("/DisplayDocTitle").GetBoolean());
        Assert.True(catalog.TryGetProperty("/StructTreeRoot", out _));

        var (structExit, structure) = pdf.RunTool("pdfinfo", "-struct-text");
        Assert.Equal(0, structExit);
        foreach (var element in new[] { "H1", "H2", "P", "Table", "TR", "TD", "Link" })
        {
            Assert.Matches($"(?m)^\\s*{element}\\b", structure);
        }

        // Reading order: the structure holds every talk with its first speaker, in the order of the talk pages
        // (compared without white space: poppler joins the lines of a paragraph without a space).
        static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
        var text = Squeeze(structure);
        var position = text.IndexOf("TALKSANDABSTRACTS", StringComparison.Ordinal);
        Assert.True(position > 0);
        foreach (var talk in programme.Talks)
        {
            foreach (var expected in new[] { talk.Title }.Concat(talk.Talk!.Speakers.Take(1).Select(s => s.Name)))
            {
                var at = text.IndexOf(Squeeze(expected), position, StringComparison.Ordinal);
                Assert.True(at >= 0, $"'{expected}' is not in reading order in the structure tree");
                position = at + Squeeze(expected).Length;
            }
        }
        Assert.True(text.IndexOf("Speakerindex", position, StringComparison.Ordinal) > 0);

        var links = pdf.Document.GetPages().SelectMany(p => p.GetAnnotations()).Where(a => a.Type == UglyToad.PdfPig.Annotations.AnnotationType.Link).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.False(string.IsNullOrWhiteSpace(l.Content), "a link without a description"));
        Assert.Equal(pdf.Links().Count, links.Count);
        Assert.Contains(links, l => l.Content!.StartsWith("Page ", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Content!.Contains("https://", StringComparison.Ordinal));
    }
}
