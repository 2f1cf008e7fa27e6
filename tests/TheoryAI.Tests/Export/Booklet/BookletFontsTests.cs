using TheoryAI.Web.Data;
using TheoryAI.Web.Export.Booklet;
using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Export.Booklet;

/// <summary>Fallback fonts: maths and arrows print and extract as themselves; what no shipped font has is reported.</summary>
public sealed class BookletFontsTests
{
    private const string Maths = "∞ ≈ ≤ ≥ → − ∑ ∫ √ ∂ ∇ ⟨ ⟩ ∈ ⊗";
    private static readonly TimeZoneInfo Toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");

    private static ProgrammeSnapshot OneTalk(string title, string abstractMarkdown, string speaker = "Ada Lovelace")
    {
        var start = new DateTime(2025, 4, 9, 9, 0, 0);
        var room = new RoomInfo(1, "PI/4-400", "Space Room", 48);
        var person = new SpeakerInfo(1, "ada", speaker, "Analytical Engines", null);
        var entry = new ProgrammeEntry(1, SessionKind.Talk, title, start, start.AddMinutes(45),
            EventClock.ToInstant(start, Toronto), EventClock.ToInstant(start.AddMinutes(45), Toronto), room,
            new TalkInfo(1, "Talk", abstractMarkdown, null, [person]), 0, new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc));
        var ev = new EventInfo("Workshop", new DateOnly(2025, 4, 9), new DateOnly(2025, 4, 9), Toronto, "Institute", null,
            null, null, null, null, null, [], []);
        return new ProgrammeSnapshot(3, ev, [room], [new DayInfo(new DateOnly(2025, 4, 9), null)], [entry], [person]);
    }

    [Fact]
    public void Noto_Sans_lacks_the_maths_and_the_fallbacks_cover_every_character()
    {
        foreach (var rune in Maths.Replace(" ", "", StringComparison.Ordinal).EnumerateRunes())
        {
            Assert.False(BookletFonts.Covers(BookletFonts.Family, false, false, rune), $"Noto Sans has {rune}: the test proves nothing for it");
            Assert.NotEqual(BookletFonts.Family, BookletFonts.FamilyFor(rune, false, false));
            Assert.NotEqual(BookletFonts.Family, BookletFonts.FamilyFor(rune, true, true));
        }
        Assert.Empty(BookletFonts.MissingCharacters($"Entropy {Maths} α β γ — “quoted” É ø ⬆"));
    }

    [Fact]
    public void Characters_no_shipped_font_has_are_reported_once_each_in_order()
    {
        Assert.Equal(["量", "子", "🙂"], BookletFonts.MissingCharacters("Field theory 量子 ≈ 🙂\u000B and 量 again 🙂\uFE0F"));
        Assert.Equal(["子"], BookletFonts.MissingCharacters("子"));
        Assert.Empty(BookletFonts.MissingCharacters(null));
        Assert.Empty(BookletFonts.MissingCharacters("Plain text, tabs\tand\nbreaks."));
    }

    [Fact]
    public void Maths_in_an_abstract_prints_and_extracts_in_bold_italic_and_regular_text()
    {
        var programme = OneTalk($"Bounds {Maths}", $"We show that {Maths} holds, **bold {Maths}** and *italic {Maths}*.");
        var bytes = new BookletRenderer().Render(programme, new BookletOptions());
        using var pdf = new BookletPdf(bytes);

        var talkPage = pdf.PageTexts[pdf.PagesWith("We show that").Single() - 1];
        Assert.Contains($"We show that {Maths} holds, bold {Maths} and italic {Maths}.", talkPage);
        Assert.Contains($"Bounds {Maths}", talkPage);
        Assert.Contains($"Bounds {Maths}", pdf.PageTexts[2]); // the day at a glance

        var (exit, fonts) = pdf.RunTool("pdffonts", "");
        Assert.Equal(0, exit);
        var rows = fonts.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.Contains(rows, r => r.Contains("NotoSansMath", StringComparison.Ordinal) || r.Contains("Noto Sans Math", StringComparison.Ordinal));
        foreach (var row in rows)
        {
            var columns = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(columns[^5] == "yes" && columns[^4] == "yes" && columns[^3] == "yes", $"font not embedded, subset and mapped to Unicode: {row}");
        }
        Assert.Equal(bytes, new BookletRenderer().Render(programme, new BookletOptions()));
    }

    [Fact]
    public void Stored_control_characters_do_not_stop_the_booklet_and_never_reach_its_text()
    {
        var programme = OneTalk("Line\u000Bbreak\u0007 title", "First line\u000Bsecond line\u0000 with a NUL\u007F and DEL\u001B.",
            speaker: "Ada\u000BLovelace");
        var bytes = new BookletRenderer().Render(programme, new BookletOptions());
        using var pdf = new BookletPdf(bytes);
        Assert.Contains("First line second line", pdf.AllText);
        Assert.Contains("with a NUL and DEL.", pdf.AllText.Replace("\uFFFD", "", StringComparison.Ordinal));
        Assert.Contains("Line break title", pdf.AllText);
        Assert.DoesNotContain(pdf.AllText, char.IsControl);
        var (exit, output) = pdf.RunTool("qpdf", "--check");
        Assert.True(exit == 0, output);
    }
}
