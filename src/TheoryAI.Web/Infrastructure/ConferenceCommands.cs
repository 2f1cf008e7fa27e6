using Microsoft.Extensions.Options;
using TheoryAI.Web.Data.Seed;

namespace TheoryAI.Web.Infrastructure;

/// <summary>Maintenance commands run instead of the site: <c>dotnet TheoryAI.Web.dll seed [--replace] [--file path]</c>.</summary>
public static class ConferenceCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "seed";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        switch (args[0])
        {
            case "seed":
                return await SeedAsync(services, args[1..]);
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'.");
                return 2;
        }
    }

    private static async Task<int> SeedAsync(IServiceProvider services, string[] args)
    {
        var replace = args.Contains("--replace");
        var fileIndex = Array.IndexOf(args, "--file");
        var seedFile = fileIndex >= 0 && fileIndex + 1 < args.Length
            ? Path.GetFullPath(args[fileIndex + 1])
            : services.GetRequiredService<IOptions<ConferenceOptions>>().Value.ResolveSeedFile();
        var importer = services.GetRequiredService<SeedImporter>();
        try
        {
            await importer.MigrateAsync();
            if (replace)
            {
                await importer.ReplaceAsync(seedFile);
                Console.WriteLine($"Replaced the programme with {seedFile}.");
                return 0;
            }
            var outcome = await importer.ImportIfEmptyAsync(seedFile);
            if (outcome == SeedOutcome.StoreAlreadyHoldsProgramme)
            {
                await Console.Error.WriteLineAsync("The store already holds a programme; nothing was imported. Use 'seed --replace' to discard it and import the seed again (organizer accounts are kept).");
                return 1;
            }
            Console.WriteLine($"Imported {seedFile}.");
            return 0;
        }
        catch (SeedException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
