using Microsoft.Extensions.Options;
using TheoryAI.Web.Data.Seed;

namespace TheoryAI.Web.Infrastructure;

/// <summary>
/// Before the server accepts requests: migrate the store and import the seed into an empty store. A bad seed file
/// stops start-up with its problems listed (file, entry, field).
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
        await importer.MigrateAsync(cancellationToken);
        try
        {
            await importer.ImportIfEmptyAsync(options.Value.ResolveSeedFile(), cancellationToken);
        }
        catch (SeedException ex)
        {
            logger.LogCritical("{Problems}", ex.Message);
            throw;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
