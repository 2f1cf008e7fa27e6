using System.Data.Common;
using Microsoft.Extensions.Options;
using TheoryAI.Web.Data.Seed;

namespace TheoryAI.Web.Infrastructure;

/// <summary>
/// Before the server accepts requests: migrate the store and import the seed into an empty store. A bad seed file
/// stops start-up with its problems listed (file, entry, field); so does a store that cannot be written.
/// </summary>
public sealed class StoreInitializer(IServiceScopeFactory scopes, IOptions<ConferenceOptions> options, ILogger<StoreInitializer> logger)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedOnStart)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<SeedImporter>();
        // Program prints the message of a SeedException or StoreStartupException once and exits with 1, no stack trace.
        try
        {
            await importer.MigrateAndImportIfEmptyAsync(options.Value.ResolveSeedFile(), cancellationToken);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
        {
            logger.LogDebug(e, "The store failed at start-up.");
            throw new StoreStartupException(
                $"The store could not be opened or written ({e.Message}). Check that its folder exists, is writable by the site and has free space.", e);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
