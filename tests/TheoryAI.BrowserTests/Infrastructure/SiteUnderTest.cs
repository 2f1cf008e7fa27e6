using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace TheoryAI.BrowserTests.Infrastructure;

/// <summary>
/// The real site on Kestrel, on a free loopback port, with a throw-away Sqlite file seeded from seed-data/.
/// "Now" is fixed before the event, so no entry is marked as running, unless a test gives another moment.
/// </summary>
public sealed class SiteUnderTest : WebApplicationFactory<Program>
{
    private readonly string _databasePath =
        Path.Combine(Path.GetTempPath(), "theoryai-browser-tests", $"{Guid.NewGuid():N}.db");

    private readonly string? _seedFile;

    /// <summary>A site whose clock reads <paramref name="now"/>, seeded from <paramref name="seedFile"/> (default:
    /// the shipped seed).</summary>
    public SiteUnderTest(DateTimeOffset? now = null, string? seedFile = null)
    {
        _seedFile = seedFile;
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>Starts Kestrel and returns the address it listens on, e.g. http://127.0.0.1:41234.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without reporting the address it listens on.");
        return new Uri(address);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Conference", $"Data Source={_databasePath}");
        if (_seedFile is not null)
        {
            builder.UseSetting("Conference:SeedFile", _seedFile);
        }
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm", _databasePath + "-journal" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }
}
