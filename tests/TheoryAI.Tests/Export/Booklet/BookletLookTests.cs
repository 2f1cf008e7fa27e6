using Microsoft.Extensions.DependencyInjection;
using TheoryAI.Tests.Data;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Export.Booklet;
using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Export.Booklet;

/// <summary>The booklet's cover carries the event's look: the accent band, the tagline under the title, a PNG logo.</summary>
public sealed class BookletLookTests(SeededSite site) : IClassFixture<SeededSite>
{
    private async Task<ProgrammeSnapshot> SeededProgrammeAsync()
    {
        using var scope = site.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ProgrammeReader>().GetAsync();
    }

    [Fact]
    public async Task The_cover_shows_the_tagline_under_the_title()
    {
        using var pdf = new BookletPdf(new BookletRenderer().Render(await SeededProgrammeAsync(), new BookletOptions()));
        var cover = BookletPdf.Normalize(pdf.PageTexts[0]);
        Assert.Contains("Three days on a theoretical framework for AI, built from the tools of theoretical physics", cover);
        Assert.True(cover.IndexOf("Theoretical Physics for AI", StringComparison.Ordinal) < cover.IndexOf("Three days on", StringComparison.Ordinal), cover);
    }

    [Fact]
    public async Task A_png_logo_goes_on_the_cover_and_the_file_stays_valid()
    {
        var programme = await SeededProgrammeAsync();
        var withLogo = new BookletRenderer().Render(programme, new BookletOptions(), SeedLookTests.Png(240, 80));
        var without = new BookletRenderer().Render(programme, new BookletOptions());
        using var pdf = new BookletPdf(withLogo);
        using var plain = new BookletPdf(without);
        Assert.NotEmpty(pdf.Document.GetPage(1).GetImages());
        Assert.Empty(plain.Document.GetPage(1).GetImages());
        var (exit, output) = pdf.RunTool("qpdf", "--check");
        Assert.True(exit == 0, output);
    }
}
