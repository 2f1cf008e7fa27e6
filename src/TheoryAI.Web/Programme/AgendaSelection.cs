using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace TheoryAI.Web.Programme;

/// <summary>
/// A personal choice of talks, by number, as it travels in URLs: <c>talks=2,3,5</c> or <c>talks=2&amp;talks=3</c>
/// (what a checkbox form submits), or both mixed. The selection lives in the browser and in the URL, never on the
/// server. Every feature that takes a selection (agenda page, agenda .ics, booklet) parses it here.
/// </summary>
public sealed class AgendaSelection
{
    /// <summary>The query parameter that carries the selection.</summary>
    public const string QueryKey = "talks";

    /// <summary>More talks than this is not a personal agenda.</summary>
    public const int MaxTalks = 200;

    /// <summary>Longest accepted raw selection, in characters, all values together.</summary>
    public const int MaxLength = 2000;

    private AgendaSelection(IReadOnlyList<int> numbers) => Numbers = numbers;

    public static AgendaSelection Empty { get; } = new([]);

    /// <summary>The chosen talk numbers, each once, in ascending order.</summary>
    public IReadOnlyList<int> Numbers { get; }

    public bool IsEmpty => Numbers.Count == 0;

    /// <summary>The selection as a query value: "2,3,5".</summary>
    public string ToQueryValue() => string.Join(",", Numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)));

    /// <summary>"talks=2,3,5", ready to append to a path after '?'.</summary>
    public string ToQueryString() => $"{QueryKey}={ToQueryValue()}";

    public static AgendaSelection Of(IEnumerable<int> numbers) =>
        new(numbers.Where(n => n > 0).Distinct().Order().ToList());

    /// <summary>
    /// Reads the values of the <c>talks</c> parameter. Each value is a comma-separated list of positive whole numbers;
    /// spaces and empty items are ignored; repeats count once. No value at all is the empty selection.
    /// </summary>
    public static AgendaSelectionResult Parse(StringValues values)
    {
        var length = values.Sum(v => v?.Length ?? 0) + Math.Max(0, values.Count - 1);
        if (length > MaxLength)
        {
            return AgendaSelectionResult.Invalid(
                $"The talk selection is too long ({length.ToString(CultureInfo.InvariantCulture)} characters; at most {MaxLength.ToString(CultureInfo.InvariantCulture)}). Choose fewer talks.");
        }

        var numbers = new List<int>();
        foreach (var value in values)
        {
            foreach (var raw in (value ?? "").Split(','))
            {
                var item = raw.Trim();
                if (item.Length == 0)
                {
                    continue;
                }
                if (!item.All(char.IsAsciiDigit)
                    || !int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    || number < 1)
                {
                    var shown = item.Length > 20 ? item[..20] + "…" : item;
                    return AgendaSelectionResult.Invalid(
                        $"\"{shown}\" is not a talk number. The talk selection must be talk numbers separated by commas, for example {QueryKey}=2,3,5.");
                }
                numbers.Add(number);
            }
        }

        var selection = Of(numbers);
        if (selection.Numbers.Count > MaxTalks)
        {
            return AgendaSelectionResult.Invalid(
                $"The talk selection has {selection.Numbers.Count.ToString(CultureInfo.InvariantCulture)} talks; at most {MaxTalks.ToString(CultureInfo.InvariantCulture)} can be chosen.");
        }
        return AgendaSelectionResult.Valid(selection);
    }

    /// <summary>The chosen talks found in the programme, in time order, and the numbers it does not hold (any more).</summary>
    public (IReadOnlyList<ProgrammeEntry> Found, IReadOnlyList<int> Missing) Resolve(ProgrammeSnapshot programme)
    {
        var found = new List<ProgrammeEntry>();
        var missing = new List<int>();
        foreach (var number in Numbers)
        {
            if (programme.FindTalk(number) is { } entry)
            {
                found.Add(entry);
            }
            else
            {
                missing.Add(number);
            }
        }
        // Same order as the snapshot's timetable.
        var order = programme.Entries.Select((e, i) => (e, i)).ToDictionary(x => x.e.SessionId, x => x.i);
        return (found.OrderBy(e => order[e.SessionId]).ToList(), missing);
    }
}

/// <summary>Either a selection or a message saying what is wrong with the input (for a 400 response).</summary>
public sealed record AgendaSelectionResult
{
    private AgendaSelectionResult(AgendaSelection? selection, string? error)
    {
        Selection = selection;
        Error = error;
    }

    public AgendaSelection? Selection { get; }
    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Selection))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Selection is not null;

    public static AgendaSelectionResult Valid(AgendaSelection selection) => new(selection, null);

    public static AgendaSelectionResult Invalid(string error) => new(null, error);
}
