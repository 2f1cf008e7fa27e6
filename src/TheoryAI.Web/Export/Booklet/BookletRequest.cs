using Microsoft.Extensions.Primitives;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Booklet;

/// <summary>
/// The query of /booklet.pdf: <c>paper=a4|letter</c>, and <c>talks=2,3,5</c> for a personal booklet (parsed by
/// <see cref="AgendaSelection"/>, like every other feature that takes a selection). Bad input gets a message that says
/// how to fix it.
/// </summary>
public sealed record BookletRequest(PaperSize Paper, AgendaSelection? Selection)
{
    public static bool TryParse(string? paper, StringValues talks, out BookletRequest request, out string? error)
    {
        request = new BookletRequest(PaperSize.A4, null);
        if (!TryParsePaper(paper, out var size, out error))
        {
            return false;
        }
        AgendaSelection? selection = null;
        if (talks.Count > 0)
        {
            var parsed = AgendaSelection.Parse(talks);
            if (!parsed.IsValid)
            {
                error = parsed.Error;
                return false;
            }
            selection = parsed.Selection;
        }
        request = new BookletRequest(size, selection);
        return true;
    }

    public static bool TryParsePaper(string? value, out PaperSize paper, out string? error)
    {
        error = null;
        paper = PaperSize.A4;
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "a4":
                return true;
            case "letter":
                paper = PaperSize.Letter;
                return true;
            default:
                var shown = value.Length <= 40 ? value : value[..40] + "…";
                error = $"Unknown paper size '{shown}': use paper=a4 (the default) or paper=letter.";
                return false;
        }
    }
}
