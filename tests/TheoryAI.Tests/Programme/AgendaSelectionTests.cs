using Microsoft.Extensions.Primitives;
using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Programme;

public sealed class AgendaSelectionTests
{
    private static AgendaSelection Valid(params string[] values)
    {
        var result = AgendaSelection.Parse(new StringValues(values));
        Assert.True(result.IsValid, result.Error);
        return result.Selection;
    }

    private static string Invalid(params string[] values)
    {
        var result = AgendaSelection.Parse(new StringValues(values));
        Assert.False(result.IsValid);
        Assert.Null(result.Selection);
        return result.Error;
    }

    [Fact]
    public void A_comma_list_repeated_values_and_both_mixed_give_the_same_selection()
    {
        Assert.Equal([2, 3, 5], Valid("2,3,5").Numbers);
        Assert.Equal([2, 3, 5], Valid("5", "2", "3").Numbers);
        Assert.Equal([2, 3, 5], Valid("5,2", "3").Numbers);
        Assert.Equal("2,3,5", Valid(" 5 , 2,,3, ", "2").ToQueryValue());
        Assert.Equal("talks=2,3,5", Valid("3,5,2").ToQueryString());
    }

    [Fact]
    public void No_value_is_the_empty_selection()
    {
        Assert.True(Valid().IsEmpty);
        Assert.True(Valid("").IsEmpty);
        Assert.True(Valid(",").IsEmpty);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("2;3")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("+2")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("0x10")]
    [InlineData("99999999999")]
    [InlineData("٣")] // an Arabic-Indic digit three
    public void Anything_but_positive_whole_numbers_is_refused_with_the_offending_item(string item)
    {
        var error = Invalid($"2,{item}");
        Assert.Contains($"\"{item}\" is not a talk number", error);
        Assert.Contains("talks=2,3,5", error);
    }

    [Fact]
    public void Absurdly_long_selections_are_refused()
    {
        Assert.Contains("too long", Invalid(new string('1', 2001)));
        Assert.Contains("too long", Invalid(Enumerable.Repeat("12345", 400).ToArray()));
        Assert.Contains("at most 200", Invalid(string.Join(",", Enumerable.Range(1, 201))));
        Assert.Equal(200, Valid(string.Join(",", Enumerable.Range(1, 200))).Numbers.Count);
        // Repeats count once: 300 copies of a few numbers is a short selection, not a long one.
        Assert.Equal([1, 2, 3], Valid(string.Join(",", Enumerable.Repeat("1,2,3", 100))).Numbers);
    }
}
