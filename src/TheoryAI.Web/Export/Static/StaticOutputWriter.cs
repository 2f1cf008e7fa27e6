using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using TheoryAI.Web.Infrastructure;

namespace TheoryAI.Web.Export.Static;

/// <summary>
/// With Conference:StaticOutput set, the node writes the static views into that folder once it listens, and again after
/// every change of the programme: its own saves, or another node's seen by the version read (ExternalWriterWatch, once a
/// second). The views are requested from this node's own address.
/// </summary>
public sealed class StaticOutputWriter(IServiceScopeFactory scopes, IServer server, IHostApplicationLifetime lifetime,
    ProgrammeGeneration generation, IOptions<ConferenceOptions> options, ILogger<StaticOutputWriter> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrEmpty(options.Value.StaticOutput))
        {
            return;
        }
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            logger.LogWarning("Conference:StaticOutput is set but the server has no address to read the views from.");
            return;
        }
        using var client = new HttpClient { BaseAddress = new Uri(Loopback(address)) };
        long? published = null;
        using var timer = new PeriodicTimer(Poll);
        do
        {
            var current = generation.Value;
            if (current == published)
            {
                continue;
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<StaticPublisher>().PublishAsync(client, options.Value.StaticOutput, stoppingToken);
                published = current;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Writing the static views to {Folder} failed; trying again.", options.Value.StaticOutput);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>A wildcard listening address (0.0.0.0, [::], +, *) is reached on loopback.</summary>
    internal static string Loopback(string address)
    {
        var uri = address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal);
        return uri.TrimEnd('/') + "/";
    }
}
