using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Export.Booklet;

namespace TheoryAI.Tests.Export.Booklet;

public sealed class BookletMathsAndBiosTests : IDisposable
{
    private readonly SiteFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Maths_in_an_abstract_reads_as_text_and_a_speakers_bio_is_in_the_speaker_index()
    {
        string speakerName;
        using (var db = _factory.CreateDb())
        {
            var talk = db.Talks.Single(t => t.Number == 2);
            talk.AbstractMarkdown = "We bound the energy of $\\hat{H}$ by $\\alpha^2$.\n\n$$\\sum_i \\lambda_i \\leq \\infty$$";
            var speaker = db.TalkSpeakers.Where(ts => ts.TalkId == talk.Id).Select(ts => ts.Speaker).First();
            speaker.BioMarkdown = "Studies renormalisation in deep networks since 2019.";
            speakerName = speaker.Name;
            await db.SaveChangesAsync();
        }
        await _factory.PublishAsync();
        var bytes = await _factory.CreateClient().GetByteArrayAsync("/booklet.pdf");
        using var pdf = new BookletPdf(bytes);
        var text = pdf.AllText;
        Assert.Contains("α²", text);
        Assert.Contains("∑", text);
        Assert.Contains("≤ ∞", text);
        Assert.DoesNotContain("\\hat", text);
        Assert.DoesNotContain("$", text);
        Assert.Empty(BookletFonts.MissingCharacters(TheoryAI.Web.Programme.TexText.ToReadable("\\hat{H} \\alpha^2 \\sum_i \\lambda_i \\leq \\infty \\langle \\psi \\rangle \\hbar \\nabla")));

        var index = pdf.PagesWith("Speaker index").Max();
        var bioPages = pdf.PagesWith("Studies renormalisation in deep networks since 2019.");
        Assert.Contains(bioPages, p => p >= index);
        Assert.Contains(speakerName.Split(' ').Last(), pdf.PageTexts[bioPages.Max() - 1]);
    }
}
