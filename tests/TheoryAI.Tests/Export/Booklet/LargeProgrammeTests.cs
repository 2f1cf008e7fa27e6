using TheoryAI.Web.Export.Booklet;

namespace TheoryAI.Tests.Export.Booklet;

/// <summary>A programme far larger than the real one: 300 talks with long titles, long words and rich abstracts.</summary>
public sealed class LargeProgrammeTests
{
    private static readonly Lazy<BookletPdf> Booklet = new(() =>
        new BookletPdf(new BookletRenderer().Render(SyntheticProgramme.WithTalks(300), new BookletOptions())));

    [Fact]
    public void Three_hundred_talks_paginate_with_every_letter_inside_the_margins()
    {
        var pdf = Booklet.Value;
        Assert.True(pdf.Document.NumberOfPages > 60, $"{pdf.Document.NumberOfPages} pages");
        var outside = new List<string>();
        foreach (var page in pdf.Document.GetPages())
        {
            foreach (var letter in page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)))
            {
                var box = letter.BoundingBox;
                var inside = box.Left >= BookletRenderer.SideMargin - 0.5
                    && box.Right <= page.Width - BookletRenderer.SideMargin + 0.5
                    && box.Bottom >= BookletRenderer.SafeMargin
                    && box.Top <= page.Height - BookletRenderer.SafeMargin;
                if (!inside)
                {
                    outside.Add($"page {page.Number}: '{letter.Value}' at {box}");
                }
            }
        }
        Assert.True(outside.Count == 0, string.Join('\n', outside.Take(20)));
    }

    [Fact]
    public void Three_hundred_talks_all_appear_with_their_speakers_and_bookmarks()
    {
        var pdf = Booklet.Value;
        var text = pdf.AllText.Replace(" ", "", StringComparison.Ordinal);
        for (var number = 1; number <= 300; number++)
        {
            // Compared without spaces: the unbreakable titles are broken across lines.
            Assert.Contains(SyntheticProgramme.TitleOf(number).Replace(" ", "", StringComparison.Ordinal), text);
        }
        Assert.Contains("ÉléonoreZoëØstergård-7", text);
        Assert.Contains("α,βandγ—the“large-width”limit–with", text);
        var talkBookmarks = pdf.Bookmarks().Where(b => b.Level == 1).ToList();
        Assert.Equal(300, talkBookmarks.Count);
    }

    [Fact]
    public void Every_talk_heading_stays_on_the_page_with_its_speakers_and_abstract()
    {
        var pdf = Booklet.Value;
        var talks = pdf.Bookmarks().OfType<UglyToad.PdfPig.Outline.DocumentBookmarkNode>().Where(b => b.Level == 1).ToList();
        Assert.Equal(300, talks.Count);
        foreach (var talk in talks)
        {
            var page = pdf.PageTexts[talk.PageNumber - 1].Replace(" ", "", StringComparison.Ordinal);
            var title = page.IndexOf(talk.Title.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.True(title >= 0, $"'{talk.Title}' is not on page {talk.PageNumber}");
            Assert.True(page.IndexOf("Westudyscalinglaws", title, StringComparison.Ordinal) > title,
                $"'{talk.Title}' ends page {talk.PageNumber} without the start of its abstract");
        }
    }

    [Fact]
    public void Long_days_at_a_glance_repeat_the_column_heads_on_every_page()
    {
        var pdf = Booklet.Value;
        var glancePages = pdf.PageTexts.Where(t => t.Contains("At a glance · ", StringComparison.Ordinal)).ToList();
        Assert.True(glancePages.Count > 3, $"{glancePages.Count} pages at a glance");
        Assert.All(glancePages, text => Assert.Contains("TIME SESSION ROOM PAGE", text));
    }

    [Fact]
    public void A_word_longer_than_a_line_is_broken_not_cut()
    {
        var pdf = Booklet.Value;
        var text = pdf.AllText.Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains(new string('W', 300), text);
        Assert.Contains("https://example.org/" + new string('x', 400), text);
    }

    [Fact]
    public void Markdown_emphasis_and_lists_are_laid_out_as_rich_text()
    {
        var pdf = Booklet.Value;
        var talk = pdf.Bookmarks().OfType<UglyToad.PdfPig.Outline.DocumentBookmarkNode>().Single(b => b.Title == SyntheticProgramme.TitleOf(1));
        var page = pdf.Document.GetPage(talk.PageNumber);
        var words = page.GetWords().ToList();
        var scaling = words[words.FindIndex(w => w.Text == "study") + 1];
        Assert.Equal("scaling", scaling.Text);
        Assert.Contains("Bold", scaling.Letters[0].FontName);
        var emergent = words.First(w => w.Text == "emergent");
        Assert.Contains("Italic", emergent.Letters[0].FontName);
        Assert.Contains(words, w => w.Text == "•");
        Assert.Contains(pdf.Links(), l => l.Uri == "https://example.org/notes/1");
    }

    [Fact]
    public void Page_numbers_count_all_pages()
    {
        var pdf = Booklet.Value;
        var count = pdf.PageTexts.Count;
        Assert.Contains($"{count} of {count}", pdf.PageTexts[^1]);
        Assert.Contains($"2 of {count}", pdf.PageTexts[1]);
    }
}
