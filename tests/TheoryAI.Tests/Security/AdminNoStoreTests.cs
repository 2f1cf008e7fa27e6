using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TheoryAI.Tests.Infrastructure;

namespace TheoryAI.Tests.Security;

/// <summary>Issue 10 item 11: no admin or account response is kept by a browser or proxy.</summary>
public sealed partial class AdminNoStoreTests(OrganizerSite site) : IClassFixture<OrganizerSite>
{
    [Fact]
    public async Task Every_admin_and_account_page_says_no_store()
    {
        var client = await site.SignedInOrganizerAsync("nostore@example.org");
        var paths = site.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(p => p.StartsWith("admin", StringComparison.OrdinalIgnoreCase) || p.StartsWith("account", StringComparison.OrdinalIgnoreCase)
                || p.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) || p.StartsWith("/account", StringComparison.OrdinalIgnoreCase))
            .Select(p => "/" + Parameter().Replace(p.TrimStart('/'), "1").Replace("/1?", "", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.Contains("/admin/speakers", paths);
        Assert.Contains("/admin/rooms", paths);
        var missing = new List<string>();
        foreach (var path in paths.Where(p => !p.Contains("logout", StringComparison.OrdinalIgnoreCase)))
        {
            var response = await client.GetAsync(path);
            if (response.Headers.CacheControl?.NoStore != true)
            {
                missing.Add($"{path} ({(int)response.StatusCode})");
            }
        }
        Assert.Empty(missing);
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
