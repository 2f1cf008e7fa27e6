using System.Diagnostics;
using TheoryAI.Tests.Infrastructure;

namespace TheoryAI.Tests.Security;

/// <summary>Issue 10 item 7 (start-up): the built site, run as a process, stops with one message and exit code 1.</summary>
[Trait("Store", TestStore.SqliteOnly)]
public sealed class StartupFailureTests
{
    private static string SiteDll()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TheoryAI.Web.dll");
        Assert.True(File.Exists(dll), dll + " is missing");
        return dll;
    }

    private static async Task<(int Exit, string Output, string Errors)> RunSiteAsync(string connectionString, string? seedFile = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(SiteDll());
        start.Environment["ConnectionStrings__Conference"] = connectionString;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DataProtection__KeysFolder"] = Path.Combine(Path.GetTempPath(), "theoryai-tests", "startup-keys");
        if (seedFile is not null)
        {
            start.Environment["Conference__SeedFile"] = seedFile;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The site kept running instead of stopping at start-up.");
        }
        return (process.ExitCode, await output, await errors);
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    [Fact]
    public async Task A_broken_seed_stops_start_up_with_one_message_and_no_stack_trace()
    {
        var folder = Path.Combine(Path.GetTempPath(), "theoryai-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var seed = Path.Combine(folder, "broken.yaml");
        await File.WriteAllTextAsync(seed, "event: [this is : not closed\n");
        try
        {
            var (exit, output, errors) = await RunSiteAsync($"Data Source={Path.Combine(folder, "site.db")}", seed);

            Assert.Equal(1, exit);
            Assert.Equal(1, Count(output + errors, "The seed file has errors"));
            Assert.Contains("The seed file has errors", errors);
            Assert.DoesNotContain("   at ", output + errors);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_store_that_cannot_be_written_stops_start_up_with_one_message_and_no_stack_trace()
    {
        var missing = Path.Combine(Path.GetTempPath(), "theoryai-tests", Guid.NewGuid().ToString("N"), "absent.db");
        var (exit, output, errors) = await RunSiteAsync($"Data Source={missing};Mode=ReadOnly");

        Assert.Equal(1, exit);
        Assert.Equal(1, Count(output + errors, "The store could not be opened or written"));
        Assert.Contains("The store could not be opened or written", errors);
        Assert.DoesNotContain("   at ", output + errors);
    }
}
