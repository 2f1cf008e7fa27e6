using System.Diagnostics;
using System.Text.Json;

namespace TheoryAI.Tests.Export.Calendar;

/// <summary>
/// Parses iCalendar text with ical.js under node (ics-check/check.mjs), an implementation independent of Ical.Net.
/// The first use installs ical.js from ics-check/package-lock.json with <c>npm ci</c> when node_modules is missing.
/// Node runs in a zone far from the event's, so an event read as floating time would show wrong instants.
/// </summary>
public static class IcalJs
{
    private static readonly Lazy<Task<string>> Installed = new(InstallAsync);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "ics-check");

    public static async Task<IcalJsCalendar> ParseAsync(string ics)
    {
        var folder = await Installed.Value;
        var file = Path.Combine(Path.GetTempPath(), "theoryai-tests", $"{Guid.NewGuid():N}.ics");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, ics);
        try
        {
            var (exit, output, error) = await RunAsync("node", ["check.mjs", file], folder);
            Assert.True(exit == 0, $"ical.js could not read the calendar: {error}");
            return JsonSerializer.Deserialize<IcalJsCalendar>(output, Json)!;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> InstallAsync()
    {
        if (!File.Exists(Path.Combine(Folder, "node_modules", "ical.js", "package.json")))
        {
            var (exit, output, error) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], Folder);
            if (exit != 0)
            {
                throw new InvalidOperationException($"npm ci in {Folder} failed ({exit}): {output}\n{error}");
            }
        }
        return Folder;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string program, string[] arguments, string folder)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["TZ"] = "Asia/Tokyo";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // A guard against a hung child process, not a performance assertion.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(guard.Token);
        return (process.ExitCode, await output, await error);
    }
}

public sealed record IcalJsCalendar(
    string? Name, string? Version, string? RefreshInterval, string? PublishedTtl,
    List<IcalJsTimeZone> Timezones, List<IcalJsEvent> Events);

public sealed record IcalJsTimeZone(string Tzid, int Standard, int Daylight);

public sealed record IcalJsEvent(
    string Uid, string Summary, string? Description, string? Location, string? Url, List<string> Categories,
    int Sequence, DateTimeOffset Dtstamp, DateTimeOffset? LastModified, string? StartZone, string? EndZone,
    DateTimeOffset StartUtc, DateTimeOffset EndUtc, string? Status = null);
