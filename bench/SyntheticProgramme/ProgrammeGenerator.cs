using System.Globalization;
using System.Text;

namespace TheoryAI.Bench.SyntheticProgramme;

public sealed record GeneratorSettings(int Talks = 1000, int Rooms = 40, int Speakers = 800, int Days = 3, int RandomSeed = 2025);

/// <summary>
/// A large, realistic-looking programme: every room runs 30-minute talks in parallel between coffee breaks and lunch,
/// one to three speakers per talk, a Markdown abstract each. The same settings always give the same file.
/// </summary>
public static class ProgrammeGenerator
{
    private static readonly DateOnly FirstDay = new(2026, 2, 6);

    // Talk slots of a day (start times); breaks and lunch sit between the blocks.
    private static readonly string[] SlotStarts =
        ["09:00", "09:30", "10:00", "11:00", "11:30", "12:00", "13:30", "14:00", "14:30", "15:30", "16:00", "16:30"];

    private static readonly (string Kind, string Title, string Start, string End)[] Intermissions =
    [
        ("break", "Coffee break", "10:30", "11:00"),
        ("meal", "Lunch", "12:30", "13:30"),
        ("break", "Coffee break", "15:00", "15:30"),
    ];

    private static readonly string[] FirstNames =
    [
        "Ada", "Alan", "Amara", "Anders", "Aiko", "Bruno", "Carla", "Chen", "Dmitri", "Elena", "Emeka", "Fatima",
        "Giulia", "Hannah", "Hiro", "Ines", "Ivan", "Jana", "Jonas", "Kofi", "Laila", "Lars", "Lucía", "Mateo",
        "Mei", "Nadia", "Noah", "Olga", "Omar", "Priya", "Rafael", "Sara", "Sven", "Tomás", "Uma", "Vera", "Wei",
        "Yara", "Yusuf", "Zoë",
    ];

    private static readonly string[] LastNames =
    [
        "Abe", "Bianchi", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Horvat", "Ibrahim", "Jansen", "Kowalski",
        "Lindqvist", "Martin", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka", "Umarov",
        "Varga", "Weber", "Xu", "Yilmaz", "Zhang", "Novak", "Silva", "Müller", "O'Brien",
    ];

    private static readonly string[] Affiliations =
    [
        "University of Waterloo", "Perimeter Institute", "ETH Zürich", "University of Cambridge", "Harvard University",
        "EPFL", "Universiteit Utrecht", "KU Leuven", "University of Tokyo", "Sorbonne Université", "Max Planck Institute",
        "University of Toronto", "Stanford University", "Tsinghua University", "Universidad de Buenos Aires",
        "University of Cape Town", "Indian Institute of Science", "Free Software Foundation Europe", "Independent",
    ];

    private static readonly string[] Adjectives =
    [
        "Scalable", "Robust", "Interpretable", "Quantum", "Probabilistic", "Distributed", "Reproducible", "Sparse",
        "Causal", "Efficient", "Open", "Federated", "Geometric", "Stochastic", "Compositional", "Incremental",
    ];

    private static readonly string[] Subjects =
    [
        "Renormalization", "Neural Networks", "Package Managers", "Diffusion Models", "Compilers", "Scaling Laws",
        "Kernels", "Databases", "Field Theories", "Build Systems", "Language Models", "Graph Algorithms",
        "Tensor Networks", "Schedulers", "Type Systems", "Observability",
    ];

    private static readonly string[] Topics =
    [
        "the Edge", "Physics", "Embedded Linux", "Open Science", "Climate Models", "Large Clusters", "the Browser",
        "Mobile Devices", "Theorem Provers", "Scientific Computing", "Small Teams", "Real-Time Audio",
    ];

    private static readonly string[] Sentences =
    [
        "We present a framework that makes the problem tractable at scale.",
        "The approach borrows tools from statistical physics and applies them to real systems.",
        "Benchmarks on public data sets show consistent gains over the usual baselines.",
        "I will discuss what went wrong in our first attempt and what we changed.",
        "The talk ends with open questions and an invitation to contribute.",
        "Along the way we meet **renormalization group** flows and their discrete cousins.",
        "All code is released under a free licence; see the [project page](https://example.org/project).",
        "We compare three designs and explain why the simplest one won.",
        "Measurements from a year in production guide the discussion.",
        "No prior knowledge beyond undergraduate linear algebra is assumed.",
    ];

    public static string Generate(GeneratorSettings settings)
    {
        if (settings.Rooms is < 1 or > 999 || settings.Days is < 1 or > 28 || settings.Speakers < 1 || settings.Talks < 1)
        {
            throw new ArgumentException("rooms must be 1-999, days 1-28, speakers and talks at least 1");
        }
        var capacity = settings.Rooms * settings.Days * SlotStarts.Length;
        if (settings.Talks > capacity)
        {
            throw new ArgumentException($"{settings.Talks} talks do not fit into {capacity} slots ({settings.Rooms} rooms x {settings.Days} days x {SlotStarts.Length} slots)");
        }
        var random = new Random(settings.RandomSeed);
        var yaml = new StringBuilder(1 << 20);
        var lastDay = FirstDay.AddDays(settings.Days - 1);

        yaml.Append(CultureInfo.InvariantCulture, $"""
            # Synthetic programme for load and scale measurements (bench/SyntheticProgramme, random seed {settings.RandomSeed}).
            event:
              name: {Quote($"Synthetic Conference ({settings.Talks} talks, {settings.Rooms} rooms)")}
              startDate: {FirstDay:yyyy-MM-dd}
              endDate: {lastDay:yyyy-MM-dd}
              timeZone: Europe/Brussels
              venue: Synthetic Campus
              address: Avenue Franklin Roosevelt 50, Brussels, Belgium
              host: The Synthetic Conference Team
              description: |
                A generated programme with every room running talks in parallel, used to measure how the site
                scales from a small workshop to a large conference.
              organizers:
                - name: Ada Organizer
                  affiliation: Synthetic Campus

            """);

        yaml.Append("rooms:\n");
        for (var r = 1; r <= settings.Rooms; r++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - code: {RoomCode(r)}\n    name: {Quote($"Room {r}")}\n    capacity: {50 + random.Next(0, 20) * 25}\n");
        }

        yaml.Append("\nspeakers:\n");
        var slugs = new string[settings.Speakers];
        for (var s = 0; s < settings.Speakers; s++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            slugs[s] = $"speaker-{s + 1}";
            yaml.Append(CultureInfo.InvariantCulture, $"  - slug: {slugs[s]}\n    name: {Quote($"{first} {last}")}\n    affiliation: {Quote(Affiliations[random.Next(Affiliations.Length)])}\n");
        }

        // Choose which (day, slot, room) cells hold a talk; the rest stay empty, as in a real timetable.
        var cells = new List<(int Day, int Slot, int Room)>(capacity);
        for (var d = 0; d < settings.Days; d++)
        {
            for (var t = 0; t < SlotStarts.Length; t++)
            {
                for (var r = 1; r <= settings.Rooms; r++)
                {
                    cells.Add((d, t, r));
                }
            }
        }
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(cells));
        var chosen = cells.Take(settings.Talks).Order().ToList();

        yaml.Append("\ndays:\n");
        var number = 1;
        var talkIndex = 0;
        var busy = new HashSet<int>();
        var busySlot = (Day: -1, Slot: -1);
        for (var d = 0; d < settings.Days; d++)
        {
            var date = FirstDay.AddDays(d);
            yaml.Append(CultureInfo.InvariantCulture, $"  - date: {date:yyyy-MM-dd}\n    title: {Quote(date.ToString("dddd d MMMM", CultureInfo.InvariantCulture))}\n    entries:\n");
            if (d == 0)
            {
                yaml.Append("      - kind: registration\n        title: \"Registration\"\n        start: \"08:30\"\n        end: \"09:00\"\n");
            }
            foreach (var (kind, title, start, end) in Intermissions)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"      - kind: {kind}\n        title: {Quote(title)}\n        start: \"{start}\"\n        end: \"{end}\"\n");
            }
            while (talkIndex < chosen.Count && chosen[talkIndex].Day == d)
            {
                var (_, slot, room) = chosen[talkIndex++];
                var start = TimeOnly.ParseExact(SlotStarts[slot], "HH:mm", CultureInfo.InvariantCulture);
                if ((d, slot) != busySlot)
                {
                    busy.Clear();
                    busySlot = (d, slot);
                }
                var speakerCount = random.Next(10) switch { < 7 => 1, < 9 => 2, _ => 3 };
                var speakers = new List<string>();
                for (var k = 0; k < speakerCount; k++)
                {
                    // A speaker gives one talk at a time: the seed import refuses a speaker in two rooms at once.
                    var pick = random.Next(slugs.Length);
                    for (var tries = 0; busy.Contains(pick) && tries < slugs.Length; tries++)
                    {
                        pick = (pick + 1) % slugs.Length;
                    }
                    if (busy.Add(pick))
                    {
                        speakers.Add(slugs[pick]);
                    }
                }
                yaml.Append(CultureInfo.InvariantCulture, $"""
                          - number: {number++}
                            kind: talk
                            title: {Quote($"{Pick(random, Adjectives)} {Pick(random, Subjects)} for {Pick(random, Topics)}")}
                            start: "{start:HH\:mm}"
                            end: "{start.AddMinutes(25):HH\:mm}"
                            room: {RoomCode(room)}
                            type: Talk
                            speakers: [{string.Join(", ", speakers)}]
                            recording: https://video.example.org/{date:yyyy}/{RoomCode(room).ToLowerInvariant()}-{number - 1}
                            abstract: |
                              {Abstract(random)}

                    """);
            }
        }
        return yaml.ToString();
    }

    private static string RoomCode(int room) => $"R{room:000}";

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];

    private static string Abstract(Random random)
    {
        var sentences = Enumerable.Range(0, 4 + random.Next(5)).Select(_ => Pick(random, Sentences));
        return string.Join(' ', sentences);
    }

    private static string Quote(string value) => $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
