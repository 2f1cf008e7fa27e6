using System.Globalization;
using System.Text;

namespace TheoryAI.Tests.Infrastructure;

/// <summary>Writes a seed file with many parallel talks (same dates and zone as the shipped seed); no speaker is in two rooms at once.</summary>
public static class LargeProgrammeSeed
{
    public static string Write(int talks, int rooms, int speakers)
    {
        var yaml = new StringBuilder("""
            event:
              name: "Large Test Conference"
              startDate: 2025-04-09
              endDate: 2025-04-11
              timeZone: America/Toronto
              venue: Test Campus
            rooms:

            """);
        for (var r = 1; r <= rooms; r++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - code: R{r}\n    name: \"Room {r}\"\n");
        }
        yaml.Append("speakers:\n");
        for (var s = 1; s <= speakers; s++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - slug: speaker-{s}\n    name: \"Speaker Number{s}\"\n    affiliation: \"University {s % 17}\"\n");
        }
        yaml.Append("days:\n");
        var number = 1;
        for (var day = 0; number <= talks; day++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - date: 2025-04-{9 + day:00}\n    entries:\n");
            for (var slot = 0; slot < 16 && number <= talks; slot++)
            {
                var start = new TimeOnly(9, 0).AddMinutes(30 * slot);
                for (var r = 1; r <= rooms && number <= talks; r++, number++)
                {
                    yaml.Append(CultureInfo.InvariantCulture, $"""
                              - number: {number}
                                kind: talk
                                title: "Parallel talk {number}"
                                start: "{start:HH\:mm}"
                                end: "{start.AddMinutes(30):HH\:mm}"
                                room: R{r}
                                speakers: [speaker-{1 + 2 * number % speakers}, speaker-{1 + (2 * number + 1) % speakers}]
                                abstract: |
                                  Abstract of talk {number} with *Markdown*.

                        """);
                }
            }
        }
        var path = Path.Combine(Path.GetTempPath(), "theoryai-tests", $"{Guid.NewGuid():N}.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml.ToString());
        return path;
    }
}
