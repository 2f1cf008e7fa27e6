using Microsoft.Playwright;
using TheoryAI.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TheoryAI.BrowserTests.Security;

/// <summary>The pages under the site's own Content-Security-Policy, in a browser that enforces it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser)
{
    public static TheoryData<string> Pages() => PublicPages.Data();

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_works_under_the_policy_without_errors_or_violations(string path)
    {
        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions { TimezoneId = "Europe/Paris" });
        var response = await tab.Page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.Contains("script-src 'self'", (await response.AllHeadersAsync())["content-security-policy"]);

        // Styles applied (the stylesheet was allowed) and the script ran where the page has times.
        Assert.Equal("flex", await tab.Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.site-header .wrap')).display"));
        var toggle = tab.Page.Locator(".local-time__toggle");
        if (await toggle.CountAsync() > 0)
        {
            await toggle.ClickAsync();
            await Expect(toggle).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("event's time zone"));
        }

        Assert.Empty(await tab.CspViolationsAsync());
        // The 404 page's own status is logged by Chromium as a failed resource; anything else is a fault.
        var problems = tab.Problems.Where(p => !(path == PublicPages.NotFound && p.Contains("status of 404"))).ToList();
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Inline_script_is_blocked_and_reported()
    {
        // Guards the check above: the policy is enforced and a violation is seen.
        await using var tab = await browser.OpenAsync();
        await tab.GoAsync("/");
        await tab.Page.EvaluateAsync("""
            () => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.head.append(s); }
            """);
        await tab.Page.WaitForFunctionAsync("() => window.__cspViolations.length > 0");

        Assert.False(await tab.Page.EvaluateAsync<bool>("() => window.injected === true"));
        Assert.Contains(await tab.CspViolationsAsync(), v => v.StartsWith("script-src"));
    }
}
