using TheoryAI.Web.Data;
using TheoryAI.Web.Data.Seed;
using TheoryAI.Web.Export.Frab;

namespace TheoryAI.Web.Infrastructure;

/// <summary>
/// Moving a programme between tools: <c>import --from frab FILE [--replace]</c> (a schedule.xml or schedule.json as
/// frab and pretalx export it) and <c>export --to yaml FILE</c> (the programme as a seed file, seed-data/SCHEMA.md).
/// </summary>
public static class ProgrammeTransferCommands
{
    public const string ImportUsage = "Usage: import --from frab FILE [--replace]   (FILE: schedule.xml or schedule.json)";
    public const string ExportUsage = "Usage: export --to yaml FILE";

    public static async Task<int> ImportAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var from = ValueOf(args, "--from");
        var file = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--from")).FirstOrDefault();
        if (from != "frab" || file is null)
        {
            await error.WriteLineAsync(ImportUsage);
            return 2;
        }
        var path = Path.GetFullPath(file);
        var importer = services.GetRequiredService<SeedImporter>();
        try
        {
            var programme = FrabImport.Read(path);
            await importer.MigrateAsync();
            if (args.Contains("--replace"))
            {
                await importer.ReplaceAsync(programme);
                await output.WriteLineAsync($"Replaced the programme with {path} (organizer accounts kept).");
                return 0;
            }
            if (await importer.ImportIfEmptyAsync(programme, Path.GetFileName(path)) == SeedOutcome.StoreAlreadyHoldsProgramme)
            {
                await error.WriteLineAsync("The store already holds a programme; nothing was imported. Use 'import --from frab FILE --replace' to discard it (organizer accounts are kept).");
                return 1;
            }
            await output.WriteLineAsync($"Imported {path}: {programme.Sessions.Count} entries, {programme.Speakers.Count} speakers, {programme.Rooms.Count} rooms.");
            return 0;
        }
        catch (SeedException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    public static async Task<int> ExportAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var to = ValueOf(args, "--to");
        var file = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--to")).FirstOrDefault();
        if (to != "yaml" || file is null)
        {
            await error.WriteLineAsync(ExportUsage);
            return 2;
        }
        var db = services.GetRequiredService<ConferenceDb>();
        await services.GetRequiredService<SeedImporter>().MigrateAsync();
        if (!db.Events.Any())
        {
            await error.WriteLineAsync("The store holds no programme to export.");
            return 1;
        }
        var path = Path.GetFullPath(file);
        var written = await SeedFileWriter.WriteAsync(db, path);
        await output.WriteLineAsync($"Wrote the programme to {path}" + (written.Count > 1 ? $" and its images to {string.Join(", ", written.Skip(1).Select(Path.GetFileName))}." : "."));
        return 0;
    }

    private static string? ValueOf(string[] args, string option)
    {
        var i = Array.IndexOf(args, option);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
