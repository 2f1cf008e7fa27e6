using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TheoryAI.Web.Data;

namespace TheoryAI.BrowserTests.Infrastructure;

/// <summary>
/// One site on Kestrel and one headless Chromium for the whole browser suite. Chromium is the Debian package's
/// (never a downloaded build); a machine without it fails the suite with a message saying what to install.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly SiteUnderTest _site;

    public BrowserFixture() : this(null)
    {
    }

    /// <summary>A site whose clock reads <paramref name="now"/> (e.g. the event's morning), seeded from
    /// <paramref name="seedFile"/> (default: the shipped seed), for a test of its own.</summary>
    internal BrowserFixture(DateTimeOffset? now, string? seedFile = null) => _site = new SiteUnderTest(now, seedFile);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The site's services (database, accounts), for tests that prepare data the browser then uses.</summary>
    public IServiceProvider Services => _site.Services;

    public static string ProjectDirectory { get; } =
        typeof(BrowserFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ProjectDirectory").Value!;

    public static string AxeScriptPath => Path.Combine(ProjectDirectory, "axe", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Screenshots and PDFs the suite writes for people to look at (git-ignored).</summary>
    public static string ArtefactsDirectory => Path.Combine(ProjectDirectory, "screenshots");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>Changes the site's store directly and publishes the change as a release (as an organizer's edit and
    /// Publish would), e.g. to arrange a clash.</summary>
    public async Task ChangeProgrammeAsync(Func<ConferenceDb, Task> change)
    {
        using var scope = _site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDb>();
        await change(db);
        await db.SaveChangesAsync();
        await TheoryAI.Web.Programme.Releases.PublishAsync(db, null, null, "browser test", DateTime.UtcNow);
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ChromiumPath}: install the Debian package 'chromium' " +
                "(apt-get install chromium fonts-liberation fonts-noto-core). The suite never downloads a browser.");
        }
        await InstallAxeAsync();
        Directory.CreateDirectory(ArtefactsDirectory);

        BaseAddress = _site.Start();
        _playwright = await Playwright.CreateAsync();
        // Playwright gives every launch a new temporary profile (user-data-dir) and deletes it on close.
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A new browser context (own cookies, viewport, colour scheme, zone) with one page in it.</summary>
    public async Task<BrowserTab> OpenAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseAddress.ToString();
        options.Locale ??= "en-GB";
        var context = await Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        return await BrowserTab.AttachAsync(context, page);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        await _site.DisposeAsync();
    }

    /// <summary>axe-core comes from npm (axe/package-lock.json); install it on first use.</summary>
    private static async Task InstallAxeAsync()
    {
        if (File.Exists(AxeScriptPath))
        {
            return;
        }
        var start = new ProcessStartInfo("npm", "ci --no-audit --no-fund")
        {
            WorkingDirectory = Path.Combine(ProjectDirectory, "axe"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                "The accessibility tests need axe-core from npm, and npm is not installed (apt-get install npm).", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0 || !File.Exists(AxeScriptPath))
            {
                throw new InvalidOperationException(
                    $"'npm ci' in {start.WorkingDirectory} failed (exit {process.ExitCode}); axe-core is needed for the " +
                    $"accessibility tests.\n{await output}\n{await errors}");
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
