using System.Globalization;
using TheoryAI.Web.Data;
using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Export.Booklet;

/// <summary>Builds programme snapshots directly, without a store: as many talks as a test needs, with hard text in them.</summary>
public sealed class SyntheticProgramme
{
    private static readonly TimeZoneInfo Toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");
    private static readonly string[] Words =
    [
        "renormalization", "group", "flows", "neural", "networks", "kernel", "scaling", "laws", "field", "theory",
        "Bayesian", "inference", "diffusion", "models", "entropy", "symmetry", "Feynman", "path", "integrals", "learning",
    ];

    private readonly List<RoomInfo> _rooms =
    [
        new(1, "PI/4-400", "Space Room", 48),
        new(2, "PI/1-119", "Atrium", 205),
    ];

    private readonly List<SpeakerInfo> _speakers = [];
    private readonly List<ProgrammeEntry> _entries = [];
    private readonly List<DayInfo> _days = [];

    public static DateOnly FirstDay { get; } = new(2025, 4, 9);

    /// <summary>A programme of <paramref name="talks"/> numbered talks spread over three days, with breaks between them.</summary>
    public static ProgrammeSnapshot WithTalks(int talks, long version = 7)
    {
        var builder = new SyntheticProgramme();
        var perDay = (int)Math.Ceiling(talks / 3.0);
        var number = 1;
        for (var day = 0; day < 3; day++)
        {
            var date = FirstDay.AddDays(day);
            builder._days.Add(new DayInfo(date, null));
            var start = date.ToDateTime(new TimeOnly(8, 0));
            for (var i = 0; i < perDay && number <= talks; i++)
            {
                if (i > 0 && i % 10 == 0)
                {
                    builder.AddEntry(SessionKind.Break, "Break – coffee in the Atrium", start, 5, builder._rooms[1], null);
                    start = start.AddMinutes(5);
                }
                builder.AddTalk(number++, start);
                start = start.AddMinutes(5);
            }
        }
        return builder.Build(version);
    }

    public static string TitleOf(int number) => number % 17 == 0
        ? $"Talk {number}: Supercalifragilisticexpialidociousrenormalizationgroupflowsofdeepneuralnetworksintheinfinitewidthlimit{number}"
        : number % 5 == 0
            ? $"Talk {number}: On the {Words[number % Words.Length]} of {Words[(number + 3) % Words.Length]} in the large-N limit, with corrections from {Words[(number + 7) % Words.Length]} and a very long subtitle that must wrap over several lines"
            : $"Talk {number}: {Words[number % Words.Length]} and {Words[(number + 5) % Words.Length]}";

    public static string SpeakerName(int index) => index % 7 == 0 ? $"Éléonore Zoë Østergård-{index}" : $"Speaker Person{index.ToString("D3", CultureInfo.InvariantCulture)}";

    /// <summary>Markdown with what abstracts hold: emphasis, a list, links, Greek letters, curly quotes, dashes, and one
    /// unbreakable word far longer than a line.</summary>
    public static string AbstractOf(int number)
    {
        var filler = string.Join(' ', Enumerable.Range(0, 40 + number % 60).Select(i => Words[(i * 7 + number) % Words.Length]));
        var markdown = $"""
            We study **scaling laws** and *emergent symmetry* in networks with parameters α, β and γ — the “large-width” limit – with {filler}.

            - first, the kernel regime;
            - second, the *feature-learning* regime, see [the notes](https://example.org/notes/{number});

            A closing paragraph about Δ and Σ on 10–11 April.
            """;
        if (number % 11 == 0)
        {
            markdown += "\n\nhttps://example.org/" + new string('x', 400) + "\n\n" + new string('W', 300);
        }
        return markdown;
    }

    private void AddTalk(int number, DateTime start)
    {
        var speakers = Enumerable.Range(0, 1 + number % 3).Select(i => Speaker((number * 3 + i) % 250)).ToList();
        var talk = new TalkInfo(number, "Talk", AbstractOf(number), number % 4 == 0 ? $"https://recordings.example.org/{number}" : null, speakers);
        AddEntry(SessionKind.Talk, TitleOf(number), start, 5, _rooms[number % 2], talk);
    }

    private SpeakerInfo Speaker(int index)
    {
        var existing = _speakers.FirstOrDefault(s => s.Id == index + 1);
        if (existing is not null)
        {
            return existing;
        }
        var speaker = new SpeakerInfo(index + 1, $"speaker-{index}", SpeakerName(index),
            index % 4 == 0 ? "École Polytechnique Fédérale de Lausanne" : $"University of Somewhere {index}", null);
        _speakers.Add(speaker);
        return speaker;
    }

    private void AddEntry(SessionKind kind, string title, DateTime start, int minutes, RoomInfo? room, TalkInfo? talk)
    {
        var end = start.AddMinutes(minutes);
        _entries.Add(new ProgrammeEntry(_entries.Count + 1, kind, title, start, end,
            EventClock.ToInstant(start, Toronto), EventClock.ToInstant(end, Toronto), room, talk, 0,
            new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc)));
    }

    private ProgrammeSnapshot Build(long version)
    {
        var ev = new EventInfo("Synthetic Workshop on Very Long Names: A Test of Pagination", FirstDay, FirstDay.AddDays(2), Toronto,
            "Institut für Physik, Université de Test", "1 Example Street, Waterloo", "Université de Test", "https://example.org/event",
            "An **event** for tests.", null, null,
            [new PersonInfo("Ana Organizer", "Université de Test")], [new PersonInfo("Bo Committee", null)]);
        return new ProgrammeSnapshot(version, ev, _rooms, _days, _entries, _speakers);
    }
}
