using System.Globalization;
using TheoryAI.Bench.SyntheticProgramme;

// Writes a synthetic conference programme as a seed file (the format of seed-data/SCHEMA.md).
// Usage: SyntheticProgramme [--talks 1000] [--rooms 40] [--speakers 800] [--days 3] [--seed 2025] --out path.yaml
var settings = new GeneratorSettings();
string? output = null;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    int Number() => int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
    switch (args[i])
    {
        case "--talks": settings = settings with { Talks = Number() }; break;
        case "--rooms": settings = settings with { Rooms = Number() }; break;
        case "--speakers": settings = settings with { Speakers = Number() }; break;
        case "--days": settings = settings with { Days = Number() }; break;
        case "--seed": settings = settings with { RandomSeed = Number() }; break;
        case "--out": output = Value(); break;
        default:
            Console.Error.WriteLine($"Unknown option '{args[i]}'.");
            return 2;
    }
}
if (output is null)
{
    Console.Error.WriteLine("Usage: SyntheticProgramme [--talks N] [--rooms N] [--speakers N] [--days N] [--seed N] --out file.yaml");
    return 2;
}
try
{
    var yaml = ProgrammeGenerator.Generate(settings);
    File.WriteAllText(output, yaml);
    Console.WriteLine($"Wrote {settings.Talks} talks, {settings.Rooms} rooms, {settings.Speakers} speakers over {settings.Days} days to {output}.");
    return 0;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
