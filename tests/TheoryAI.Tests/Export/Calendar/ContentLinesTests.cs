using System.Text;
using TheoryAI.Web.Export.Calendar;

namespace TheoryAI.Tests.Export.Calendar;

/// <summary>Folding of content lines: 75 octets, between characters, never inside an escape sequence.</summary>
public sealed class ContentLinesTests
{
    public static TheoryData<string, string> Escapes => new()
    {
        { "\\n", "ASCII before" },
        { "\\,", "ASCII before" },
        { "\\;", "ASCII before" },
        { "\\\\", "ASCII before" },
        { "\\n", "é before" },
        { "\\\\", "é before" },
        { "\\,", "🙂 before" },
        { "\\;", "量 before" },
    };

    [Theory]
    [MemberData(nameof(Escapes))]
    public void A_fold_never_falls_inside_an_escape_sequence_at_any_offset(string escape, string filler)
    {
        var lead = filler[0].ToString();
        if (char.IsHighSurrogate(filler[0]))
        {
            lead = filler[..2];
        }
        // The escape lands on every offset from well before the first fold to well after the second one.
        for (var offset = 50; offset < 170; offset++)
        {
            var prefix = new StringBuilder("DESCRIPTION:");
            while (Encoding.UTF8.GetByteCount(prefix.ToString()) < offset)
            {
                prefix.Append(Encoding.UTF8.GetByteCount(prefix.ToString()) % 3 == 0 ? lead : "x");
            }
            var line = prefix + escape + "tail" + escape + escape + new string('y', 80);
            var folded = ContentLines.Fold(line + "\r\n");

            IcsText.AssertFoldsOutsideEscapes(folded);
            Assert.Equal(line + "\r\n", ContentLines.Unfold(folded));
            IcsText.AssertLinesWithinLimit(Encoding.UTF8.GetBytes(folded));
        }
    }

    [Fact]
    public void Control_characters_never_reach_a_content_line()
    {
        var folded = ContentLines.Fold("SUMMARY:a\u000Bb\u0000c\u007Fd\te\r\n");
        Assert.Equal("SUMMARY:abcd\te\r\n", folded);
    }
}
