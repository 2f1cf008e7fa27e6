using System.Globalization;

namespace TheoryAI.Web.Export.Booklet;

/// <summary>
/// The query of /booklet.pdf: <c>paper=a4|letter</c> and <c>talks=2,3,5</c> (a personal booklet). Parsing refuses what
/// is not a list of numbers or is absurdly long, with a message that says how to fix it.
/// </summary>
public sealed record BookletRequest(PaperSize Paper, IReadOnlyList<int>? Talks)
{
    public const int MaxTalks = 200;
    public const int MaxTalksLength = 2000;

    public static bool TryParse(string? paper, string? talks, out BookletRequest request, out string? error)
    {
        request = new BookletRequest(PaperSize.A4, null);
        if (!TryParsePaper(paper, out var size, out error) || !TryParseTalks(talks, out var numbers, out error))
        {
            return false;
        }
        request = new BookletRequest(size, numbers);
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
                error = $"Unknown paper size '{Shorten(value)}': use paper=a4 (the default) or paper=letter.";
                return false;
        }
    }

    /// <summary>A comma-separated list of contribution numbers, e.g. "2,3,5". Null when there is no selection.</summary>
    public static bool TryParseTalks(string? value, out IReadOnlyList<int>? talks, out string? error)
    {
        talks = null;
        error = null;
        if (value is null)
        {
            return true;
        }
        if (value.Length > MaxTalksLength)
        {
            error = $"The talks selection is too long ({value.Length.ToString(CultureInfo.InvariantCulture)} characters; at most {MaxTalksLength.ToString(CultureInfo.InvariantCulture)}).";
            return false;
        }
        var items = value.Split(',', StringSplitOptions.TrimEntries);
        if (items.Length > MaxTalks)
        {
            error = $"The talks selection lists {items.Length.ToString(CultureInfo.InvariantCulture)} items; at most {MaxTalks.ToString(CultureInfo.InvariantCulture)} are accepted.";
            return false;
        }
        var numbers = new SortedSet<int>();
        foreach (var item in items)
        {
            if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
            {
                error = $"The talks selection must be a comma-separated list of talk numbers, such as talks=2,3,5; '{Shorten(item)}' is not a talk number.";
                return false;
            }
            numbers.Add(number);
        }
        talks = numbers.ToList();
        return true;
    }

    private static string Shorten(string? value) =>
        value is null ? "" : value.Length <= 40 ? value : value[..40] + "…";
}
