using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace TheoryAI.BrowserTests.Infrastructure;

/// <summary>A rule axe-core found broken, with the elements that break it.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<string> Targets)
{
    public bool IsSeriousOrWorse => Impact is "serious" or "critical";

    public override string ToString() =>
        $"[{Impact}] {Id}: {Help} ({Targets.Count} element(s): {string.Join(", ", Targets.Take(5))}{(Targets.Count > 5 ? ", ..." : "")})";
}

/// <summary>Runs axe-core (from axe/node_modules) on the page as it is now.</summary>
public static class Axe
{
    private const string Run = """
        async () => {
            const result = await axe.run(document, { resultTypes: ['violations'] });
            return JSON.stringify(result.violations.map(v => ({
                id: v.id, impact: v.impact ?? 'unknown', help: v.help,
                targets: v.nodes.map(n => n.target.join(' ')) })));
        }
        """;

    /// <summary>The page's context must bypass the site's CSP: Playwright injects axe as an inline script.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> CheckAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = BrowserFixture.AxeScriptPath });
        var json = await page.EvaluateAsync<string>(Run);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(v => new AxeViolation(
                v.GetProperty("id").GetString()!,
                v.GetProperty("impact").GetString()!,
                v.GetProperty("help").GetString()!,
                v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToList()))
            .ToList();
    }

    public static string Report(string what, IReadOnlyList<AxeViolation> violations)
    {
        var report = new StringBuilder($"axe-core on {what}: {violations.Count} violation(s)");
        foreach (var v in violations)
        {
            report.Append("\n  ").Append(v);
        }
        return report.ToString();
    }
}
