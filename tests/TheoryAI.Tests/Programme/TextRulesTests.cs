using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Programme;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("one\vtwo", "one\ntwo")]
    [InlineData("one\r\ntwo\rthree", "one\ntwo\nthree")]
    [InlineData("one\u2028two\u2029three\u0085four\ffive", "one\ntwo\nthree\nfour\nfive")]
    public void Pasted_line_breaks_become_plain_line_breaks_in_multi_line_text(string pasted, string stored) =>
        Assert.Equal(stored, TextRules.Normalise(pasted, multiLine: true));

    [Fact]
    public void Pasted_line_breaks_and_tabs_become_spaces_in_a_one_line_field() =>
        Assert.Equal("Scaling limits for learning", TextRules.Normalise("Scaling limits\vfor\tlearning", multiLine: false));

    [Theory]
    [InlineData("bell\u0007", "U+0007", 5)]
    [InlineData("\u001Bescape", "U+001B", 1)]
    [InlineData("del\u007F", "U+007F", 4)]
    [InlineData("c1\u0090", "U+0090", 3)]
    public void Other_control_characters_are_refused_with_their_code_and_position(string text, string code, int position)
    {
        var problem = TextRules.Problem(TextRules.Normalise(text, multiLine: true));
        Assert.NotNull(problem);
        Assert.Contains($"({code}) at position {position}", problem);
    }

    [Fact]
    public void A_lone_surrogate_is_refused() =>
        Assert.Contains("(U+D800) at position 5", TextRules.Problem("lone" + (char)0xD800 + "surrogate"));

    [Theory]
    [InlineData("Émilie Du Châtelet — “quoted” 😀")]
    [InlineData("tab\tand\nline break")]
    public void Ordinary_text_passes(string text) => Assert.Null(TextRules.Problem(text));
}
